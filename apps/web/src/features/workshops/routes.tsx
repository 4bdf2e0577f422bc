import { Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';

const WorkshopsPage = lazy(() => import('./workshops-page').then((m) => ({ default: m.WorkshopsPage })));
const ConsolePage = lazy(() => import('./console-page').then((m) => ({ default: m.ConsolePage })));
const ScreenPage = lazy(() => import('./screen-page').then((m) => ({ default: m.ScreenPage })));
const JoinPage = lazy(() => import('./join-page').then((m) => ({ default: m.JoinPage })));
const ParticipantPage = lazy(() =>
  import('./participant-page').then((m) => ({ default: m.ParticipantPage })),
);

const Standalone = ({ children }: { children: ReactNode }) => (
  <Suspense
    fallback={
      <Center mih="100dvh">
        <Loader />
      </Center>
    }
  >
    {children}
  </Suspense>
);

/** Signed-in pages of this feature, inside the app frame. */
export const workshopsRoutes: RouteObject[] = [
  { path: 'workshops', element: <WorkshopsPage /> },
  { path: 'workshops/:workshopId', element: <ConsolePage /> },
];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const workshopsPublicRoutes: RouteObject[] = [
  {
    path: 'join',
    element: (
      <Standalone>
        <JoinPage />
      </Standalone>
    ),
  },
  {
    path: 'join/:code',
    element: (
      <Standalone>
        <JoinPage />
      </Standalone>
    ),
  },
  {
    path: 'w/:workshopId',
    element: (
      <Standalone>
        <ParticipantPage />
      </Standalone>
    ),
  },
  // The projector view: full screen, for a signed-in facilitator.
  {
    path: 'screen/:workshopId',
    element: (
      <Standalone>
        <ScreenPage />
      </Standalone>
    ),
  },
];
