import type { AppInstance } from '../app-instance.ts';
import { pollinationRoutes } from '../http/pollination.routes.ts';
// Registers the feature's part of a person's export and erasure (registerPersonalData).
import '../services/pollination-personal-data.ts';

/** Route plugins of the pollination feature (experience library, diffusion plans). */
export const pollinationPlugins: ((app: AppInstance) => Promise<void>)[] = [pollinationRoutes];
