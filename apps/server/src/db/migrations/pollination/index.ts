import type { Migration } from 'kysely';
import * as m20261207T1906 from './20261207T1906-create-pollination.ts';

/** Migrations of the pollination feature (experience library, diffusion plans). */
export const pollinationMigrations: Record<string, Migration> = {
  '20261207T1906-create-pollination': m20261207T1906,
};
