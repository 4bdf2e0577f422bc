import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Charters and collaborative contracts: the charter (with its compacted Yjs snapshot), the append-only
 * log of Yjs updates since that snapshot, named versions (clauses + content hash), comments anchored to
 * a clause, amendments, commitments, and the participant tokens of people without an account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('charters')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('collective_id', t.id)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('locale', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('editors_may_decide', t.bool, (c) => c.notNull())
    .addColumn('review_on', t.text)
    .addColumn('last_seq', t.bigint, (c) => c.notNull())
    .addColumn('snapshot', t.bytes, (c) => c.notNull())
    .addColumn('snapshot_seq', t.bigint, (c) => c.notNull())
    .addColumn('pending_updates', t.int, (c) => c.notNull())
    .addColumn('adopted_version_id', t.id)
    .addColumn('adopted_hash', t.text)
    .addColumn('adoption_decision_id', t.id)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('charters_engagement').on('charters').column('engagement_id').execute();

  await db.schema
    .createTable('charter_updates')
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('data', t.bytes, (c) => c.notNull())
    .addColumn('actor', t.text)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_updates_pk', ['charter_id', 'seq'])
    .execute();

  await db.schema
    .createTable('charter_versions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('number', t.int, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('content_hash', t.text, (c) => c.notNull())
    .addColumn('clauses', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('charter_versions_number', ['charter_id', 'number'])
    .execute();

  await db.schema
    .createTable('charter_comments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('clause_id', t.text, (c) => c.notNull())
    .addColumn('quote', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('author_user_id', t.id)
    .addColumn('author_participant_id', t.id)
    .addColumn('author_name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('charter_comments_charter')
    .on('charter_comments')
    .column('charter_id')
    .execute();

  await db.schema
    .createTable('charter_amendments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('clause_id', t.text, (c) => c.notNull())
    .addColumn('original_text', t.text, (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('rule', t.text)
    .addColumn('decision_id', t.id)
    .addColumn('positions', t.json, (c) => c.notNull())
    .addColumn('author_user_id', t.id)
    .addColumn('author_name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('decided_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('charter_amendments_charter')
    .on('charter_amendments')
    .column('charter_id')
    .execute();

  await db.schema
    .createTable('charter_commitments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('state', t.text, (c) => c.notNull())
    .addColumn('version_hash', t.text, (c) => c.notNull())
    .addColumn('via', t.text, (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('charter_commitments_charter')
    .on('charter_commitments')
    .columns(['charter_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('charter_participants')
    .addColumn('participant_id', t.id, (c) => c.primaryKey())
    .addColumn('charter_id', t.id, (c) => c.notNull().references('charters.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'charter_participants',
    'charter_commitments',
    'charter_amendments',
    'charter_comments',
    'charter_versions',
    'charter_updates',
    'charters',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
