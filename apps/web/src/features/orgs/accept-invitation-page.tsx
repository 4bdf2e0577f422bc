import type { Me } from '@essaim/contracts';
import type { Role } from '@essaim/core';
import {
  Button,
  Divider,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { VisibilityNote } from '../../components/visibility-note';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { checkNewPassword, checkRequired, type FieldProblem, hasProblems } from '../../lib/validation';
import { AuthHeading } from '../auth/auth-heading';
import { startSession, useMe, useSignOut } from '../auth/session';
import { setCurrentOrgId } from './use-current-org';

interface InvitationPreview {
  orgName: string;
  role: Role;
  email: string;
  expiresAt: string;
  accountExists: boolean;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  );
}

/** /invite/:token — shows the invitation, then accepts it (signing in or creating the account first). */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgs.accept.pageTitle'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const signOut = useSignOut(`/invite/${encodeURIComponent(token)}`);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, FieldProblem | null>>({});
  const [isAccepted, setIsAccepted] = useState(false);

  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
    // Once accepted the invitation is spent: the session change must not ask for it again (404).
    enabled: !isAccepted,
  });

  const accept = useMutation({
    mutationFn: (body: { displayName?: string; password?: string }) =>
      api.post<Me>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
    onMutate: () => setIsAccepted(true),
    onSuccess: (nextMe) => {
      const orgName = preview.data?.orgName ?? '';
      const joined = nextMe.memberships.find((m) => m.orgName === orgName);
      startSession(queryClient, nextMe);
      if (joined) {
        setCurrentOrgId(joined.orgId);
      }
      notifications.show({ color: 'teal', message: t('orgs.accept.accepted', { org: orgName }) });
      navigate('/organisation', { replace: true });
    },
    onError: () => setIsAccepted(false),
  });

  if (preview.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={28} width="70%" />
        <Skeleton height={14} />
        <Skeleton height={80} />
      </Stack>
    );
  }

  if (preview.isError) {
    const gone = isApiError(preview.error) && [404, 409, 410, 400].includes(preview.error.status);
    return (
      <>
        <AuthHeading
          title={t('orgs.accept.invalidTitle')}
          intro={gone ? t('orgs.accept.invalidBody') : undefined}
        />
        {!gone && <FormAlert message={describeError(t, preview.error)} />}
        <Button component={Link} to="/" variant="default" mt="md">
          {t('common.backHome')}
        </Button>
      </>
    );
  }

  const invitation = preview.data;
  const sameAccount = me && me.user.email.toLowerCase() === invitation.email.toLowerCase();
  const next = `/invite/${encodeURIComponent(token)}`;

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const found = { displayName: checkRequired(displayName), password: checkNewPassword(password) };
    setProblems(found);
    if (!hasProblems(found)) {
      accept.mutate({ displayName: displayName.trim(), password });
    }
  };
  const problem = (field: string) => {
    const found = problems[field];
    return found ? t(`auth.validation.${found}`) : undefined;
  };
  const acceptError = accept.isError ? describeError(t, accept.error) : null;

  return (
    <>
      <AuthHeading
        eyebrow={t('orgs.accept.eyebrow')}
        title={t('orgs.accept.title', { org: invitation.orgName })}
        intro={t('orgs.accept.intro', { org: invitation.orgName })}
      />
      <Stack gap="md">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
          <Fact label={t('orgs.accept.role')} value={t(`orgs.roles.${invitation.role}.label`)} />
          <Fact label={t('orgs.accept.expires')} value={formatDate(invitation.expiresAt)} />
          <Fact label={t('orgs.accept.email')} value={invitation.email} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t(`orgs.roles.${invitation.role}.description`)}
        </Text>
        <Divider />

        {me && sameAccount && (
          <Stack gap="sm">
            <Text size="sm">{t('orgs.accept.signedInAs', { email: me.user.email })}</Text>
            <FormAlert message={acceptError} />
            <Button
              size="md"
              loading={accept.isPending}
              onClick={() => accept.mutate({})}
              data-testid="accept-invitation"
            >
              {t('orgs.accept.accept')}
            </Button>
          </Stack>
        )}

        {me && !sameAccount && (
          <Stack gap="sm">
            <FormAlert
              tone="info"
              message={t('orgs.accept.wrongAccount', { email: invitation.email, current: me.user.email })}
            />
            <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('orgs.accept.signOut')}
            </Button>
          </Stack>
        )}

        {!me && invitation.accountExists && (
          <Stack gap="sm">
            <Text size="sm">{t('orgs.accept.signInToAccept', { email: invitation.email })}</Text>
            <Button
              size="md"
              component={Link}
              to={`/sign-in?${new URLSearchParams({ next, email: invitation.email })}`}
            >
              {t('orgs.accept.signIn')}
            </Button>
          </Stack>
        )}

        {!me && !invitation.accountExists && (
          <form onSubmit={onCreate} noValidate data-testid="accept-invitation-form">
            <Stack gap="md">
              <Stack gap={2}>
                <Title order={2} size="h4">
                  {t('orgs.accept.createTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('orgs.accept.createIntro', { email: invitation.email })}
                </Text>
              </Stack>
              <TextInput
                label={t('auth.fields.displayName')}
                description={t('auth.fields.displayNameHint')}
                value={displayName}
                onChange={(event) => setDisplayName(event.currentTarget.value)}
                error={problem('displayName')}
                autoComplete="name"
                name="displayName"
                required
              />
              <TextInput
                label={t('auth.fields.email')}
                value={invitation.email}
                readOnly
                autoComplete="username"
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
              <FormAlert message={acceptError} />
              <Button type="submit" size="md" loading={accept.isPending} data-testid="accept-invitation">
                {t('orgs.accept.createSubmit')}
              </Button>
            </Stack>
          </form>
        )}
        <VisibilityNote>{t('orgs.accept.visibility', { org: invitation.orgName })}</VisibilityNote>
      </Stack>
    </>
  );
}
