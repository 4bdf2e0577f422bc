import type { AppInstance } from '../app-instance.ts';
import { agendaRoutes } from '../http/agendas.routes.ts';
import { methodRoutes } from '../http/methods.routes.ts';
import { methodRecommendationRoutes } from '../http/methods-recommend.routes.ts';

/** Route plugins of the methods feature, in registration order. */
export const methodsPlugins: ((app: AppInstance) => Promise<void>)[] = [
  methodRoutes,
  methodRecommendationRoutes,
  agendaRoutes,
];
