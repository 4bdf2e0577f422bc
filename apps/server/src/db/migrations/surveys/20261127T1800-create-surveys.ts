import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Diagnostic surveys: custom instruments, campaigns (with the instrument frozen at launch), per-member
 * invitations (participant tokens) and responses. A response row holds the respondent's cut signature
 * (collectives, attributes) and answers, never a person id: the link to the roster goes through the
 * invitation and is never returned by any route.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('survey_instruments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_instruments_org').on('survey_instruments').column('org_id').execute();

  await db.schema
    .createTable('survey_campaigns')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('instrument_ref', t.text, (c) => c.notNull())
    .addColumn('instrument', t.json)
    .addColumn('collective_ids', t.json, (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('has_member_links', t.bool, (c) => c.notNull())
    .addColumn('has_shared_link', t.bool, (c) => c.notNull())
    .addColumn('shared_token', t.text)
    .addColumn('opens_at', t.timestamp)
    .addColumn('closes_at', t.timestamp)
    .addColumn('launched_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_campaigns_org').on('survey_campaigns').column('org_id').execute();
  await db.schema
    .createIndex('survey_campaigns_engagement')
    .on('survey_campaigns')
    .column('engagement_id')
    .execute();
  await db.schema
    .createIndex('survey_campaigns_shared_token')
    .on('survey_campaigns')
    .column('shared_token')
    .execute();

  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('survey_campaigns.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.references('people.id').onDelete('set null'))
    .addColumn('person_name', t.text, (c) => c.notNull())
    .addColumn('participant_id', t.id, (c) => c.notNull())
    .addColumn('collective_ids', t.json, (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_invitations_campaign')
    .on('survey_invitations')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('survey_campaigns.id').onDelete('cascade'))
    .addColumn('participant_id', t.id, (c) => c.notNull().unique())
    .addColumn('collective_ids', t.json, (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('answers', t.json, (c) => c.notNull())
    .addColumn('language', t.text, (c) => c.notNull())
    .addColumn('resume_hash', t.text)
    .addColumn('consented_at', t.timestamp)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_campaign')
    .on('survey_responses')
    .column('campaign_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('survey_invitations').execute();
  await db.schema.dropTable('survey_campaigns').execute();
  await db.schema.dropTable('survey_instruments').execute();
}
