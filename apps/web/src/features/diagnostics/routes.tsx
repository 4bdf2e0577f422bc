import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageSkeleton } from '../../components/page-skeleton';

const CampaignsPage = lazy(() => import('./campaigns-page').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./campaign-page').then((m) => ({ default: m.CampaignPage })));
const ReportPage = lazy(() => import('./report-page').then((m) => ({ default: m.ReportPage })));
const RespondPage = lazy(() => import('./respond-page').then((m) => ({ default: m.RespondPage })));

/** Signed-in pages of this feature, inside the app frame. */
export const diagnosticsRoutes: RouteObject[] = [
  { path: 'engagements/:engagementId/diagnostics', element: <CampaignsPage /> },
  { path: 'diagnostics/campaigns/:campaignId', element: <CampaignPage /> },
  { path: 'diagnostics/campaigns/:campaignId/report', element: <ReportPage /> },
];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const diagnosticsPublicRoutes: RouteObject[] = [
  {
    path: 'respond/:token',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <RespondPage />
      </Suspense>
    ),
  },
];
