/** The app type lives at the root beside `deps.ts` (ws/ and features/ use it too); re-exported for the routes. */
export type { AppInstance } from '../app-instance.ts';
