import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Plans: one plan document per engagement (master plan, investment plan, people, unavailable periods,
 * indicators), edited with optimistic versions, and the specification's versions (each save is a new row,
 * so earlier versions stay readable).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('plans')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) =>
      c.notNull().unique().references('engagements.id').onDelete('cascade'),
    )
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('document', t.json, (c) => c.notNull())
    .addColumn('updated_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_specifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('lang', t.text, (c) => c.notNull())
    .addColumn('sections', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('plan_specifications_version', ['engagement_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_specifications').execute();
  await db.schema.dropTable('plans').execute();
}
