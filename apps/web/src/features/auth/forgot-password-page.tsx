import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { checkEmail, type FieldProblem } from '../../lib/validation';
import { AuthHeading } from './auth-heading';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.pageTitle'));
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const request = useMutation({
    mutationFn: (body: { email: string }) => api.post<{ ok: true }>('/api/auth/password-reset', body),
    onError: () => {},
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEmail(email);
    setProblem(found);
    if (!found) {
      request.mutate({ email: email.trim() });
    }
  };

  return (
    <>
      <AuthHeading title={t('auth.forgot.title')} intro={t('auth.forgot.intro')} />
      <form onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
        <Stack gap="md">
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={problem ? t(`auth.validation.${problem}`) : undefined}
            autoComplete="email"
            name="email"
            required
          />
          <FormAlert
            tone="success"
            message={
              request.isSuccess ? t('auth.forgot.sent', { email: request.variables?.email ?? '' }) : null
            }
          />
          <FormAlert message={request.isError ? describeError(t, request.error) : null} />
          <Button type="submit" size="md" loading={request.isPending}>
            {t('auth.forgot.submit')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('auth.forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </>
  );
}
