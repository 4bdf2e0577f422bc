import type { AppInstance } from '../http/app-instance.ts';

/** Route plugins of the surveys feature, in registration order. */
export const surveysPlugins: ((app: AppInstance) => Promise<void>)[] = [];
