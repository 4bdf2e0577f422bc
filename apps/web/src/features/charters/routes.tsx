import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ChartersPage = lazy(() => import('./charters-page').then((m) => ({ default: m.ChartersPage })));
const CharterPage = lazy(() => import('./charter-page').then((m) => ({ default: m.CharterPage })));
const CharterPrintPage = lazy(() => import('./print-page').then((m) => ({ default: m.CharterPrintPage })));

/** Signed-in pages of this feature, inside the app frame. */
export const chartersRoutes: RouteObject[] = [
  { path: 'engagements/:engagementId/charters', element: <ChartersPage /> },
  { path: 'engagements/:engagementId/charters/:charterId', element: <CharterPage /> },
  { path: 'engagements/:engagementId/charters/:charterId/print', element: <CharterPrintPage /> },
];
