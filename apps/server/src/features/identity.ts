import type { AppInstance } from '../app-instance.ts';
import { auditRoutes } from '../http/audit.routes.ts';
import { authRoutes } from '../http/auth.routes.ts';
import { meRoutes } from '../http/me.routes.ts';
import { organisationRoutes } from '../http/organisations.routes.ts';

/** Route plugins of identity and organisations (accounts, sessions, memberships, audit), in registration order. */
export const identityPlugins: ((app: AppInstance) => Promise<void>)[] = [
  authRoutes,
  meRoutes,
  organisationRoutes,
  auditRoutes,
];
