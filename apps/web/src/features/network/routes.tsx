import type { RouteObject } from 'react-router';
import { NetworksPage } from './networks-page';
import { RespondentPage } from './respondent-page';

/** Signed-in pages of this feature, inside the app frame. The map page (sigma, WebGL) loads on demand. */
export const networkRoutes: RouteObject[] = [
  { path: 'engagements/:engagementId/network', element: <NetworksPage /> },
  {
    path: 'engagements/:engagementId/network/:networkId',
    lazy: async () => ({ Component: (await import('./network-page')).NetworkPage }),
  },
];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const networkPublicRoutes: RouteObject[] = [{ path: 'n/:token', element: <RespondentPage /> }];
