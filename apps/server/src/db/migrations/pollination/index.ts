import type { Migration } from 'kysely';
import * as m20261207T1906 from './20261207T1906-create-pollination.ts';
import * as m20261208T0104 from './20261208T0104-create-communities.ts';
import * as m20261208T0400 from './20261208T0400-fold-community-notifications.ts';

/** Migrations of the pollination feature (experience library, diffusion plans, communities, pulses). */
export const pollinationMigrations: Record<string, Migration> = {
  '20261207T1906-create-pollination': m20261207T1906,
  '20261208T0104-create-communities': m20261208T0104,
  '20261208T0400-fold-community-notifications': m20261208T0400,
};
