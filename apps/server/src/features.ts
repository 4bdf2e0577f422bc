import { conversationsPlugins } from './features/conversations.ts';
import { methodsPlugins } from './features/methods.ts';
import { networksPlugins } from './features/networks.ts';
import { ssoPlugins } from './features/sso.ts';
import { surveysPlugins } from './features/surveys.ts';
import { workshopsPlugins } from './features/workshops.ts';
import type { AppInstance } from './http/app-instance.ts';
import { auditRoutes } from './http/audit.routes.ts';
import { authRoutes } from './http/auth.routes.ts';
import { engagementRoutes } from './http/engagements.routes.ts';
import { meRoutes } from './http/me.routes.ts';
import { optionsBoardRoutes } from './http/options-boards.routes.ts';
import { organisationRoutes } from './http/organisations.routes.ts';
import { peopleRoutes } from './http/people.routes.ts';

/** Route plugins of every feature, in registration order. */
export function registerFeatures(): ((app: AppInstance) => Promise<void>)[] {
  return [
    authRoutes,
    meRoutes,
    organisationRoutes,
    auditRoutes,
    engagementRoutes,
    optionsBoardRoutes,
    peopleRoutes,
    ...methodsPlugins,
    ...surveysPlugins,
    ...networksPlugins,
    ...workshopsPlugins,
    ...conversationsPlugins,
    ...ssoPlugins,
  ];
}
