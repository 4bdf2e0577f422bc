import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Pollination: the experience library (experiences, an organisation's opt-in to the instance-wide
 * library) and diffusion plans (target collectives, change agents, sessions, adoption reports).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('experiences')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('collective_id', t.id, (c) => c.references('collectives.id').onDelete('set null'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('context', t.text, (c) => c.notNull())
    .addColumn('question', t.text, (c) => c.notNull())
    .addColumn('what_happened', t.text, (c) => c.notNull())
    .addColumn('results', t.text, (c) => c.notNull())
    .addColumn('lessons', t.text, (c) => c.notNull())
    .addColumn('conditions', t.text, (c) => c.notNull())
    .addColumn('pitfalls', t.text, (c) => c.notNull())
    .addColumn('ic_forms', t.json, (c) => c.notNull())
    .addColumn('cynefin', t.text)
    .addColumn('method_ids', t.json, (c) => c.notNull())
    .addColumn('sector', t.text, (c) => c.notNull())
    .addColumn('size', t.int)
    .addColumn('indicators', t.json, (c) => c.notNull())
    .addColumn('diagnostic_deltas', t.json, (c) => c.notNull())
    .addColumn('diagnostic_profile', t.json, (c) => c.notNull())
    .addColumn('contacts', t.json, (c) => c.notNull())
    .addColumn('language', t.text, (c) => c.notNull())
    .addColumn('licence', t.text, (c) => c.notNull())
    .addColumn('visibility', t.text)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('remove_organisation', t.bool, (c) => c.notNull())
    .addColumn('anonymised_at', t.timestamp)
    .addColumn('shared_at', t.timestamp)
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('experiences_org').on('experiences').columns(['org_id', 'status']).execute();
  await db.schema
    .createIndex('experiences_shared')
    .on('experiences')
    .columns(['visibility', 'status'])
    .execute();

  await db.schema
    .createTable('pollination_settings')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('instance_library_at', t.timestamp)
    .addColumn('updated_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('diffusion_plans')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('experience_id', t.id, (c) => c.references('experiences.id').onDelete('set null'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('practice', t.text, (c) => c.notNull())
    .addColumn('collective_ids', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('diffusion_plans_org').on('diffusion_plans').column('org_id').execute();

  await db.schema
    .createTable('diffusion_agents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('plan_id', t.id, (c) => c.notNull().references('diffusion_plans.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('proposal_id', t.id)
    .addColumn('marginal_reach', t.real)
    .addColumn('network_size', t.int)
    .execute();
  await db.schema.createIndex('diffusion_agents_plan').on('diffusion_agents').column('plan_id').execute();

  await db.schema
    .createTable('diffusion_sessions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('plan_id', t.id, (c) => c.notNull().references('diffusion_plans.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('date', t.text, (c) => c.notNull())
    .addColumn('collective_id', t.id, (c) => c.references('collectives.id').onDelete('set null'))
    .addColumn('carrier_person_id', t.id, (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('diffusion_sessions_plan').on('diffusion_sessions').column('plan_id').execute();

  await db.schema
    .createTable('adoption_reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('plan_id', t.id, (c) => c.notNull().references('diffusion_plans.id').onDelete('cascade'))
    .addColumn('collective_id', t.id, (c) => c.notNull().references('collectives.id').onDelete('cascade'))
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('date', t.text, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('reported_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('adoption_reports_plan').on('adoption_reports').column('plan_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'adoption_reports',
    'diffusion_sessions',
    'diffusion_agents',
    'diffusion_plans',
    'pollination_settings',
    'experiences',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
