import type { AppInstance } from '../http/app-instance.ts';

/** Route plugins of the methods feature, in registration order. */
export const methodsPlugins: ((app: AppInstance) => Promise<void>)[] = [];
