import type { AppInstance } from '../app-instance.ts';
import { decisionRoutes } from '../http/decisions.routes.ts';
import { governanceRoutes } from '../http/governance.routes.ts';
import { proposalRoutes } from '../http/proposals.routes.ts';
import { proposalPublicRoutes } from '../http/proposals-public.routes.ts';
import { sweepDecisionReminders } from '../services/decision-notifications.service.ts';

const SWEEP_EVERY_MS = 5 * 60 * 1000;

/** Reminders (closing soon, review due) every few minutes; idempotent, so several instances may run it. */
async function decisionReminders(app: AppInstance): Promise<void> {
  const timer = setInterval(() => {
    sweepDecisionReminders(app.deps.database.db).catch((error: unknown) => {
      app.log.warn({ err: error }, 'decision reminders sweep failed');
    });
  }, SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Live consent rounds and fist-to-five write their DecisionRecord after the commit: log when that fails. */
async function liveOutcomeErrors(app: AppInstance): Promise<void> {
  app.deps.live.onBackgroundError((error, message) => app.log.error({ err: error }, message));
}

/** Route plugins of the decisions feature, in registration order. */
export const decisionsPlugins: ((app: AppInstance) => Promise<void>)[] = [
  decisionRoutes,
  proposalRoutes,
  proposalPublicRoutes,
  governanceRoutes,
  decisionReminders,
  liveOutcomeErrors,
];
