import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageSkeleton } from '../../components/page-skeleton';

const OverviewPage = lazy(() => import('./overview-page').then((m) => ({ default: m.OverviewPage })));
const AssessPage = lazy(() => import('./assess-page').then((m) => ({ default: m.AssessPage })));
const FeedbackPage = lazy(() => import('./feedback-page').then((m) => ({ default: m.FeedbackPage })));
const RoundPage = lazy(() => import('./round-page').then((m) => ({ default: m.RoundPage })));
const PlanPage = lazy(() => import('./plan-page').then((m) => ({ default: m.PlanPage })));
const FeedbackFormPage = lazy(() =>
  import('./feedback-form-page').then((m) => ({ default: m.FeedbackFormPage })),
);
const SupervisionPage = lazy(() =>
  import('./supervision-page').then((m) => ({ default: m.SupervisionPage })),
);

/** Signed-in pages of this feature, inside the app frame. */
export const competenciesRoutes: RouteObject[] = [
  { path: 'competencies', element: <OverviewPage /> },
  { path: 'competencies/assess', element: <AssessPage /> },
  { path: 'competencies/feedback', element: <FeedbackPage /> },
  { path: 'competencies/feedback/:roundId', element: <RoundPage /> },
  { path: 'competencies/plan', element: <PlanPage /> },
];

/** Feedback and supervision forms, reached by link without an account. */
export const competenciesPublicRoutes: RouteObject[] = [
  {
    path: 'feedback/:token',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <FeedbackFormPage />
      </Suspense>
    ),
  },
  {
    path: 'supervision/:token',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <SupervisionPage />
      </Suspense>
    ),
  },
];
