import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Networks of an engagement (surveyed or imported), their nodes and ties, survey respondents,
 * analyses (run off the request path, result stored as JSON) and change-agent proposals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('networks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('is_directed', t.bool, (c) => c.notNull())
    .addColumn('is_weighted', t.bool, (c) => c.notNull())
    .addColumn('attribute_columns', t.json, (c) => c.notNull())
    .addColumn('collective_id', t.id, (c) => c.references('collectives.id').onDelete('set null'))
    .addColumn('survey_relations', t.json)
    .addColumn('survey_scale', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('networks_engagement').on('networks').column('engagement_id').execute();

  await db.schema
    .createTable('network_nodes')
    .addColumn('network_id', t.id, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('node_id', t.text, (c) => c.notNull())
    .addColumn('person_id', t.id, (c) => c.references('people.id').onDelete('set null'))
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('import_consent', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('network_nodes_pk', ['network_id', 'node_id'])
    .execute();

  await db.schema
    .createTable('network_edges')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('network_id', t.id, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('target', t.text, (c) => c.notNull())
    .addColumn('relation', t.text, (c) => c.notNull())
    .addColumn('weight', t.real, (c) => c.notNull())
    .addColumn('respondent_id', t.id)
    .execute();
  await db.schema.createIndex('network_edges_network').on('network_edges').column('network_id').execute();

  await db.schema
    .createTable('network_respondents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('network_id', t.id, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('participant_id', t.id, (c) => c.notNull())
    .addColumn('invited_at', t.timestamp, (c) => c.notNull())
    .addColumn('consented_at', t.timestamp)
    .addColumn('submitted_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('network_respondents_person')
    .on('network_respondents')
    .columns(['network_id', 'person_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('network_analyses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('network_id', t.id, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('progress', t.real, (c) => c.notNull())
    .addColumn('options', t.json, (c) => c.notNull())
    .addColumn('result', t.json)
    .addColumn('error', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('network_analyses_network')
    .on('network_analyses')
    .column('network_id')
    .execute();

  await db.schema
    .createTable('network_proposals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('analysis_id', t.id, (c) => c.notNull().references('network_analyses.id').onDelete('cascade'))
    .addColumn('network_id', t.id, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('node_id', t.text, (c) => c.notNull())
    .addColumn('rank', t.int, (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('why', t.json, (c) => c.notNull())
    .addColumn('marginal_reach', t.real, (c) => c.notNull())
    .addColumn('mc_spread', t.real, (c) => c.notNull())
    .addColumn('mc_error', t.real, (c) => c.notNull())
    .addColumn('zones_bridged', t.int, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('note', t.text)
    .addColumn('responded_at', t.timestamp)
    .addColumn('recorded_by', t.id)
    .execute();
  await db.schema
    .createIndex('network_proposals_analysis')
    .on('network_proposals')
    .column('analysis_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'network_proposals',
    'network_analyses',
    'network_respondents',
    'network_edges',
    'network_nodes',
    'networks',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
