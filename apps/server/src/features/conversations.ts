import type { AppInstance } from '../http/app-instance.ts';

/** Route plugins of the conversations feature, in registration order. */
export const conversationsPlugins: ((app: AppInstance) => Promise<void>)[] = [];
