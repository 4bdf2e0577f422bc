import type { AppInstance } from './app-instance.ts';
import { chartersPlugins } from './features/charters.ts';
import { competenciesPlugins } from './features/competencies.ts';
import { conversationsPlugins } from './features/conversations.ts';
import { decisionsPlugins } from './features/decisions.ts';
import { engagementsPlugins } from './features/engagements.ts';
import { evaluationPlugins } from './features/evaluation.ts';
import { identityPlugins } from './features/identity.ts';
import { methodsPlugins } from './features/methods.ts';
import { networksPlugins } from './features/networks.ts';
import { notificationsPlugins } from './features/notifications.ts';
import { plansPlugins } from './features/plans.ts';
import { pollinationPlugins } from './features/pollination.ts';
import { reportsPlugins } from './features/reports.ts';
import { ssoPlugins } from './features/sso.ts';
import { surveysPlugins } from './features/surveys.ts';
import { webhooksPlugins } from './features/webhooks.ts';
import { workshopsPlugins } from './features/workshops.ts';

/**
 * Route plugins of every feature, in registration order. Each feature lists its own plugins (and its
 * start-up hooks: personal data, trace kinds, schedulers) in `features/<feature>.ts`; add one line here.
 */
export function registerFeatures(): ((app: AppInstance) => Promise<void>)[] {
  return [
    ...identityPlugins,
    ...engagementsPlugins,
    ...methodsPlugins,
    ...surveysPlugins,
    ...networksPlugins,
    ...workshopsPlugins,
    ...conversationsPlugins,
    ...competenciesPlugins,
    ...decisionsPlugins,
    ...ssoPlugins,
    ...chartersPlugins,
    ...plansPlugins,
    ...webhooksPlugins,
    ...reportsPlugins,
    ...pollinationPlugins,
    ...evaluationPlugins,
    ...notificationsPlugins,
  ];
}
