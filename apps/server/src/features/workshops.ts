import type { AppInstance } from '../app-instance.ts';
import { workshopRoutes } from '../http/workshops.routes.ts';

/** Route plugins of the workshops feature, in registration order. */
export const workshopsPlugins: ((app: AppInstance) => Promise<void>)[] = [workshopRoutes];
