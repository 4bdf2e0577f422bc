import type { Migration } from 'kysely';
import * as m20261207T1600 from './20261207T1600-create-sso.ts';

/** Migrations of single sign-on (OpenID Connect). */
export const ssoMigrations: Record<string, Migration> = {
  '20261207T1600-create-sso': m20261207T1600,
};
