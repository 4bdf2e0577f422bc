import type { RouteObject } from 'react-router';

/** Signed-in pages of this feature, inside the app frame. */
export const methodsRoutes: RouteObject[] = [];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const methodsPublicRoutes: RouteObject[] = [];
