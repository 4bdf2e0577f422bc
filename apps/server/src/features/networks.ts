import type { AppInstance } from '../http/app-instance.ts';
import { networkRoutes } from '../http/networks.routes.ts';
import { networkSurveyRoutes } from '../http/networks-survey.routes.ts';

/** Route plugins of the networks feature, in registration order. */
export const networksPlugins: ((app: AppInstance) => Promise<void>)[] = [networkRoutes, networkSurveyRoutes];
