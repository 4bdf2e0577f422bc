import { AppShell, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { NAV_ITEMS, type NavItem } from '../app/navigation';
import { useCurrentOrg } from '../features/orgs/use-current-org';
import { Icon } from './icons';
import { OrgSwitcher } from './org-switcher';

function NavItemLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  // Home matches only itself; other sections stay active on their sub-pages.
  const match = useMatch({ path: item.path, end: item.path === '/' });
  const isActive = match !== null;
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={t(`nav.${item.section}`)}
      leftSection={<Icon name={item.icon} size={19} />}
      active={isActive}
      aria-current={isActive ? 'page' : undefined}
      onClick={onNavigate}
      fw={isActive ? 600 : 500}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** Left navigation; on small screens it opens as an overlay from the header burger. */
export function AppNavbar({ id, onNavigate }: { id: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const items = NAV_ITEMS.filter((item) => !item.requires || can(item.requires));
  return (
    <AppShell.Navbar id={id} p="sm" aria-label={t('nav.label')}>
      <AppShell.Section pb="sm">
        <OrgSwitcher onNavigate={onNavigate} />
      </AppShell.Section>
      <AppShell.Section grow>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <li key={item.section}>
              <NavItemLink item={item} onNavigate={onNavigate} />
            </li>
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section px="xs" pt="sm">
        <Text size="xs" c="dimmed">
          {t('app.license')}
        </Text>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
