import type { AppInstance } from '../app-instance.ts';
import { networkRoutes } from '../http/networks.routes.ts';
import { networkSurveyRoutes } from '../http/networks-survey.routes.ts';
import { failInterruptedAnalyses } from '../services/networks-jobs.service.ts';

/** Analyses a previous process left unfinished are marked failed before any route serves them. */
async function recoverInterruptedAnalyses(app: AppInstance): Promise<void> {
  const ids = await failInterruptedAnalyses(app.deps.database.db);
  if (ids.length > 0) {
    app.log.warn({ count: ids.length }, 'network analyses interrupted by a restart marked failed');
  }
}

/** Route plugins of the networks feature, in registration order. */
export const networksPlugins: ((app: AppInstance) => Promise<void>)[] = [
  recoverInterruptedAnalyses,
  networkRoutes,
  networkSurveyRoutes,
];
