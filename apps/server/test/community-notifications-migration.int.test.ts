/**
 * The migration that folds `community_notifications` into the platform's `notifications`: rows are
 * copied with their read state and marked emailed, hidden items' and former members' rows are left
 * behind, and the way down restores the community's own table.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrator.ts';
import { testDialects } from './test-db.ts';

const FOLD = '20261208T0400-fold-community-notifications';
const T0 = '2026-12-01T10:00:00.000Z';

describe.each(testDialects)('folding community notifications on $name', (dialect) => {
  it('copies visible notices of current members into notifications, emailed, and back on the way down', async () => {
    const handle = await dialect.open({ migrate: false });
    try {
      const names = Object.keys(migrations).sort();
      const before = names[names.indexOf(FOLD) - 1]!;
      await migrateTo(handle.db, before);
      // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before the migration.
      const q = handle.db as unknown as Kysely<any>;
      await q
        .insertInto('organisations')
        .values({
          id: 'org-a',
          name: 'Alpha',
          contribution_policy: 'open',
          min_group_size: 5,
          min_text_group_size: 5,
          created_at: T0,
          updated_at: T0,
        })
        .execute();
      for (const [id, name] of [
        ['u-reader', 'Lectrice'],
        ['u-author', 'Auteur Un'],
        ['u-gone', 'Partie'],
      ]) {
        await q
          .insertInto('users')
          .values({
            id,
            email: `${id}@example.org`,
            display_name: name,
            language: 'fr',
            is_admin: 0,
            disabled_at: null,
            created_at: T0,
            updated_at: T0,
          })
          .execute();
      }
      await q
        .insertInto('communities')
        .values({
          id: 'c1',
          org_id: 'org-a',
          title: 'Binômes',
          theme: '',
          description: '',
          created_by: null,
          created_at: T0,
        })
        .execute();
      for (const user of ['u-reader', 'u-author']) {
        await q
          .insertInto('community_members')
          .values({
            community_id: 'c1',
            user_id: user,
            org_id: 'org-a',
            role: 'member',
            digest: 1,
            joined_at: T0,
          })
          .execute();
      }
      const item = (id: string, kind: string, hidden: string | null) => ({
        id,
        community_id: 'c1',
        kind,
        parent_id: null,
        title: `Texte de ${id}`,
        body: 'secret',
        url: null,
        starts_at: null,
        place: null,
        author_id: 'u-author',
        author_org_id: 'org-a',
        useful_at: null,
        useful_by: null,
        hidden_at: hidden,
        hidden_by: null,
        hidden_reason: hidden ? 'hors charte' : null,
        created_at: T0,
      });
      await q
        .insertInto('community_items')
        .values([
          item('i-post', 'post', null),
          item('i-hidden', 'post', T0),
          item('i-answer', 'answer', null),
        ])
        .execute();
      const notice = (id: string, user: string, itemId: string, kind: string, read: string | null) => ({
        id,
        user_id: user,
        community_id: 'c1',
        item_id: itemId,
        kind,
        created_at: T0,
        read_at: read,
        digested_at: kind === 'answer' ? '2026-12-01T11:00:00.000Z' : null,
      });
      await q
        .insertInto('community_notifications')
        .values([
          notice('n-read', 'u-reader', 'i-post', 'mention', '2026-12-01T12:00:00.000Z'),
          notice('n-answer', 'u-reader', 'i-answer', 'answer', null),
          notice('n-hidden', 'u-reader', 'i-hidden', 'mention', null),
          notice('n-gone', 'u-gone', 'i-post', 'mention', null),
        ])
        .execute();

      await migrateToLatest(handle.db);
      const rows = await q.selectFrom('notifications').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.id)).toEqual(['n-answer', 'n-read']);
      const answer = rows[0];
      const read = rows[1]!;
      expect(read).toMatchObject({
        org_id: 'org-a',
        user_id: 'u-reader',
        object_kind: 'community',
        kind: 'mentioned',
        object_id: 'i-post',
        title: 'Binômes',
        link: '/pollination/communities/c1',
        read_at: '2026-12-01T12:00:00.000Z',
      });
      expect(read.emailed_at).not.toBeNull();
      const params = typeof read.params === 'string' ? JSON.parse(read.params) : read.params;
      expect(params).toEqual({ communityId: 'c1', author: 'Auteur Un' });
      expect(JSON.stringify(rows)).not.toContain('Texte de');
      expect(answer).toMatchObject({
        kind: 'answered',
        read_at: null,
        emailed_at: '2026-12-01T11:00:00.000Z',
      });
      await expect(q.selectFrom('community_notifications').selectAll().execute()).rejects.toThrow();

      await migrateTo(handle.db, before);
      const back = await q.selectFrom('community_notifications').selectAll().orderBy('id').execute();
      expect(back.map((r) => [r.id, r.kind, r.item_id])).toEqual([
        ['n-answer', 'answer', 'i-answer'],
        ['n-read', 'mention', 'i-post'],
      ]);
      expect(await q.selectFrom('notifications').selectAll().execute()).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
