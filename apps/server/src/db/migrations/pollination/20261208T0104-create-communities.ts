import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Communities of practice (spaces hosted by one organisation, other organisations joining when both
 * owners agree), their members, contributions, files, reports and mention notifications; and the
 * one-question adoption pulse (a scoped link per collective, anonymous answers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('communities')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('theme', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('communities_org').on('communities').column('org_id').execute();

  // A guest organisation: invited by the host's owner, accepted by its own owner.
  await db.schema
    .createTable('community_orgs')
    .addColumn('community_id', t.id, (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('invited_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('invited_at', t.timestamp, (c) => c.notNull())
    .addColumn('accepted_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('accepted_at', t.timestamp)
    .addPrimaryKeyConstraint('community_orgs_pk', ['community_id', 'org_id'])
    .execute();
  await db.schema.createIndex('community_orgs_org').on('community_orgs').column('org_id').execute();

  await db.schema
    .createTable('community_members')
    .addColumn('community_id', t.id, (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('digest', t.bool, (c) => c.notNull())
    .addColumn('joined_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'user_id'])
    .execute();
  await db.schema.createIndex('community_members_user').on('community_members').column('user_id').execute();

  await db.schema
    .createTable('community_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('community_id', t.id, (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('parent_id', t.id, (c) => c.references('community_items.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('url', t.text)
    .addColumn('starts_at', t.timestamp)
    .addColumn('place', t.text)
    .addColumn('author_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_org_id', t.id, (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('useful_at', t.timestamp)
    .addColumn('useful_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', t.timestamp)
    .addColumn('hidden_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_reason', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('community_items_community')
    .on('community_items')
    .columns(['community_id', 'kind'])
    .execute();
  await db.schema.createIndex('community_items_author').on('community_items').column('author_id').execute();

  await db.schema
    .createTable('community_files')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('item_id', t.id, (c) => c.notNull().references('community_items.id').onDelete('cascade'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('mime', t.text, (c) => c.notNull())
    .addColumn('size_bytes', t.int, (c) => c.notNull())
    .addColumn('data', t.bytes, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('community_files_item').on('community_files').column('item_id').execute();

  await db.schema
    .createTable('community_reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('item_id', t.id, (c) => c.notNull().references('community_items.id').onDelete('cascade'))
    .addColumn('reporter_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('community_reports_item').on('community_reports').column('item_id').execute();

  // In-app notifications of a member (a mention, an answer to their question); `digested_at` is set
  // once an e-mail digest carried it.
  await db.schema
    .createTable('community_notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', t.id, (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('item_id', t.id, (c) => c.notNull().references('community_items.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .addColumn('digested_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('community_notifications_user')
    .on('community_notifications')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('adoption_pulses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('plan_id', t.id, (c) => c.notNull().references('diffusion_plans.id').onDelete('cascade'))
    .addColumn('collective_id', t.id, (c) => c.notNull().references('collectives.id').onDelete('cascade'))
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('adoption_pulses_plan').on('adoption_pulses').column('plan_id').execute();

  // No respondent identity is kept: one row per answer.
  await db.schema
    .createTable('adoption_pulse_answers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('pulse_id', t.id, (c) => c.notNull().references('adoption_pulses.id').onDelete('cascade'))
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('adoption_pulse_answers_pulse')
    .on('adoption_pulse_answers')
    .column('pulse_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'adoption_pulse_answers',
    'adoption_pulses',
    'community_notifications',
    'community_reports',
    'community_files',
    'community_items',
    'community_members',
    'community_orgs',
    'communities',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
