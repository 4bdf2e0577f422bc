import { Alert, Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { VisibilityNote } from '../../components/visibility-note';
import { currentLanguage, type Language, SUPPORTED_LANGUAGES } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import {
  checkEmail,
  checkNewPassword,
  checkRequired,
  type FieldProblem,
  hasProblems,
} from '../../lib/validation';
import { AuthHeading } from './auth-heading';
import { useSetup } from './session';

/** First run: the very first account becomes the instance administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.setup.pageTitle'));
  const setup = useSetup();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [problems, setProblems] = useState<Record<string, FieldProblem | null>>({});

  const problem = (field: string) => {
    const found = problems[field];
    return found ? t(`auth.validation.${found}`) : undefined;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      displayName: checkRequired(displayName),
      email: checkEmail(email),
      password: checkNewPassword(password),
    };
    setProblems(found);
    if (hasProblems(found)) {
      return;
    }
    // On success the setup gate moves on to /organisation.
    setup.mutate({ displayName: displayName.trim(), email: email.trim(), password, language });
  };

  return (
    <>
      <AuthHeading
        eyebrow={t('auth.setup.eyebrow')}
        title={t('auth.setup.title')}
        intro={t('auth.setup.intro')}
      />
      <form onSubmit={onSubmit} noValidate data-testid="setup-form">
        <Stack gap="md">
          <TextInput
            label={t('auth.fields.displayName')}
            description={t('auth.fields.displayNameHint')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={problem('displayName')}
            autoComplete="name"
            name="displayName"
            required
            data-autofocus
          />
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={problem('email')}
            autoComplete="email"
            name="email"
            required
          />
          <PasswordInput
            label={t('auth.fields.password')}
            description={t('auth.fields.passwordHint')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={problem('password')}
            autoComplete="new-password"
            name="password"
            required
          />
          <Select
            label={t('auth.fields.language')}
            data={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: t(`header.languages.${lng}`) }))}
            value={language}
            onChange={(value) => value && setLanguage(value as Language)}
            allowDeselect={false}
            name="language"
          />
          <Alert variant="light" color="honey" icon={<Icon name="shield" size={20} />}>
            {t('auth.setup.adminNote')}
          </Alert>
          <FormAlert message={setup.isError ? describeError(t, setup.error) : null} />
          <Button type="submit" size="md" loading={setup.isPending}>
            {t('auth.setup.submit')}
          </Button>
          <VisibilityNote>{t('auth.setup.visibility')}</VisibilityNote>
        </Stack>
      </form>
    </>
  );
}
