import type { AppInstance } from './http/app-instance.ts';

/** Route plugins of every feature, in registration order. */
export function registerFeatures(): ((app: AppInstance) => Promise<void>)[] {
  return [];
}
