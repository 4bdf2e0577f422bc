import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from '../components/app-header';
import { AppNavbar } from '../components/app-navbar';
import { PageSkeleton } from '../components/page-skeleton';
import { MAIN_CONTENT_ID, SkipLink } from '../components/skip-link';

const NAV_ID = 'main-navigation';

/**
 * After a client-side navigation, move focus to `<main>` (so screen readers start on the new page, as on
 * a full page load) and scroll back to the top. Skipped on first render to leave initial focus alone.
 */
export function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    window.scrollTo({ top: 0 });
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true });
  }, [pathname]);
}

/** The application frame: header, navigation, and the routed page inside `<main>`. */
export function AppLayout() {
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  useFocusMainOnNavigate();

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppHeader isNavOpen={isNavOpen} onToggleNav={toggle} navId={NAV_ID} />
        <AppNavbar id={NAV_ID} onNavigate={close} />
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className="app-main">
          <Container size="lg" px={0} pb="xl">
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
