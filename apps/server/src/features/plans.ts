import type { AppInstance } from '../app-instance.ts';
import { planRoutes } from '../http/plans.routes.ts';

/** Route plugins of the plans feature (master plan, investment plan, specification), in registration order. */
export const plansPlugins: ((app: AppInstance) => Promise<void>)[] = [planRoutes];
