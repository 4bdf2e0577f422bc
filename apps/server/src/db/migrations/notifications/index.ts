import type { Migration } from 'kysely';
import * as m20261208T0105 from './20261208T0105-notify-and-calendar-feeds.ts';

/** Migrations of the notifications feature (general notifications, email outbox, calendar feeds). */
export const notificationsMigrations: Record<string, Migration> = {
  '20261208T0105-notify-and-calendar-feeds': m20261208T0105,
};
