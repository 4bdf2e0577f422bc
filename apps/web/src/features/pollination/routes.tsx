import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageSkeleton } from '../../components/page-skeleton';

const PollinationPage = lazy(() =>
  import('./pollination-page').then((m) => ({ default: m.PollinationPage })),
);
const ExperiencePage = lazy(() => import('./experience-page').then((m) => ({ default: m.ExperiencePage })));
const LibraryExperiencePage = lazy(() =>
  import('./experience-page').then((m) => ({ default: m.LibraryExperiencePage })),
);
const CommunitiesPage = lazy(() =>
  import('./communities-page').then((m) => ({ default: m.CommunitiesPage })),
);
const CommunityPage = lazy(() => import('./community-page').then((m) => ({ default: m.CommunityPage })));
const NewPlanPage = lazy(() => import('./new-plan-page').then((m) => ({ default: m.NewPlanPage })));
const PlanPage = lazy(() => import('./plan-page').then((m) => ({ default: m.PlanPage })));
const PulsePage = lazy(() => import('./pulse-page').then((m) => ({ default: m.PulsePage })));

/** Signed-in pages of pollination, inside the app frame. */
export const pollinationRoutes: RouteObject[] = [
  { path: 'pollination', element: <PollinationPage /> },
  { path: 'pollination/experiences/:experienceId', element: <ExperiencePage /> },
  { path: 'pollination/library/:experienceId', element: <LibraryExperiencePage /> },
  { path: 'pollination/plans/new', element: <NewPlanPage /> },
  { path: 'pollination/plans/:planId', element: <PlanPage /> },
  { path: 'pollination/communities', element: <CommunitiesPage /> },
  { path: 'pollination/communities/:communityId', element: <CommunityPage /> },
];

/** The adoption pulse's one question, reached by link without an account. */
export const pollinationPublicRoutes: RouteObject[] = [
  {
    path: 'pulse/:token',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <PulsePage />
      </Suspense>
    ),
  },
];
