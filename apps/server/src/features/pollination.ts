import type { AppInstance } from '../app-instance.ts';
import { pollinationRoutes } from '../http/pollination.routes.ts';
import { pollinationCommunityRoutes } from '../http/pollination-communities.routes.ts';
import { pollinationPulseRoutes } from '../http/pollination-pulse.routes.ts';
// Register the feature's parts of a person's export and erasure (registerPersonalData).
import '../services/pollination-personal-data.ts';
import '../services/pollination-communities-personal-data.ts';

/** Route plugins of the pollination feature (experience library, diffusion plans, communities). */
export const pollinationPlugins: ((app: AppInstance) => Promise<void>)[] = [
  pollinationRoutes,
  pollinationCommunityRoutes,
  pollinationPulseRoutes,
];
