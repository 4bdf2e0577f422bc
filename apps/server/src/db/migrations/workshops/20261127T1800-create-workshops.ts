import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/** Live workshops: the workshop, its append-only event log and its latest snapshot. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('workshops')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull().unique())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('last_seq', t.bigint, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshops_org').on('workshops').column('org_id').execute();
  await db.schema.createIndex('workshops_engagement').on('workshops').column('engagement_id').execute();

  await db.schema
    .createTable('workshop_events')
    .addColumn('workshop_id', t.id, (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('command_id', t.text, (c) => c.notNull())
    .addColumn('actor_key', t.text, (c) => c.notNull())
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('event', t.json, (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_events_pk', ['workshop_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('workshop_events_command')
    .on('workshop_events')
    .columns(['workshop_id', 'command_id'])
    .execute();

  await db.schema
    .createTable('workshop_snapshots')
    .addColumn('workshop_id', t.id, (c) => c.primaryKey().references('workshops.id').onDelete('cascade'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workshop_snapshots').execute();
  await db.schema.dropTable('workshop_events').execute();
  await db.schema.dropTable('workshops').execute();
}
