import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const PlanPage = lazy(() => import('./plan-page').then((m) => ({ default: m.PlanPage })));
const SpecPrintPage = lazy(() => import('./spec-print-page').then((m) => ({ default: m.SpecPrintPage })));

/** Signed-in pages of the plans feature, inside the app frame. */
export const plansRoutes: RouteObject[] = [
  { path: 'engagements/:engagementId/plan', element: <PlanPage /> },
  { path: 'engagements/:engagementId/plan/specification/print', element: <SpecPrintPage /> },
];
