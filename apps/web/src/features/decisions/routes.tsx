import { Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';

const DecisionsPage = lazy(() => import('./decisions-page').then((m) => ({ default: m.DecisionsPage })));
const ProposalPage = lazy(() => import('./proposal-page').then((m) => ({ default: m.ProposalPage })));
const RegisterPage = lazy(() => import('./register-page').then((m) => ({ default: m.RegisterPage })));
const GovernancePage = lazy(() => import('./governance-page').then((m) => ({ default: m.GovernancePage })));
const BallotPage = lazy(() => import('./ballot-page').then((m) => ({ default: m.BallotPage })));

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
export const decisionsRoutes: RouteObject[] = [
  { path: 'engagements/:engagementId/decisions', element: <DecisionsPage /> },
  { path: 'engagements/:engagementId/proposals/:proposalId', element: <ProposalPage /> },
  { path: 'decisions', element: <RegisterPage /> },
  { path: 'governance', element: <GovernancePage /> },
];

/** Invited participants vote from their phone, without an account. */
export const decisionsPublicRoutes: RouteObject[] = [
  {
    path: 'p/:proposalId',
    element: (
      <Standalone>
        <BallotPage />
      </Standalone>
    ),
  },
];
