import type { AppInstance } from '../app-instance.ts';
import { reportRoutes } from '../http/reports.routes.ts';

/** Jobs a previous process left unfinished are marked failed; running jobs finish before close. */
async function reportJobs(app: AppInstance): Promise<void> {
  await app.deps.reports.failInterrupted();
  app.addHook('onClose', async () => app.deps.reports.idle());
}

/** Route plugins of the reports feature, in registration order. */
export const reportsPlugins: ((app: AppInstance) => Promise<void>)[] = [reportRoutes, reportJobs];
