import type { Migration } from 'kysely';
import * as m20261207T1903 from './20261207T1903-create-webhooks.ts';

/** Migrations of the webhooks feature (endpoints, outbox, deliveries, attempts). */
export const webhooksMigrations: Record<string, Migration> = {
  '20261207T1903-create-webhooks': m20261207T1903,
};
