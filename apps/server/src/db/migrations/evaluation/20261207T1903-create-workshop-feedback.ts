import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/** Participants' feedback after a workshop: usefulness 1–5 and one open answer, one row per participant. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('workshop_feedback')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('workshop_id', t.id, (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('participant_id', t.id, (c) => c.notNull())
    .addColumn('usefulness', t.int, (c) => c.notNull())
    .addColumn('comment', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('workshop_feedback_one_per_participant', ['workshop_id', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workshop_feedback').execute();
}
