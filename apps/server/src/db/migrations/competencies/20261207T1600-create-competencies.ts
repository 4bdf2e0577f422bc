import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Consultant self-assessment (issue 19). Every table hangs off a user, not an organisation: a
 * self-assessment is private to its author; `competency_shares` is the only bridge to an organisation
 * and a row is deleted when the author withdraws. Feedback answers keep the round, relation, ratings
 * and comment and a day, never the invitation they came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('competency_assessments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('ratings', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competency_assessments_user')
    .on('competency_assessments')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('competency_shares')
    .addColumn('assessment_id', t.id, (c) =>
      c.notNull().references('competency_assessments.id').onDelete('cascade'),
    )
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('shared_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('competency_shares_pk', ['assessment_id', 'org_id'])
    .execute();
  await db.schema.createIndex('competency_shares_org').on('competency_shares').column('org_id').execute();

  await db.schema
    .createTable('competency_settings')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('use_level_in_recommender', t.bool, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('competency_feedback_rounds')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('message', t.text, (c) => c.notNull())
    .addColumn('competency_ids', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('competency_feedback_rounds_user')
    .on('competency_feedback_rounds')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('competency_feedback_invitations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('round_id', t.id, (c) =>
      c.notNull().references('competency_feedback_rounds.id').onDelete('cascade'),
    )
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('relation', t.text, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('is_answered', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competency_feedback_invitations_round')
    .on('competency_feedback_invitations')
    .column('round_id')
    .execute();

  await db.schema
    .createTable('competency_feedback_answers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('round_id', t.id, (c) =>
      c.notNull().references('competency_feedback_rounds.id').onDelete('cascade'),
    )
    .addColumn('relation', t.text, (c) => c.notNull())
    .addColumn('ratings', t.json, (c) => c.notNull())
    .addColumn('comment', t.text, (c) => c.notNull())
    .addColumn('submitted_on', t.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competency_feedback_answers_round')
    .on('competency_feedback_answers')
    .column('round_id')
    .execute();

  await db.schema
    .createTable('competency_supervisions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('assessment_id', t.id, (c) =>
      c.notNull().references('competency_assessments.id').onDelete('cascade'),
    )
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('peer_name', t.text, (c) => c.notNull())
    .addColumn('message', t.text, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('review', t.text)
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('competency_goals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('competency_id', t.text, (c) => c.notNull())
    .addColumn('target_level', t.int, (c) => c.notNull())
    .addColumn('practice_method_ids', t.json, (c) => c.notNull())
    .addColumn('resources', t.text, (c) => c.notNull())
    .addColumn('due_on', t.text)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competency_goals_user').on('competency_goals').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'competency_goals',
    'competency_supervisions',
    'competency_feedback_answers',
    'competency_feedback_invitations',
    'competency_feedback_rounds',
    'competency_settings',
    'competency_shares',
    'competency_assessments',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
