import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/connect.ts';
import {
  issueParticipant,
  linkParticipant,
  resolveParticipant,
} from '../src/services/participants.service.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('participant tokens on $name', (dialect) => {
  let handle: DbHandle;
  let orgId: string;
  beforeAll(async () => {
    handle = await dialect.open();
    orgId = 'org-1';
    const now = new Date().toISOString();
    await handle.db
      .insertInto('organisations')
      .values({
        id: orgId,
        name: 'O',
        contribution_policy: 'anonymise',
        min_group_size: 5,
        min_text_group_size: 10,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => handle.close());

  it('resolves a token only in its own scope and stores only its hash', async () => {
    const { participant, token } = await issueParticipant(handle.db, {
      orgId,
      scopeKind: 'workshop',
      scopeId: 'w1',
      displayName: 'Anonyme',
    });
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await resolveParticipant(handle.db, token, 'workshop', 'w1')).toMatchObject({
      id: participant.id,
      linkedUserId: null,
    });
    expect(await resolveParticipant(handle.db, token, 'workshop', 'w2')).toBeNull();
    expect(await resolveParticipant(handle.db, token, 'campaign', 'w1')).toBeNull();
    expect(await resolveParticipant(handle.db, `${token}x`, 'workshop', 'w1')).toBeNull();
    const rows = await handle.db.selectFrom('participants').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('links to an account only when asked', async () => {
    const now = new Date().toISOString();
    await handle.db
      .insertInto('users')
      .values({
        id: 'u1',
        email: 'u1@example.org',
        display_name: 'U',
        language: 'fr',
        is_admin: 0,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { token } = await issueParticipant(handle.db, { orgId, scopeKind: 'campaign', scopeId: 'c1' });
    expect((await resolveParticipant(handle.db, token, 'campaign', 'c1'))?.linkedUserId).toBeNull();
    await linkParticipant(handle.db, token, 'campaign', 'c1', 'u1');
    expect((await resolveParticipant(handle.db, token, 'campaign', 'c1'))?.linkedUserId).toBe('u1');
  });
});
