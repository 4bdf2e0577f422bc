import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Community mentions join the platform's notifications (one bell, one digest). Each row of
 * `community_notifications` becomes a `notifications` row of kind `community.mentioned` or
 * `community.answered`: the object is the item, the title the community's name (never the item's
 * text), the organisation the one the member joined through. All are marked emailed, so the outbox
 * re-sends nothing. Rows the old list no longer showed are not copied: a hidden item's, and those of
 * people who left the community. Then `community_notifications` goes.
 */

const KIND_TO_EVENT: Record<string, string> = { mention: 'mentioned', answer: 'answered' };

export async function up(db: Kysely<unknown>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run over an untyped schema snapshot.
  const q = db as Kysely<any>;
  const rows = await q
    .selectFrom('community_notifications as n')
    .innerJoin('community_items as i', 'i.id', 'n.item_id')
    .innerJoin('communities as c', 'c.id', 'n.community_id')
    .innerJoin('community_members as m', (j) =>
      j.onRef('m.community_id', '=', 'n.community_id').onRef('m.user_id', '=', 'n.user_id'),
    )
    .leftJoin('users as a', 'a.id', 'i.author_id')
    .select([
      'n.id',
      'n.user_id',
      'n.community_id',
      'n.item_id',
      'n.kind',
      'n.created_at',
      'n.read_at',
      'n.digested_at',
      'm.org_id',
      'c.title as community_title',
      'a.display_name as author_name',
    ])
    .where('i.hidden_at', 'is', null)
    .execute();
  const now = new Date().toISOString();
  for (const r of rows) {
    const params: Record<string, string> = { communityId: r.community_id };
    if (r.author_name) {
      params.author = r.author_name;
    }
    await q
      .insertInto('notifications')
      .values({
        id: r.id,
        org_id: r.org_id,
        user_id: r.user_id,
        kind: KIND_TO_EVENT[r.kind] ?? 'mentioned',
        object_kind: 'community',
        object_id: r.item_id,
        engagement_id: null,
        title: r.community_title,
        params: JSON.stringify(params),
        link: `/pollination/communities/${r.community_id}`,
        dedupe_key: null,
        created_at: r.created_at,
        read_at: r.read_at,
        emailed_at: r.digested_at ?? now,
      })
      .execute();
  }
  await db.schema.dropTable('community_notifications').execute();
}

/** Back to the community's own table (what the old list needs), then out of `notifications`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('community_notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', t.id, (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('item_id', t.id, (c) => c.notNull().references('community_items.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .addColumn('digested_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('community_notifications_user')
    .on('community_notifications')
    .column('user_id')
    .execute();
  // biome-ignore lint/suspicious/noExplicitAny: migrations run over an untyped schema snapshot.
  const q = db as Kysely<any>;
  const rows = await q
    .selectFrom('notifications as n')
    .innerJoin('community_items as i', 'i.id', 'n.object_id')
    .select(['n.id', 'n.user_id', 'i.community_id', 'n.object_id', 'n.kind', 'n.created_at', 'n.read_at'])
    .select('n.emailed_at')
    .where('n.object_kind', '=', 'community')
    .execute();
  for (const r of rows) {
    await q
      .insertInto('community_notifications')
      .values({
        id: r.id,
        user_id: r.user_id,
        community_id: r.community_id,
        item_id: r.object_id,
        kind: r.kind === 'answered' ? 'answer' : 'mention',
        created_at: r.created_at,
        read_at: r.read_at,
        digested_at: r.emailed_at,
      })
      .execute();
  }
  await q.deleteFrom('notifications').where('object_kind', '=', 'community').execute();
}
