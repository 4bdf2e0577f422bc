import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { checkEmail, checkRequired, type FieldProblem, hasProblems } from '../../lib/validation';
import { SsoSignInButtons } from '../sso/sso-sign-in-buttons';
import { AuthHeading } from './auth-heading';
import { retryAfterSeconds, safeNextPath, useMe, useSignIn } from './session';

/** Why the visitor landed here, from `?reason=`: shown above the form. */
const REASONS = ['expired', 'signedOut', 'accountDeleted', 'passwordReset'] as const;
type Reason = (typeof REASONS)[number];

function isReason(value: string | null): value is Reason {
  return REASONS.some((reason) => reason === value);
}

/** The server refuses a password sign-in with `details.reason = 'SSO_REQUIRED'` for SSO-only organisations. */
function isSsoRequired(details: unknown): boolean {
  return (
    typeof details === 'object' &&
    details !== null &&
    'reason' in details &&
    details.reason === 'SSO_REQUIRED'
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signIn.pageTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const { data: me } = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, FieldProblem | null>>({});

  if (me && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={next} replace />;
  }

  const problem = (field: string) => {
    const found = problems[field];
    return found ? t(`auth.validation.${found}`) : undefined;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkRequired(password) };
    setProblems(found);
    if (hasProblems(found)) {
      return;
    }
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  let errorMessage: string | null = null;
  if (signIn.isError) {
    const error = signIn.error;
    const wait = retryAfterSeconds(error);
    if (isApiError(error) && error.code === 'RATE_LIMITED') {
      errorMessage =
        wait === null
          ? t('auth.signIn.rateLimitedSoon')
          : t('auth.signIn.rateLimited', { count: Math.max(1, Math.ceil(wait / 60)) });
    } else if (isApiError(error) && isSsoRequired(error.details)) {
      errorMessage = t('sso.signIn.required');
    } else if (isApiError(error) && error.status === 401) {
      errorMessage = t('auth.signIn.invalid');
    } else {
      errorMessage = describeError(t, error);
    }
  }

  return (
    <>
      <AuthHeading title={t('auth.signIn.title')} intro={t('auth.signIn.intro')} />
      <Stack gap="md">
        <FormAlert tone="info" message={isReason(reason) ? t(`auth.signIn.${reason}`) : null} />
        <SsoSignInButtons next={next} failure={params.get('ssoError')} />
        <form onSubmit={onSubmit} noValidate data-testid="signin-form">
          <Stack gap="md">
            <TextInput
              label={t('auth.fields.email')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={problem('email')}
              autoComplete="username"
              name="email"
              required
            />
            <PasswordInput
              label={t('auth.fields.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={problem('password')}
              autoComplete="current-password"
              name="password"
              required
            />
            <Group justify="flex-end" mt={-6}>
              <Anchor
                component={Link}
                to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}
                size="sm"
              >
                {t('auth.signIn.forgot')}
              </Anchor>
            </Group>
            <FormAlert message={errorMessage} />
            <Button type="submit" size="md" loading={signIn.isPending}>
              {t('auth.signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('auth.signIn.noAccount')}
        </Text>
      </Stack>
    </>
  );
}
