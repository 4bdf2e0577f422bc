import type { AppInstance } from '../app-instance.ts';
import { webhookRoutes } from '../http/webhooks.routes.ts';

/** The dispatcher polls the outbox while the app runs (every instance may: deliveries are claimed). */
async function webhookDispatcher(app: AppInstance): Promise<void> {
  app.deps.webhooks.start();
  app.addHook('onClose', async () => app.deps.webhooks.stop());
}

/** Route plugins of the webhooks feature, in registration order. */
export const webhooksPlugins: ((app: AppInstance) => Promise<void>)[] = [webhookRoutes, webhookDispatcher];
