import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/** PDF report jobs: kind, language, progress, and the finished file (readable by whoever asked for it). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('report_jobs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('lang', t.text, (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('progress', t.real, (c) => c.notNull())
    .addColumn('error', t.text)
    .addColumn('file', t.bytes)
    .addColumn('size_bytes', t.int)
    .addColumn('render_ms', t.int)
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('report_jobs_engagement')
    .on('report_jobs')
    .columns(['engagement_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_jobs').execute();
}
