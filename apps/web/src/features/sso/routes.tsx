import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SsoSettingsPage = lazy(() =>
  import('./sso-settings-page').then((m) => ({ default: m.SsoSettingsPage })),
);

/** Signed-in pages of single sign-on, inside the app frame. */
export const ssoRoutes: RouteObject[] = [{ path: 'organisation/sso', element: <SsoSettingsPage /> }];
