import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/** Custom methods, private notes and variants, recorded method choices and session agendas. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('custom_methods')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custom_methods_org').on('custom_methods').column('org_id').execute();

  await db.schema
    .createTable('method_notes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('method_id', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('method_notes_org_method')
    .on('method_notes')
    .columns(['org_id', 'method_id'])
    .execute();

  await db.schema
    .createTable('method_choices')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('question_id', t.id, (c) => c.references('questions.id').onDelete('set null'))
    .addColumn('method_id', t.text, (c) => c.notNull())
    .addColumn('method_name', t.json, (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('decided_by', t.text, (c) => c.notNull())
    .addColumn('recorded_by', t.id)
    .addColumn('proposed', t.json, (c) => c.notNull())
    .addColumn('request', t.json)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('method_choices_engagement')
    .on('method_choices')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('agendas')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('date', t.text)
    .addColumn('start', t.text, (c) => c.notNull())
    .addColumn('available_minutes', t.int)
    .addColumn('items', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agendas_org').on('agendas').column('org_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agendas', 'method_choices', 'method_notes', 'custom_methods']) {
    await db.schema.dropTable(table).execute();
  }
}
