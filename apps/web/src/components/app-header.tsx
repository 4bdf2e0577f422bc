import { Anchor, AppShell, Burger, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { UserMenu } from './user-menu';

interface AppHeaderProps {
  isNavOpen: boolean;
  onToggleNav: () => void;
  navId: string;
}

export function AppHeader({ isNavOpen, onToggleNav, navId }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <AppShell.Header px={{ base: 'sm', sm: 'lg' }}>
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={isNavOpen}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={t(isNavOpen ? 'header.closeNavigation' : 'header.openNavigation')}
            aria-expanded={isNavOpen}
            aria-controls={navId}
          />
          <Anchor component={Link} to="/" underline="never" c="inherit">
            <Logo />
            {/* The visible wordmark starts the link's name (WCAG 2.5.3); the destination follows. */}
            <VisuallyHidden>{t('app.homeHint')}</VisuallyHidden>
          </Anchor>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <LanguageSwitch />
          <ColorSchemeToggle />
          <NotificationBell />
          <UserMenu />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
