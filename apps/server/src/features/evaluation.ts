import type { AppInstance } from '../app-instance.ts';
import { evaluationRoutes } from '../http/evaluation.routes.ts';

/** Route plugins of the evaluation feature. */
export const evaluationPlugins: ((app: AppInstance) => Promise<void>)[] = [evaluationRoutes];
