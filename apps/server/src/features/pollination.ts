import type { AppInstance } from '../app-instance.ts';
import { pollinationRoutes } from '../http/pollination.routes.ts';
import { pollinationCommunityRoutes } from '../http/pollination-communities.routes.ts';
import { pollinationPulseRoutes } from '../http/pollination-pulse.routes.ts';
import { sweepCommunityDigests } from '../services/pollination-digest.service.ts';
// Register the feature's parts of a person's export and erasure (registerPersonalData).
import '../services/pollination-personal-data.ts';
import '../services/pollination-communities-personal-data.ts';

const DIGEST_EVERY_MS = 60 * 60 * 1000;

/** The hourly e-mail digest of community notifications (only when SMTP is configured). */
async function communityDigests(app: AppInstance): Promise<void> {
  if (!app.deps.mailer.enabled) {
    return;
  }
  const timer = setInterval(() => {
    sweepCommunityDigests(app.deps.database.db, app.deps.mailer).catch((error: unknown) => {
      app.log.warn({ err: error }, 'community digest sweep failed');
    });
  }, DIGEST_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Route plugins of the pollination feature (experience library, diffusion plans, communities). */
export const pollinationPlugins: ((app: AppInstance) => Promise<void>)[] = [
  pollinationRoutes,
  pollinationCommunityRoutes,
  pollinationPulseRoutes,
  communityDigests,
];
