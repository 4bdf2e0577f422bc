import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuthLayout } from '../features/auth/auth-layout';
import { chartersRoutes } from '../features/charters/routes';
import { competenciesPublicRoutes, competenciesRoutes } from '../features/competencies/routes';
import { decisionsPublicRoutes, decisionsRoutes } from '../features/decisions/routes';
import { diagnosticsPublicRoutes, diagnosticsRoutes } from '../features/diagnostics/routes';
import { NotFoundPage } from '../features/errors/not-found-page';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { methodsPublicRoutes, methodsRoutes } from '../features/methods/routes';
import { networkPublicRoutes, networkRoutes } from '../features/network/routes';
import { notificationsRoutes } from '../features/notifications/routes';
import { opinionsPublicRoutes, opinionsRoutes } from '../features/opinions/routes';
import { plansRoutes } from '../features/plans/routes';
import { pollinationPublicRoutes, pollinationRoutes } from '../features/pollination/routes';
import { reportsPublicRoutes, reportsRoutes } from '../features/reports/routes';
import { ssoRoutes } from '../features/sso/routes';
import { workshopsPublicRoutes, workshopsRoutes } from '../features/workshops/routes';
import { AppLayout } from './app-layout';
import { RequireAuth, SetupGate } from './guards';

// Pages load on demand; <Suspense> in the layouts shows a skeleton meanwhile.
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const EngagementsPage = lazy(() =>
  import('../features/engagements/engagements-page').then((m) => ({ default: m.EngagementsPage })),
);
const CreateEngagementPage = lazy(() =>
  import('../features/engagements/create-engagement-page').then((m) => ({ default: m.CreateEngagementPage })),
);
const EngagementPage = lazy(() =>
  import('../features/engagements/engagement-page').then((m) => ({ default: m.EngagementPage })),
);
const PeoplePage = lazy(() =>
  import('../features/people/people-page').then((m) => ({ default: m.PeoplePage })),
);
const MethodsPage = lazy(() =>
  import('../features/methods/library-page').then((m) => ({ default: m.LibraryPage })),
);
const WorkshopsPage = lazy(() =>
  import('../features/workshops/workshops-page').then((m) => ({ default: m.WorkshopsPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/orgs/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);
const AccountPage = lazy(() =>
  import('../features/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const SetupPage = lazy(() => import('../features/auth/setup-page').then((m) => ({ default: m.SetupPage })));
const SignInPage = lazy(() =>
  import('../features/auth/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccessibilityPage = lazy(() =>
  import('../features/accessibility/accessibility-page').then((m) => ({ default: m.AccessibilityPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../features/orgs/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })),
);

export const router = createBrowserRouter([
  {
    // Until the first account exists, everything leads to /setup.
    element: <SetupGate />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        // Pages reachable signed out: one centred card, no app navigation.
        element: <AuthLayout />,
        errorElement: <RouteErrorPage standalone />,
        children: [
          { path: 'setup', element: <SetupPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invite/:token', element: <AcceptInvitationPage /> },
          { path: 'accessibility', element: <AccessibilityPage /> },
        ],
      },
      {
        // Participants and respondents without an account: their own full-screen layouts.
        errorElement: <RouteErrorPage standalone />,
        children: [
          ...methodsPublicRoutes,
          ...diagnosticsPublicRoutes,
          ...networkPublicRoutes,
          ...workshopsPublicRoutes,
          ...opinionsPublicRoutes,
          ...competenciesPublicRoutes,
          ...decisionsPublicRoutes,
          ...reportsPublicRoutes,
          ...pollinationPublicRoutes,
        ],
      },
      {
        // Everything else needs a session: signed-out visitors go to sign-in, then come back.
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            // Last resort if the frame itself fails: a page that needs nothing from the layout.
            errorElement: <RouteErrorPage standalone />,
            children: [
              {
                // Errors inside a page render within the frame, so navigation keeps working.
                errorElement: <RouteErrorPage />,
                children: [
                  { index: true, element: <HomePage /> },
                  { path: 'engagements', element: <EngagementsPage /> },
                  { path: 'engagements/new', element: <CreateEngagementPage /> },
                  { path: 'engagements/:engagementId', element: <EngagementPage /> },
                  { path: 'people', element: <PeoplePage /> },
                  ...(methodsRoutes.length ? [] : [{ path: 'methods', element: <MethodsPage /> }]),
                  ...(workshopsRoutes.length ? [] : [{ path: 'workshops', element: <WorkshopsPage /> }]),
                  // Feature slots: each feature lists its own routes in features/<feature>/routes.tsx.
                  ...methodsRoutes,
                  ...diagnosticsRoutes,
                  ...networkRoutes,
                  ...workshopsRoutes,
                  ...opinionsRoutes,
                  ...competenciesRoutes,
                  ...decisionsRoutes,
                  ...chartersRoutes,
                  ...ssoRoutes,
                  ...plansRoutes,
                  ...pollinationRoutes,
                  ...notificationsRoutes,
                  ...reportsRoutes,
                  { path: 'organisation', element: <OrganisationPage /> },
                  { path: 'account', element: <AccountPage /> },
                  { path: 'audit', element: <AuditPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
