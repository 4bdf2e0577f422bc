import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Engagements and what hangs on them: phases, essential questions, stakeholders, options boards,
 * the timeline and trace links; the organisation's collectives and people (roster) with consent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('engagements')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('request', t.text, (c) => c.notNull())
    .addColumn('context', t.text, (c) => c.notNull())
    .addColumn('intention', t.text, (c) => c.notNull())
    .addColumn('starts_on', t.text)
    .addColumn('ends_on', t.text)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('status_reason', t.text)
    .addColumn('status_by', t.id)
    .addColumn('status_at', t.timestamp)
    .addColumn('confidentiality_text', t.text, (c) => c.notNull())
    .addColumn('confidentiality_version', t.int, (c) => c.notNull())
    .addColumn('confidentiality_updated_at', t.timestamp)
    .addColumn('phases', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_org').on('engagements').column('org_id').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('answer', t.text, (c) => c.notNull())
    .addColumn('complexity', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questions_engagement').on('questions').column('engagement_id').execute();

  await db.schema
    .createTable('collectives')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('parent_id', t.id, (c) => c.references('collectives.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collectives_org').on('collectives').column('org_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('display_name', t.text, (c) => c.notNull())
    .addColumn('email', t.text)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_org').on('people').column('org_id').execute();
  await db.schema
    .createIndex('people_org_email')
    .on('people')
    .columns(['org_id', 'email'])
    .unique()
    .execute();

  await db.schema
    .createTable('person_collectives')
    .addColumn('person_id', t.id, (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('collective_id', t.id, (c) => c.notNull().references('collectives.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('person_collectives_pk', ['person_id', 'collective_id'])
    .execute();
  await db.schema
    .createIndex('person_collectives_collective')
    .on('person_collectives')
    .column('collective_id')
    .execute();

  await db.schema
    .createTable('stakeholders')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('collective_id', t.id, (c) => c.references('collectives.id').onDelete('set null'))
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('purpose', t.text, (c) => c.notNull())
    .addColumn('text_version', t.text, (c) => c.notNull())
    .addColumn('granted_at', t.timestamp, (c) => c.notNull())
    .addColumn('withdrawn_at', t.timestamp)
    .execute();
  await db.schema.createIndex('consents_person').on('consents').columns(['person_id', 'purpose']).execute();

  await db.schema
    .createTable('options_boards')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('question_id', t.id, (c) => c.references('questions.id').onDelete('set null'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('criteria', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('options')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('board_id', t.id, (c) => c.notNull().references('options_boards.id').onDelete('cascade'))
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('advantages', t.json, (c) => c.notNull())
    .addColumn('drawbacks', t.json, (c) => c.notNull())
    .addColumn('risks', t.json, (c) => c.notNull())
    .addColumn('effort', t.int, (c) => c.notNull())
    .addColumn('cost', t.text, (c) => c.notNull())
    .addColumn('scores', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('option_choices')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('board_id', t.id, (c) => c.notNull().references('options_boards.id').onDelete('cascade'))
    .addColumn('option_id', t.id, (c) => c.notNull())
    .addColumn('option_title', t.text, (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('decided_by', t.text, (c) => c.notNull())
    .addColumn('recorded_by', t.id)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('timeline')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('actor_user_id', t.id)
    .addColumn('object_kind', t.text)
    .addColumn('object_id', t.text)
    .addColumn('data', t.json)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timeline_engagement')
    .on('timeline')
    .columns(['engagement_id', 'seq'])
    .execute();

  await db.schema
    .createTable('trace_links')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('from_kind', t.text, (c) => c.notNull())
    .addColumn('from_id', t.text, (c) => c.notNull())
    .addColumn('to_kind', t.text, (c) => c.notNull())
    .addColumn('to_id', t.text, (c) => c.notNull())
    .addColumn('relation', t.text, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trace_links_engagement').on('trace_links').column('engagement_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'trace_links',
    'timeline',
    'option_choices',
    'options',
    'options_boards',
    'consents',
    'stakeholders',
    'person_collectives',
    'people',
    'collectives',
    'questions',
    'engagements',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
