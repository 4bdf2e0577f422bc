import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolisComments, parsePolisVotes } from '@essaim/core/opinions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Polis open data (fixtures/polis in this repository, see its ATTRIBUTION.md): data gathered using the Polis
 * software (compdemocracy.org/polis), sub-licensed under CC BY 4.0 with attribution to The
 * Computational Democracy Project.
 */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'packages'))) {
    dir = path.dirname(dir);
  }
  return dir;
}
const london = path.resolve(findRepoRoot(), 'fixtures/polis/london.youth.policing');

type Conv = {
  id: string;
  joinCode: string | null;
  status: string;
  statements: { id: string; number: number; text: string; status: string; agree: number }[];
};
type Me = {
  next: { id: string; text: string } | null;
  voted: number;
  remaining: number;
  pending: number;
  position: { group: number | null } | null;
};
type Results = {
  mode: string;
  isStale: boolean;
  points: { id: string; group: number | null }[];
  groups: { id: number; size: number; representative: { statementId: string }[] }[];
  consensus: { statementId: string; direction: string }[];
  bridging: unknown[];
  statements: Record<string, string>;
  votes: number;
};

describe.each(testDialects)('conversations on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let orgId: string;
  let engagementId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Mairie');
    member = (await addMember(app, owner, orgId, 'member')).client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Coopérer', request: 'Se parler' });
    engagementId = e.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const base = () => `/api/orgs/${orgId}/conversations`;
  async function newConversation(body: Record<string, unknown> = {}): Promise<Conv> {
    const r = await owner.post(base(), {
      title: 'Travailler ensemble',
      topic: 'Comment ?',
      engagementId,
      ...body,
    });
    expect(r.status).toBe(200);
    return r.json<Conv>();
  }
  async function seed(c: Conv, texts: string[]): Promise<Conv> {
    let last: Conv = c;
    for (const text of texts) {
      const r = await owner.post(`${base()}/${c.id}/statements`, { text });
      expect(r.status).toBe(200);
      last = r.json<Conv>();
    }
    return last;
  }
  async function join(c: Conv) {
    const anon = testClient(app);
    const r = await anon.post(`/api/conversations/join/${c.joinCode}/participants`, {});
    expect(r.status).toBe(200);
    const token = r.json<{ token: string }>().token;
    const headers = { 'x-participant-token': token };
    const url = `/api/conversations/join/${c.joinCode}`;
    return {
      me: async () => (await anon.get(`${url}/me`, headers)).json<Me>(),
      vote: (statementId: string, vote: number) => anon.post(`${url}/votes`, { statementId, vote }, headers),
      submit: (text: string) => anon.post(`${url}/statements`, { text }, headers),
    };
  }
  async function freshResults(id: string): Promise<Results> {
    for (let i = 0; i < 300; i++) {
      const r = await owner.get(`${base()}/${id}/results`);
      expect(r.status).toBe(200);
      const res = r.json<Results>();
      if (!res.isStale) {
        return res;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('results never caught up');
  }

  it('moderates participant statements: pending until accepted, hidden from members meanwhile', async () => {
    const c = await seed(await newConversation(), ['Les réunions sont trop longues']);
    const p = await join(c);
    expect((await p.submit('On manque de temps pour se former')).status).toBe(200);
    expect((await p.me()).pending).toBe(1);
    const asOwner = (await owner.get(`${base()}/${c.id}`)).json<Conv>();
    const pending = asOwner.statements.find((s) => s.status === 'pending')!;
    expect(pending.text).toBe('On manque de temps pour se former');
    const asMember = (await member.get(`${base()}/${c.id}`)).json<Conv>();
    expect(asMember.statements.map((s) => s.status)).toEqual(['accepted']);
    expect(asMember.joinCode).toBeNull();
    // The projector's QR code encodes the join link; like the join code, it is for those who run it.
    const qr = await owner.get(`${base()}/${c.id}/qr.svg`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(String(qr.body)).toMatch(new RegExp(`^<svg[^>]+role="img"[^>]+aria-label="QR ${c.joinCode}"`));
    expect((await member.get(`${base()}/${c.id}/qr.svg`)).status).toBe(403);
    expect(
      (await member.patch(`${base()}/${c.id}/statements/${pending.id}`, { status: 'accepted' })).status,
    ).toBe(403);
    expect(
      (await owner.patch(`${base()}/${c.id}/statements/${pending.id}`, { status: 'accepted' })).status,
    ).toBe(200);
    const me = await p.me();
    expect(me.pending).toBe(0);
    expect(me.remaining).toBe(2);
    // A duplicate is refused, a closed conversation takes nothing.
    expect((await p.submit('on manque de temps pour se former')).status).toBe(409);
    expect((await owner.patch(`${base()}/${c.id}`, { status: 'closed' })).status).toBe(200);
    expect((await p.submit('Encore une idée')).status).toBe(409);
  });

  it('routes each participant through every accepted statement once, votes are idempotent', async () => {
    const c = await seed(await newConversation(), ['A un', 'B deux', 'C trois', 'D quatre']);
    const p = await join(c);
    const seen: string[] = [];
    for (;;) {
      const me = await p.me();
      if (!me.next) {
        expect(me.remaining).toBe(0);
        break;
      }
      expect(seen).not.toContain(me.next.id);
      seen.push(me.next.id);
      expect((await p.vote(me.next.id, 1)).status).toBe(200);
      // Same vote again: no change; a different one overwrites (latest wins).
      expect((await p.vote(me.next.id, 1)).status).toBe(200);
    }
    expect(seen).toHaveLength(4);
    await p.vote(seen[0]!, -1);
    const detail = (await owner.get(`${base()}/${c.id}`)).json<Conv>();
    expect(detail.statements.reduce((n, s) => n + s.agree, 0)).toBe(3);
    // A rejected statement is never routed; an unknown one is refused.
    const q = await join(c);
    await owner.patch(`${base()}/${c.id}/statements/${seen[1]}`, { status: 'rejected' });
    const routed: string[] = [];
    for (let me = await q.me(); me.next; me = await q.me()) {
      routed.push(me.next.id);
      await q.vote(me.next.id, 0);
    }
    expect(routed).toHaveLength(3);
    expect(routed).not.toContain(seen[1]);
    expect((await q.vote(seen[1]!, 1)).status).toBe(404);
    expect((await testClient(app).get(`/api/conversations/join/${c.joinCode}/me`)).status).toBe(401);
  });

  it('maps a small team into groups with representative and consensus statements', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Affirmation numéro ${i + 1}`);
    const c = await seed(await newConversation(), texts);
    const ids = c.statements.map((s) => s.id);
    // Two camps of five: they agree on statements 0–1, split on the other six.
    for (let person = 0; person < 10; person++) {
      const p = await join(c);
      const camp = person < 5 ? 1 : -1;
      for (const [j, id] of ids.entries()) {
        const vote = j < 2 ? 1 : j % 2 === 0 ? camp : -camp;
        expect((await p.vote(id, vote)).status).toBe(200);
      }
    }
    const res = await freshResults(c.id);
    expect(res.mode).toBe('small-group');
    expect(res.points).toHaveLength(10);
    expect(res.groups.map((g) => g.size).sort()).toEqual([5, 5]);
    expect(res.groups.every((g) => g.representative.length > 0)).toBe(true);
    const agreed = res.consensus.filter((x) => x.direction === 'agree').map((x) => x.statementId);
    expect(agreed).toEqual(expect.arrayContaining([ids[0], ids[1]]));
    expect(res.statements[ids[0]!]).toBe('Affirmation numéro 1');
    // Members read the map too; a participant sees where they stand.
    expect((await member.get(`${base()}/${c.id}/results`)).status).toBe(200);
  });

  it('refuses every input while the engagement is paused or stopped (409)', async () => {
    const c = await seed(await newConversation(), ['Une affirmation', 'Une autre']);
    const p = await join(c);
    const next = (await p.me()).next!;
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'paused',
      reason: 'Pause',
    });
    try {
      const refused = [
        await p.vote(next.id, 1),
        await p.submit('Pendant la pause'),
        await testClient(app).post(`/api/conversations/join/${c.joinCode}/participants`, {}),
        await owner.post(`${base()}/${c.id}/statements`, { text: 'Seed en pause' }),
      ];
      expect(refused.map((r) => [r.status, r.json<{ error: { code: string } }>().error.code])).toEqual(
        Array(4).fill([409, 'ENGAGEMENT_PAUSED']),
      );
      expect((await p.me()).next).toBeNull();
      const info = await testClient(app).get(`/api/conversations/join/${c.joinCode}`);
      expect(info.json<{ isInputClosed: boolean }>().isInputClosed).toBe(true);
    } finally {
      await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
        status: 'active',
        reason: 'Reprise',
      });
    }
    expect((await p.vote(next.id, 1)).status).toBe(200);
    // Stopping is final for this engagement's conversations (done last: later tests use stand-alone ones).
    const other = await newConversation();
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'stopped',
      reason: 'Fin',
    });
    const stopped = await p.vote(next.id, -1);
    expect([stopped.status, stopped.json<{ error: { code: string } }>().error.code]).toEqual([
      409,
      'ENGAGEMENT_STOPPED',
    ]);
    expect((await owner.post(`${base()}/${other.id}/statements`, { text: 'Après arrêt' })).status).toBe(409);
  });

  it('imports a Polis export all or nothing and exports it back identically', async () => {
    const votesCsv = readFileSync(path.join(london, 'votes.csv'), 'utf8');
    const commentsCsv = readFileSync(path.join(london, 'comments.csv'), 'utf8');
    const c = await newConversation({ engagementId: undefined, title: 'London youth policing' });
    // A broken line: nothing is imported, the error names the file and line.
    const broken = votesCsv.split('\n');
    broken[5] = broken[5]!.replace(/,-?[01]$/, ',2');
    const bad = await owner.post(`${base()}/${c.id}/import`, { votesCsv: broken.join('\n'), commentsCsv });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/^votes\.csv line 6: /);
    expect((await owner.get(`${base()}/${c.id}`)).json<Conv>().statements).toHaveLength(0);

    const ok = await owner.post(`${base()}/${c.id}/import`, { votesCsv, commentsCsv });
    expect(ok.status).toBe(200);
    const original = parsePolisVotes(votesCsv);
    const latest = new Map(original.map((v) => [`${v.participant}:${v.statement}`, v]));
    expect(ok.json()).toMatchObject({
      statements: parsePolisComments(commentsCsv).length,
      votes: latest.size,
    });
    expect((await owner.post(`${base()}/${c.id}/import`, { votesCsv, commentsCsv })).status).toBe(409);

    const exported = await owner.get(`${base()}/${c.id}/export/votes.csv`);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    const key = (v: { participant: string; statement: string; vote: number; timestamp?: number }) =>
      `${v.timestamp},${v.statement},${v.participant},${v.vote}`;
    expect(
      parsePolisVotes(exported.body as string)
        .map(key)
        .sort(),
    ).toEqual([...latest.values()].map(key).sort());
    const comments = parsePolisComments(
      (await owner.get(`${base()}/${c.id}/export/comments.csv`)).body as string,
    );
    const strip = (x: ReturnType<typeof parsePolisComments>) =>
      // agrees/disagrees are recomputed from votes.csv (Polis counts them from its live tables).
      x.map((k) => [k.id, k.body, k.moderated, k.authorId, k.timestamp].join('|')).sort();
    expect(strip(comments)).toEqual(strip(parsePolisComments(commentsCsv)));

    const res = await freshResults(c.id);
    expect(res.points.length).toBeGreaterThan(15);
    expect(res.groups.length).toBeGreaterThanOrEqual(2);
    console.log(
      `london import: ${res.points.length} participants, ${res.groups.length} groups (${res.mode}), ${res.consensus.length} consensus, ${res.bridging.length} bridging`,
    );
  });
});
