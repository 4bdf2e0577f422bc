import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Opinion-mapping conversations: statements (moderated), anonymous participants numbered per
 * conversation (Polis voter ids) and their votes (1 agree, -1 disagree, 0 pass; one per statement).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('conversations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('engagement_id', t.id, (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('workshop_id', t.id)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('topic', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('allow_statements', t.bool, (c) => c.notNull())
    .addColumn('join_code', t.text, (c) => c.notNull().unique())
    .addColumn('next_statement_number', t.int, (c) => c.notNull())
    .addColumn('next_participant_number', t.int, (c) => c.notNull())
    .addColumn('data_version', t.int, (c) => c.notNull())
    .addColumn('result_version', t.int, (c) => c.notNull())
    .addColumn('result', t.text)
    .addColumn('result_at', t.timestamp)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversations_org').on('conversations').column('org_id').execute();

  await db.schema
    .createTable('conversation_statements')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('conversation_id', t.id, (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('number', t.int, (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('is_seed', t.bool, (c) => c.notNull())
    .addColumn('author_number', t.int)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('moderated_at', t.timestamp)
    .addUniqueConstraint('conversation_statements_number', ['conversation_id', 'number'])
    .execute();

  await db.schema
    .createTable('conversation_participants')
    .addColumn('participant_id', t.id, (c) =>
      c.primaryKey().references('participants.id').onDelete('cascade'),
    )
    .addColumn('conversation_id', t.id, (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('number', t.int, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('conversation_participants_number', ['conversation_id', 'number'])
    .execute();

  await db.schema
    .createTable('conversation_votes')
    .addColumn('conversation_id', t.id, (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('statement_id', t.id, (c) =>
      c.notNull().references('conversation_statements.id').onDelete('cascade'),
    )
    .addColumn('participant_id', t.id, (c) =>
      c.notNull().references('conversation_participants.participant_id').onDelete('cascade'),
    )
    .addColumn('vote', t.int, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_votes_pk', ['statement_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('conversation_votes_conversation')
    .on('conversation_votes')
    .column('conversation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_votes').execute();
  await db.schema.dropTable('conversation_participants').execute();
  await db.schema.dropTable('conversation_statements').execute();
  await db.schema.dropTable('conversations').execute();
}
