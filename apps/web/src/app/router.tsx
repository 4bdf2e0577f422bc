import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../features/errors/not-found-page';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { AppLayout } from './app-layout';

// Pages load on demand; <Suspense> in AppLayout shows a skeleton meanwhile.
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const EngagementsPage = lazy(() =>
  import('../features/engagements/engagements-page').then((m) => ({ default: m.EngagementsPage })),
);
const MethodsPage = lazy(() =>
  import('../features/methods/methods-page').then((m) => ({ default: m.MethodsPage })),
);
const WorkshopsPage = lazy(() =>
  import('../features/workshops/workshops-page').then((m) => ({ default: m.WorkshopsPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/organisation/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);

export const router = createBrowserRouter([
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
          { path: 'methods', element: <MethodsPage /> },
          { path: 'workshops', element: <WorkshopsPage /> },
          { path: 'organisation', element: <OrganisationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
