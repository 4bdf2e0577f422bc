import { Avatar, Badge, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInMe, useSignOut } from '../features/auth/session';
import { Icon } from './icons';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/** The signed-in person: account page and sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSignedInMe();
  const signOut = useSignOut();
  const onSignOut = () => signOut.mutate();

  return (
    <Menu position="bottom-end" shadow="md" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" style={{ borderRadius: 'var(--mantine-radius-xl)' }}>
          {/* Named by the hidden text alone: the initials and the visible name are its short forms
              (an aria-label without the initials would not contain the visible text, WCAG 2.5.3). */}
          <VisuallyHidden>{t('header.userMenu.open', { name: user.displayName })}</VisuallyHidden>
          <Group gap={8} wrap="nowrap" aria-hidden="true">
            <Avatar radius="xl" size={34} color="honey" variant="light">
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate="end">
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.userMenu.signedInAs')}</Menu.Label>
        <Group
          px="sm"
          pb="xs"
          gap={4}
          wrap="nowrap"
          style={{ flexDirection: 'column', alignItems: 'flex-start' }}
        >
          <Text size="sm" fw={600} truncate="end" maw="100%">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end" maw="100%">
            {user.email}
          </Text>
          {user.isAdmin && (
            <Badge size="xs" variant="light" mt={4}>
              {t('header.userMenu.admin')}
            </Badge>
          )}
        </Group>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<Icon name="user" size={16} />}>
          {t('header.userMenu.account')}
        </Menu.Item>
        <Menu.Item
          onClick={onSignOut}
          leftSection={<Icon name="logout" size={16} />}
          data-testid="sign-out"
          closeMenuOnClick={false}
          disabled={signOut.isPending}
        >
          {t('header.userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
