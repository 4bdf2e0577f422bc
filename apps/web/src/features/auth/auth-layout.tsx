import { Anchor, Box, Card, Center, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useFocusMainOnNavigate } from '../../app/app-layout';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { LanguageSwitch } from '../../components/language-switch';
import { Logo } from '../../components/logo';
import { PageSkeleton } from '../../components/page-skeleton';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/skip-link';

/** Frame for the signed-out pages (setup, sign-in, password reset, invitation): one centred card. */
export function AuthLayout() {
  const { t } = useTranslation();
  useFocusMainOnNavigate();
  return (
    <>
      <SkipLink />
      <Box
        mih="100vh"
        style={{ display: 'flex', flexDirection: 'column', background: 'var(--mantine-color-default-hover)' }}
      >
        <Group component="header" justify="space-between" px={{ base: 'sm', sm: 'lg' }} py="sm" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="inherit">
            <Logo />
            {/* The visible wordmark starts the link's name (WCAG 2.5.3); the destination follows. */}
            <VisuallyHidden>{t('app.homeHint')}</VisuallyHidden>
          </Anchor>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
        <Center
          component="main"
          id={MAIN_CONTENT_ID}
          tabIndex={-1}
          className="app-main"
          px="md"
          py="xl"
          style={{ flex: 1 }}
        >
          <Stack w="100%" maw={480} gap="md">
            <Card p={{ base: 'lg', sm: 'xl' }} withBorder shadow="sm" radius="lg">
              <Suspense fallback={<PageSkeleton />}>
                <Outlet />
              </Suspense>
            </Card>
            <Text size="xs" c="dimmed" ta="center">
              {t('auth.layout.tagline')} · {t('app.license')} ·{' '}
              <Anchor component={Link} to="/accessibility" size="xs" c="dimmed" td="underline">
                {t('a11y.link')}
              </Anchor>
            </Text>
          </Stack>
        </Center>
      </Box>
    </>
  );
}
