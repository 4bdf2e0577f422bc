import type { AppInstance } from '../http/app-instance.ts';

/** Route plugins of the networks feature, in registration order. */
export const networksPlugins: ((app: AppInstance) => Promise<void>)[] = [];
