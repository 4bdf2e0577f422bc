import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Decisions and governance: the one decision record (register), asynchronous proposals with their
 * versions, eligible people, positions and objections, in-app notifications, and governance maps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('decision_records')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('source_id', t.text)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('statement', t.text, (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('rule', t.text)
    .addColumn('decided_by', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('is_anonymous', t.bool, (c) => c.notNull())
    .addColumn('participant_count', t.int, (c) => c.notNull())
    .addColumn('positions', t.json, (c) => c.notNull())
    .addColumn('objections', t.json, (c) => c.notNull())
    .addColumn('stand_asides', t.int, (c) => c.notNull())
    .addColumn('outcome', t.text)
    .addColumn('decided_at', t.timestamp)
    .addColumn('review_on', t.text)
    .addColumn('links', t.json, (c) => c.notNull())
    .addColumn('collective_id', t.id)
    .addColumn('recorded_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_records_org')
    .on('decision_records')
    .columns(['org_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('decision_records_engagement')
    .on('decision_records')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('record_id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('rule', t.text, (c) => c.notNull())
    .addColumn('config', t.json, (c) => c.notNull())
    .addColumn('deadline', t.timestamp, (c) => c.notNull())
    .addColumn('is_anonymous', t.bool, (c) => c.notNull())
    .addColumn('hide_results', t.bool, (c) => c.notNull())
    .addColumn('collective_id', t.id)
    .addColumn('eligible_roles', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('round', t.int, (c) => c.notNull())
    .addColumn('outcome_statement', t.text)
    .addColumn('review_on', t.text)
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('subject_kind', t.text)
    .addColumn('subject_id', t.id)
    .addColumn('closing_notified_at', t.timestamp)
    .addColumn('review_notified_at', t.timestamp)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('proposals_engagement').on('proposals').column('engagement_id').execute();
  await db.schema
    .createIndex('proposals_status_deadline')
    .on('proposals')
    .columns(['status', 'deadline'])
    .execute();

  await db.schema
    .createTable('proposal_versions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_versions_proposal')
    .on('proposal_versions')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('proposal_invitees')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('participant_id', t.id, (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('display_name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_invitees_proposal')
    .on('proposal_invitees')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('proposal_positions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('voter_key', t.text, (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('display_name', t.text)
    .addColumn('round', t.int, (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('value', t.text, (c) => c.notNull())
    .addColumn('reason', t.text)
    .addColumn('ballot', t.json)
    .addColumn('response', t.json)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_positions_voter')
    .on('proposal_positions')
    .columns(['proposal_id', 'round', 'voter_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('proposal_objections')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('voter_key', t.text, (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('display_name', t.text)
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('integration', t.text)
    .addColumn('integrated_in_version', t.int)
    .addColumn('tests', t.json)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_objections_proposal')
    .on('proposal_objections')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('object_kind', t.text, (c) => c.notNull())
    .addColumn('object_id', t.id, (c) => c.notNull())
    .addColumn('engagement_id', t.id)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('governance_maps')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('based_on_id', t.id)
    .addColumn('decision_id', t.id)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('adopted_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('governance_maps_org')
    .on('governance_maps')
    .columns(['org_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'governance_maps',
    'notifications',
    'proposal_objections',
    'proposal_positions',
    'proposal_invitees',
    'proposal_versions',
    'proposals',
    'decision_records',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
