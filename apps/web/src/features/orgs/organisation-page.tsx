import { Badge, Button, Card, EmptyState, Group, List, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useOrganisation } from './api';
import { CreateOrgForm } from './create-org-form';
import { InvitationsSection } from './invitations-section';
import { LeaveSection } from './leave-section';
import { MembersSection } from './members-section';
import { OrgSettingsSection } from './org-settings-section';
import { useCurrentOrg } from './use-current-org';

const TABS = ['settings', 'members', 'invitations'] as const;
type Tab = (typeof TABS)[number];

/** Guiding empty state when the person belongs to no organisation yet. */
function FirstOrganisation() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="xl" align="center">
        <EmptyState icon={<Icon name="building" size={30} />} variant="light" size="lg" maw={600}>
          <EmptyState.Title order={2}>{t('orgs.empty.title')}</EmptyState.Title>
          <EmptyState.Description>{t('orgs.empty.body')}</EmptyState.Description>
        </EmptyState>
        <List type="ordered" spacing="xs" size="sm" maw={520} w="100%">
          <List.Item>{t('orgs.empty.stepCreate')}</List.Item>
          <List.Item>{t('orgs.empty.stepInvite')}</List.Item>
          <List.Item>{t('orgs.empty.stepEngage')}</List.Item>
        </List>
        <Stack w="100%" maw={520}>
          <CreateOrgForm />
        </Stack>
      </Stack>
    </Card>
  );
}

function CurrentOrganisation({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can, role } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(orgId);

  const visibleTabs = TABS.filter(
    (tab) =>
      tab === 'settings' ||
      (tab === 'members' && can('members.read')) ||
      (tab === 'invitations' && can('members.invite')),
  );
  const requested = params.get('tab');
  const tab: Tab = visibleTabs.find((candidate) => candidate === requested) ?? 'settings';
  const creating = params.get('create') === '1';

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  if (organisation.isPending) {
    return <PageSkeleton />;
  }
  if (organisation.isError) {
    return <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  }
  const org = organisation.data;
  const myRole = role ?? org.role;

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <PageHeader
          eyebrow={
            <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
              {t('orgs.page.eyebrow')}
            </Text>
          }
          title={org.name}
          description={
            <>
              <Badge variant="light" size="lg" mr="xs" component="span">
                {t('orgs.page.yourRole', { role: t(`orgs.roles.${myRole}.label`) })}
              </Badge>
              <Text span size="sm" c="dimmed">
                {t(`orgs.roles.${myRole}.description`)}
              </Text>
            </>
          }
        />
        <Group gap="sm">
          {can('org.update') && (
            <Button
              component={Link}
              to="/organisation/sso"
              variant="default"
              leftSection={<Icon name="key" size={16} />}
            >
              {t('sso.page.open')}
            </Button>
          )}
          {can('org.update') && (
            <Button
              component={Link}
              to="/organisation/webhooks"
              variant="default"
              leftSection={<Icon name="send" size={16} />}
            >
              {t('reports.webhooks.open')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setParam('create', '1')}
          >
            {t('orgs.page.createAnother')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(value) => setParam('tab', value)} keepMounted={false}>
        <Tabs.List aria-label={t('orgs.tabs.label')} mb="lg">
          <Tabs.Tab value="settings" leftSection={<Icon name="settings" size={16} />}>
            {t('orgs.tabs.settings')}
          </Tabs.Tab>
          {visibleTabs.includes('members') && (
            <Tabs.Tab value="members" leftSection={<Icon name="users" size={16} />}>
              {t('orgs.tabs.members')}
            </Tabs.Tab>
          )}
          {visibleTabs.includes('invitations') && (
            <Tabs.Tab value="invitations" leftSection={<Icon name="mail" size={16} />}>
              {t('orgs.tabs.invitations')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="settings">
          <Stack gap="lg">
            <OrgSettingsSection
              key={`${org.id}-${org.minGroupSize}-${org.minTextGroupSize}`}
              org={org}
              canEdit={can('org.update')}
            />
            <LeaveSection org={org} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersSection org={org} canManage={can('members.changeRole')} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsSection org={org} myRole={myRole} />
        </Tabs.Panel>
      </Tabs>

      <Modal
        opened={creating}
        onClose={() => setParam('create', null)}
        title={t('orgs.create.title')}
        size="lg"
        centered
      >
        <CreateOrgForm onCreated={() => setParam('create', null)} />
      </Modal>
    </>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const { org } = useCurrentOrg();
  usePageTitle(org?.name ?? t('orgs.page.title'));
  if (!org) {
    return (
      <>
        <PageHeader title={t('orgs.page.title')} />
        <FirstOrganisation />
      </>
    );
  }
  return <CurrentOrganisation key={org.id} orgId={org.id} />;
}
