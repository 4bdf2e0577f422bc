import { Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { checkNewPassword, type FieldProblem } from '../../lib/validation';
import { AuthHeading } from './auth-heading';

/** Target of the emailed link: /reset-password?token=… */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.reset.pageTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const confirm = useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/auth/password-reset/confirm', body),
    onError: () => {},
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password);
    setProblem(found);
    if (!found) {
      confirm.mutate(
        { token, newPassword: password },
        { onSuccess: () => navigate('/sign-in?reason=passwordReset', { replace: true }) },
      );
    }
  };

  const tokenRejected =
    confirm.isError &&
    isApiError(confirm.error) &&
    ['NOT_FOUND', 'VALIDATION_FAILED', 'BAD_REQUEST', 'UNAUTHENTICATED', 'CONFLICT'].includes(
      confirm.error.code,
    );

  if (token.length < 20 || tokenRejected) {
    return (
      <>
        <AuthHeading title={t('auth.reset.title')} />
        <Stack gap="md">
          <FormAlert message={tokenRejected ? t('auth.reset.invalidToken') : t('auth.reset.missingToken')} />
          <Button component={Link} to="/forgot-password">
            {t('auth.reset.requestNew')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('auth.forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </>
    );
  }

  return (
    <>
      <AuthHeading title={t('auth.reset.title')} intro={t('auth.reset.intro')} />
      <form onSubmit={onSubmit} noValidate data-testid="reset-password-form">
        <Stack gap="md">
          <PasswordInput
            label={t('auth.fields.newPassword')}
            description={t('auth.fields.passwordHint')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={problem ? t(`auth.validation.${problem}`) : undefined}
            autoComplete="new-password"
            name="newPassword"
            required
          />
          <FormAlert message={confirm.isError ? describeError(t, confirm.error) : null} />
          <Button type="submit" size="md" loading={confirm.isPending}>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
