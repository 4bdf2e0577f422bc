import type { AppInstance } from '../http/app-instance.ts';

/** Route plugins of the workshops feature, in registration order. */
export const workshopsPlugins: ((app: AppInstance) => Promise<void>)[] = [];
