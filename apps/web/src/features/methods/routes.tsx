import type { RouteObject } from 'react-router';
import { AgendaPage } from './agenda-page';
import { AgendasPage } from './agendas-page';
import { CustomMethodPage } from './custom-method-page';
import { LibraryPage } from './library-page';
import { MethodPage } from './method-page';
import { RecommendPage } from './recommend-page';

/** Signed-in pages of this feature, inside the app frame. */
export const methodsRoutes: RouteObject[] = [
  { path: 'methods', element: <LibraryPage /> },
  { path: 'methods/recommend', element: <RecommendPage /> },
  { path: 'methods/new', element: <CustomMethodPage /> },
  { path: 'methods/:methodId', element: <MethodPage /> },
  { path: 'agendas', element: <AgendasPage /> },
  { path: 'agendas/:agendaId', element: <AgendaPage /> },
];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const methodsPublicRoutes: RouteObject[] = [];
