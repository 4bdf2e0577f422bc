import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';

const WebhooksPage = lazy(() => import('./webhooks-page').then((m) => ({ default: m.WebhooksPage })));
const ReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));
const EvaluationPage = lazy(() => import('./evaluation-page').then((m) => ({ default: m.EvaluationPage })));
const FeedbackPage = lazy(() => import('./feedback-page').then((m) => ({ default: m.FeedbackPage })));

/** Signed-in pages of reports and integrations, inside the app frame. */
export const reportsRoutes: RouteObject[] = [
  { path: 'organisation/webhooks', element: <WebhooksPage /> },
  { path: 'engagements/:engagementId/reports', element: <ReportsPage /> },
  { path: 'engagements/:engagementId/evaluation', element: <EvaluationPage /> },
];

/** A workshop participant's feedback form, outside the app frame (reached with the workshop cookie). */
export const reportsPublicRoutes: RouteObject[] = [
  {
    path: 'w/:workshopId/feedback',
    element: (
      <Suspense
        fallback={
          <Center mih="100dvh">
            <Loader />
          </Center>
        }
      >
        <FeedbackPage />
      </Suspense>
    ),
  },
];
