import type { Migration } from 'kysely';
import * as m20261207T1902 from './20261207T1902-create-plans.ts';

/** Migrations of the plans feature (plan document, specification versions). */
export const plansMigrations: Record<string, Migration> = {
  '20261207T1902-create-plans': m20261207T1902,
};
