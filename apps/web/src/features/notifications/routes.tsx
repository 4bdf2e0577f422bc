import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const NotificationsPage = lazy(() =>
  import('./notifications-page').then((m) => ({ default: m.NotificationsPage })),
);

/** Signed-in pages of notifications, inside the app frame. */
export const notificationsRoutes: RouteObject[] = [{ path: 'notifications', element: <NotificationsPage /> }];
