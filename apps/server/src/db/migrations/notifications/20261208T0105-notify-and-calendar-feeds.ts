import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Notifications become general (any feature calls `notify`): the existing table gains the parameters
 * the message is written from, the in-app link, a dedupe key (a reminder is written once per person)
 * and when its email went out. Calendar feeds are private links, stored hashed, revocable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema.alterTable('notifications').addColumn('params', t.json).execute();
  await db.schema.alterTable('notifications').addColumn('link', t.text).execute();
  await db.schema.alterTable('notifications').addColumn('dedupe_key', t.text).execute();
  await db.schema.alterTable('notifications').addColumn('emailed_at', t.timestamp).execute();
  await db.schema
    .createIndex('notifications_dedupe')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_email_pending')
    .on('notifications')
    .columns(['emailed_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropIndex('notifications_email_pending').execute();
  await db.schema.dropIndex('notifications_dedupe').execute();
  for (const column of ['emailed_at', 'dedupe_key', 'link', 'params']) {
    await db.schema.alterTable('notifications').dropColumn(column).execute();
  }
}
