import type { Me, Session } from '@essaim/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { type Language, SUPPORTED_LANGUAGES } from '../../i18n';
import { api, isApiError, request } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { describeUserAgent, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { checkNewPassword, checkRequired, type FieldProblem, hasProblems } from '../../lib/validation';
import { leaveToSignIn, ME_KEY, useSignedInMe } from '../auth/session';
import { CalendarFeedCard } from '../notifications/calendar-feed-card';
import { setCurrentOrgId } from '../orgs/use-current-org';
import { SsoLinksSection } from '../sso/sso-links-section';

const SESSIONS_KEY = ['me', 'sessions'] as const;
const DELETION_KEY = ['me', 'deletion-preview'] as const;

interface DeletionPreview {
  organisations: { orgId: string; orgName: string; policy: 'anonymise' | 'delete'; soleOwner: boolean }[];
  canDelete: boolean;
}

function Section({
  title,
  icon,
  children,
  danger,
  testId,
}: {
  title: string;
  icon: Parameters<typeof Icon>[0]['name'];
  children: ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <Card
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      data-testid={testId}
      style={danger ? { borderColor: 'var(--mantine-color-red-outline)' } : undefined}
    >
      <Stack gap="md">
        <Group gap="sm">
          <Icon name={icon} size={22} aria-hidden="true" />
          <Title order={2} size="h3">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [language, setLanguage] = useState<Language>(me.user.language);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const save = useMutation({
    mutationFn: (body: { displayName?: string; language?: Language }) => api.patch<Me>('/api/me', body),
    onSuccess: (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      if (i18n.resolvedLanguage !== updated.user.language) {
        void i18n.changeLanguage(updated.user.language);
      }
    },
    onError: () => {},
  });
  const body = {
    ...(displayName.trim() !== me.user.displayName ? { displayName: displayName.trim() } : {}),
    ...(language !== me.user.language ? { language } : {}),
  };
  const dirty = Object.keys(body).length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkRequired(displayName);
    setProblem(found);
    if (!found && dirty) {
      save.mutate(body);
    }
  };

  return (
    <Section title={t('account.profile.title')} icon="user">
      <VisibilityNote>{t('account.profile.visibility')}</VisibilityNote>
      <form onSubmit={onSubmit} noValidate data-testid="profile-form">
        <Stack gap="md">
          <TextInput
            label={t('auth.fields.displayName')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={problem ? t(`auth.validation.${problem}`) : undefined}
            autoComplete="name"
            maxLength={120}
            name="displayName"
          />
          <TextInput
            label={t('account.profile.email')}
            description={t('account.profile.emailHint')}
            value={me.user.email}
            readOnly
          />
          <Select
            label={t('auth.fields.language')}
            data={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: t(`header.languages.${lng}`) }))}
            value={language}
            onChange={(value) => value && setLanguage(value as Language)}
            allowDeselect={false}
            name="language"
          />
          <FormAlert message={save.isError ? describeError(t, save.error) : null} />
          <FormAlert tone="success" message={save.isSuccess && !dirty ? t('account.profile.saved') : null} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('account.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('account.profile.memberOf')}
        </Text>
        {me.memberships.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('account.profile.noOrg')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {me.memberships.map((m) => (
              <List.Item key={m.orgId}>
                {m.orgName} — {t(`orgs.roles.${m.role}.label`)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problems, setProblems] = useState<Record<string, FieldProblem | null>>({});
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/me/password', body),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: () => {},
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { current: checkRequired(current), next: checkNewPassword(next) };
    setProblems(found);
    if (!hasProblems(found)) {
      change.mutate({ currentPassword: current, newPassword: next });
    }
  };
  const problem = (field: string) => {
    const found = problems[field];
    return found ? t(`auth.validation.${found}`) : undefined;
  };
  const error = change.isError
    ? isApiError(change.error) && (change.error.status === 401 || change.error.code === 'FORBIDDEN')
      ? t('account.password.wrongCurrent')
      : describeError(t, change.error)
    : null;

  return (
    <Section title={t('account.password.title')} icon="key">
      <form onSubmit={onSubmit} noValidate data-testid="password-form">
        <Stack gap="md">
          <PasswordInput
            label={t('account.password.current')}
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={problem('current')}
            autoComplete="current-password"
            name="currentPassword"
          />
          <PasswordInput
            label={t('auth.fields.newPassword')}
            description={t('auth.fields.passwordHint')}
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={problem('next')}
            autoComplete="new-password"
            name="newPassword"
          />
          <FormAlert message={error} />
          <FormAlert tone="success" message={change.isSuccess ? t('account.password.changed') : null} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api.get<{ sessions: Session[] }>('/api/me/sessions'),
    select: (data) =>
      [...data.sessions].sort(
        (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
      ),
  });
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);
  const revoke = useMutation({
    mutationFn: (session: Session) => api.delete(`/api/me/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: () => {
      setStatus({ tone: 'success', message: t('account.sessions.revoked') });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: (error) => setStatus({ tone: 'error', message: describeError(t, error) }),
  });

  return (
    <Section title={t('account.sessions.title')} icon="devices">
      <Text size="sm" c="dimmed">
        {t('account.sessions.intro')}
      </Text>
      <VisibilityNote>{t('account.sessions.visibility')}</VisibilityNote>
      <FormAlert tone={status?.tone ?? 'error'} message={status?.message ?? null} />
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.sessions.device')}</Table.Th>
                <Table.Th scope="col">{t('account.sessions.ip')}</Table.Th>
                <Table.Th scope="col">{t('account.sessions.started')}</Table.Th>
                <Table.Th scope="col">{t('account.sessions.lastSeen')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('account.sessions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => {
                const device = describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice');
                return (
                  <Table.Tr key={session.id}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6} wrap="nowrap">
                        <span title={session.userAgent ?? undefined}>{device}</span>
                        {session.current && (
                          <Badge size="sm" variant="light" color="teal">
                            {t('account.sessions.current')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{session.ip ?? t('account.sessions.unknownIp')}</Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('account.sessions.revokeLabel', { device })}
                          loading={revoke.isPending && revoke.variables?.id === session.id}
                          onClick={() => revoke.mutate(session)}
                        >
                          {t('account.sessions.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.data && sessions.data.length <= 1 && (
        <Text size="sm" c="dimmed">
          {t('account.sessions.empty')}
        </Text>
      )}
    </Section>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  return (
    <Section title={t('account.export.title')} icon="download">
      <Text size="sm">{t('account.export.body')}</Text>
      <VisibilityNote>{t('account.export.visibility')}</VisibilityNote>
      <Group>
        <Button
          component="a"
          href="/api/me/export"
          download
          variant="default"
          leftSection={<Icon name="download" size={18} />}
          data-testid="export-data"
        >
          {t('account.export.button')}
        </Button>
      </Group>
    </Section>
  );
}

function DeleteSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: DELETION_KEY,
    queryFn: () => api.get<DeletionPreview>('/api/me/deletion-preview'),
  });
  const [confirmEmail, setConfirmEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const remove = useMutation({
    mutationFn: (body: { password: string; confirmEmail: string }) =>
      request<{ ok: true }>('/api/me', { method: 'DELETE', body }),
    onSuccess: () => {
      setCurrentOrgId(null);
      leaveToSignIn('accountDeleted');
    },
    onError: () => {},
  });
  const emailMatches = confirmEmail.trim().toLowerCase() === me.user.email.toLowerCase();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (emailMatches && password) {
      remove.mutate({ password, confirmEmail: confirmEmail.trim() });
    }
  };
  const error = remove.isError
    ? isApiError(remove.error) && (remove.error.status === 401 || remove.error.code === 'FORBIDDEN')
      ? t('account.delete.wrongPassword')
      : describeError(t, remove.error)
    : null;

  return (
    <Section title={t('account.delete.title')} icon="trash" danger testId="delete-account">
      <VisibilityNote>{t('account.delete.visibility')}</VisibilityNote>
      {preview.isError && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && (
        <>
          <Text size="sm">
            {preview.data.organisations.length > 0 ? t('account.delete.intro') : t('account.delete.noOrg')}
          </Text>
          {preview.data.organisations.length > 0 && (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {preview.data.organisations.map((org) => (
                <Card key={org.orgId} component="li" withBorder radius="md" p="sm">
                  <Stack gap={4}>
                    <Group justify="space-between">
                      <Text fw={600}>{org.orgName}</Text>
                      <Badge variant="light" color={org.policy === 'anonymise' ? 'blue' : 'red'}>
                        {t(`orgs.policy.${org.policy}.label`)}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {org.policy === 'anonymise'
                        ? t('account.delete.anonymise')
                        : t('account.delete.deleteContributions')}
                    </Text>
                    {org.soleOwner && (
                      <Alert color="orange" variant="light" icon={<Icon name="alert" size={18} />} p="xs">
                        <Text size="sm">{t('account.delete.soleOwner')}</Text>
                        <Anchor
                          component={Link}
                          to="/organisation?tab=members"
                          size="sm"
                          onClick={() => setCurrentOrgId(org.orgId)}
                        >
                          {t('account.delete.manageOrg')}
                        </Anchor>
                      </Alert>
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
          {!preview.data.canDelete ? (
            <FormAlert tone="info" message={t('account.delete.blocked')} />
          ) : (
            <form onSubmit={onSubmit} noValidate data-testid="delete-account-form">
              <Stack gap="md">
                <TextInput
                  label={t('account.delete.confirmEmail', { email: me.user.email })}
                  value={confirmEmail}
                  onChange={(event) => setConfirmEmail(event.currentTarget.value)}
                  error={tried && !emailMatches ? t('account.delete.emailMismatch') : undefined}
                  autoComplete="off"
                  name="confirmEmail"
                />
                <PasswordInput
                  label={t('account.delete.password')}
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={tried && !password ? t('auth.validation.required') : undefined}
                  autoComplete="current-password"
                  name="password"
                />
                <FormAlert message={error} />
                <Group>
                  <Button
                    type="submit"
                    color="red"
                    loading={remove.isPending}
                    leftSection={<Icon name="trash" size={18} />}
                  >
                    {t('account.delete.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.page.title'));
  const me = useSignedInMe();
  return (
    <>
      <PageHeader title={t('account.page.title')} description={t('account.page.intro')} />
      <Stack gap="lg" maw={880}>
        <ProfileSection me={me} />
        <PasswordSection />
        <SsoLinksSection />
        <SessionsSection />
        <CalendarFeedCard />
        <ExportSection />
        <DeleteSection me={me} />
      </Stack>
    </>
  );
}
