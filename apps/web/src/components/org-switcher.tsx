import { Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentOrg } from '../features/orgs/use-current-org';
import { Icon } from './icons';

/** Chooses the current organisation (remembered in this browser); every section then works inside it. */
export function OrgSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { org, role, memberships, setCurrentOrg } = useCurrentOrg();

  return (
    <Menu position="bottom-start" width="target" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton
          data-testid="org-switcher"
          w="100%"
          p="sm"
          style={{
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Icon name="building" size={18} aria-hidden="true" style={{ flexShrink: 0 }} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {t('nav.orgSwitcher.label')}
                </Text>
                <Text size="sm" fw={600} truncate="end">
                  {org?.name ?? t('nav.orgSwitcher.none')}
                </Text>
                {role && (
                  <Text size="xs" c="dimmed" truncate="end">
                    {t('nav.orgSwitcher.role', { role: t(`orgs.roles.${role}.label`) })}
                  </Text>
                )}
              </Stack>
            </Group>
            <Icon name="selector" size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {memberships.length > 0 && <Menu.Label>{t('nav.orgSwitcher.label')}</Menu.Label>}
        {memberships.map((membership) => (
          <Menu.Item
            key={membership.orgId}
            onClick={() => {
              setCurrentOrg(membership.orgId);
              onNavigate?.();
            }}
            rightSection={membership.orgId === org?.id ? <Icon name="check" size={16} /> : null}
            aria-current={membership.orgId === org?.id ? 'true' : undefined}
          >
            <Text size="sm">{membership.orgName}</Text>
            <Text size="xs" c="dimmed">
              {t(`orgs.roles.${membership.role}.label`)}
            </Text>
          </Menu.Item>
        ))}
        {memberships.length > 0 && <Menu.Divider />}
        <Menu.Item
          leftSection={<Icon name="plus" size={16} />}
          onClick={() => {
            navigate('/organisation?create=1');
            onNavigate?.();
          }}
        >
          {t('nav.orgSwitcher.create')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
