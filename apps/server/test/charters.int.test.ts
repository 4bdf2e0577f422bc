import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { clausesOf, replaceClauses, setClauseText } from '../src/services/charters-doc.ts';
import { CharterStore, COMPACT_AFTER } from '../src/services/charters-sync.service.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { liveSocket } from './live-socket.ts';
import { pdfText } from './pdf-text.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Clause = { id: string; kind: string; level: number; text: string };
type Detail = {
  id: string;
  status: string;
  clauses: Clause[];
  contentHash: string;
  adoptedHash: string | null;
  rights: { canEdit: boolean; canComment: boolean; readOnlyReason: string | null };
};

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

describe.each(testDialects)('charters on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let url: string;
  let owner: TestClient;
  let member: { client: TestClient; userId: string };
  let observer: TestClient;
  let sponsor: TestClient;
  let stranger: TestClient;
  let orgId: string;
  let eng: string;
  let engagementId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Atelier');
    member = await addMember(app, owner, orgId, 'member');
    observer = (await addMember(app, owner, orgId, 'observer')).client;
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    const otherOwner = await addMember(app, owner, await createOrg(owner, 'Other'), 'owner');
    stranger = otherOwner.client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Charte',
      request: 'Écrire ensemble',
    });
    engagementId = e.json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('creates a charter from a template; members read it, other tenants do not', async () => {
    expect((await member.client.post(`${eng}/charters`, { title: 'x' })).status).toBe(403);
    expect((await owner.post(`${eng}/charters`, { title: '', kind: 'team' })).status).toBe(400);
    const created = await owner.post(`${eng}/charters`, {
      title: 'Charte d’équipe',
      kind: 'team',
      locale: 'fr',
    });
    expect(created.status).toBe(200);
    const id = created.json<{ id: string }>().id;
    const detail = (await member.client.get(`${eng}/charters/${id}`)).json<Detail>();
    expect(detail.clauses.length).toBeGreaterThan(5);
    expect(detail.clauses[0]).toMatchObject({ kind: 'heading', text: 'Notre raison d’être' });
    expect(detail.contentHash).toMatch(/^sha256:/);
    expect(detail.rights).toMatchObject({ canEdit: true, canComment: true });
    expect((await observer.get(`${eng}/charters/${id}`)).json<Detail>().rights).toMatchObject({
      canEdit: false,
      canComment: false,
      readOnlyReason: 'role',
    });
    expect((await stranger.get(`${eng}/charters/${id}`)).status).toBe(404);
    expect((await stranger.get(`${eng}/charters`)).status).toBe(404);
  });

  it('persists Yjs updates: append, compaction into a snapshot, reload = snapshot + tail', async () => {
    const id = (await owner.post(`${eng}/charters`, { title: 'Log', kind: 'blank' })).json<{ id: string }>()
      .id;
    const store = new CharterStore(handle.db);
    const client = new Y.Doc();
    const charter = { id, engagement_id: engagementId };
    replaceClauses(client, [{ id: 'c1', kind: 'paragraph', level: 0, text: '' }]);
    await store.append(charter, Y.encodeStateAsUpdate(client), 'test');
    const total = COMPACT_AFTER * 2 + 37;
    for (let i = 0; i < total; i++) {
      const sv = Y.encodeStateVector(client);
      const frag = client.getXmlFragment('default');
      const text = (frag.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      Y.transact(client, () => {
        text.insert(text.length, String.fromCharCode(97 + (i % 26)));
        if (i % 10 === 9) {
          text.delete(0, 2);
        }
      });
      await store.append(charter, Y.encodeStateAsUpdate(client, sv), 'test');
      if (i % COMPACT_AFTER === 0) {
        await store.idle();
      }
    }
    await store.compact(id);
    const row = await handle.db
      .selectFrom('charters')
      .select(['snapshot_seq', 'last_seq', 'pending_updates'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.last_seq)).toBe(total + 1);
    expect(Number(row.snapshot_seq)).toBe(total + 1);
    const left = await handle.db
      .selectFrom('charter_updates')
      .select('seq')
      .where('charter_id', '=', id)
      .execute();
    expect(left).toHaveLength(0);
    // one more update after the compaction stays in the tail
    const sv = Y.encodeStateVector(client);
    setClauseText(client, 'c1', 'final words');
    await store.append(charter, Y.encodeStateAsUpdate(client, sv), 'test');
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, await new CharterStore(handle.db).load(id));
    expect(clausesOf(reloaded)).toEqual(clausesOf(client));
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(client));
    // 438 sequential transactions: slow on a loaded shared machine, not a performance assertion.
  }, 180_000);

  it('syncs two editors over /ws: ack after storage, fan-out, awareness; observers cannot write', async () => {
    const id = (
      await owner.post(`${eng}/charters`, { title: 'Live', kind: 'meeting_agreements', locale: 'en' })
    ).json<{
      id: string;
    }>().id;
    const a = await liveSocket(url, owner.cookie ?? '');
    const b = await liveSocket(url, member.client.cookie ?? '');
    const o = await liveSocket(url, observer.cookie ?? '');
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    for (const [s, d] of [
      [a, docA],
      [b, docB],
    ] as const) {
      s.send({ type: 'charter.join', charterId: id, stateVector: b64(Y.encodeStateVector(d)) });
      const sync = await s.waitFor((m) => m.type === 'charter.sync');
      expect(sync.readOnly).toBe(false);
      Y.applyUpdate(d, fromB64(sync.update as string));
    }
    expect(clausesOf(docA)[0]).toMatchObject({ kind: 'heading', text: 'Before' });
    const sv = Y.encodeStateVector(docA);
    const first = clausesOf(docA)[1]!;
    setClauseText(docA, first.id, 'Agenda two days ahead.');
    a.send({
      type: 'charter.update',
      charterId: id,
      updateId: 'u1',
      update: b64(Y.encodeStateAsUpdate(docA, sv)),
    });
    const ack = await a.waitFor((m) => m.type === 'charter.ack' && m.updateId === 'u1');
    expect(ack.seq).toBe(1);
    const relayed = await b.waitFor((m) => m.type === 'charter.update');
    Y.applyUpdate(docB, fromB64(relayed.update as string));
    expect(clausesOf(docB)[1]!.text).toBe('Agenda two days ahead.');
    // persisted before the ack: a fresh read sees it
    expect((await owner.get(`${eng}/charters/${id}`)).json<Detail>().clauses[1]!.text).toBe(
      'Agenda two days ahead.',
    );
    a.send({ type: 'charter.awareness', charterId: id, update: b64(new Uint8Array([1, 2, 3])) });
    expect((await b.waitFor((m) => m.type === 'charter.awareness')).update).toBe('AQID');

    o.send({ type: 'charter.join', charterId: id, stateVector: b64(new Uint8Array([0])) });
    expect((await o.waitFor((m) => m.type === 'charter.sync')).readOnly).toBe(true);
    o.send({ type: 'charter.update', charterId: id, updateId: 'o1', update: relayed.update });
    expect(await o.waitFor((m) => m.type === 'charter.reject')).toMatchObject({
      updateId: 'o1',
      code: 'FORBIDDEN',
    });
    a.send({
      type: 'charter.update',
      charterId: id,
      updateId: 'bad',
      update: b64(new Uint8Array([9, 9, 9, 9])),
    });
    expect(await a.waitFor((m) => m.type === 'charter.reject')).toMatchObject({
      updateId: 'bad',
      code: 'VALIDATION_FAILED',
    });
    const s = await liveSocket(url, stranger.cookie ?? '');
    s.send({ type: 'charter.join', charterId: id, stateVector: 'AA==' });
    expect(await s.waitFor((m) => m.type === 'charter.reject')).toMatchObject({ code: 'FORBIDDEN' });
    for (const x of [a, b, o, s]) {
      x.close();
    }
  });

  it('versions, diff, restore, comments, an amendment by consent, adoption, commitments, pause', async () => {
    const id = (
      await owner.post(`${eng}/charters`, { title: 'Contrat', kind: 'collaborative_contract' })
    ).json<{
      id: string;
    }>().id;
    const base = `${eng}/charters/${id}`;
    const v1 = (await owner.post(`${base}/versions`, { name: 'Premier jet' })).json<{
      id: string;
      contentHash: string;
    }>();
    const start = (await owner.get(base)).json<Detail>();
    expect(v1.contentHash).toBe(start.contentHash);
    const clause = start.clauses[1]!;

    // a comment anchored to a clause, resolved
    const comment = await member.client.post(`${base}/comments`, {
      clauseId: clause.id,
      quote: 'vérifiable',
      body: 'Quels indicateurs ?',
    });
    expect(comment.status).toBe(200);
    expect((await observer.post(`${base}/comments`, { clauseId: clause.id, body: 'no' })).status).toBe(403);
    const resolved = await owner.post(`${base}/comments/${comment.json<{ id: string }>().id}/status`, {
      status: 'resolved',
    });
    expect(resolved.json<{ status: string }>().status).toBe('resolved');

    // an amendment, decided by consent: an objection blocks, consent passes and rewrites the clause
    const am = (
      await member.client.post(`${base}/amendments`, {
        clauseId: clause.id,
        text: 'Deux indicateurs, mesurés chaque trimestre.',
        reason: 'Plus précis',
      })
    ).json<{ id: string }>();
    expect(
      (await member.client.post(`${base}/amendments/${am.id}/positions`, { value: 'object' })).status,
    ).toBe(400);
    await member.client.post(`${base}/amendments/${am.id}/positions`, { value: 'consent' });
    await owner.post(`${base}/amendments/${am.id}/positions`, { value: 'consent' });
    expect((await owner.post(`${base}/amendments/${am.id}/decision`, { by: 'accept' })).status).toBe(403);
    const decided = await owner.post(`${base}/amendments/${am.id}/decision`, { by: 'rule', rule: 'consent' });
    expect(decided.json<{ status: string; decisionId: string }>()).toMatchObject({ status: 'accepted' });
    const amended = (await owner.get(base)).json<Detail>();
    expect(amended.clauses[1]!.text).toBe('Deux indicateurs, mesurés chaque trimestre.');
    const record = await owner.get(
      `/api/orgs/${orgId}/decisions/${decided.json<{ decisionId: string }>().decisionId}`,
    );
    expect(
      record.json<{ decision: { source: string; status: string; rule: string } }>().decision,
    ).toMatchObject({
      source: 'charter',
      status: 'passed',
      rule: 'consent',
    });

    // diff between the first version and now
    const diff = (await owner.get(`${base}/diff?from=${v1.id}`)).json<{
      summary: Record<string, number>;
      entries: { id: string; change: string; words: unknown[] | null }[];
    }>();
    expect(diff.summary.changed).toBe(1);
    expect(diff.entries.find((e) => e.id === clause.id)).toMatchObject({ change: 'changed' });

    // adoption names the exact version; the text becomes read-only
    expect((await member.client.post(`${base}/adoption`, {})).status).toBe(403);
    const adopted = await owner.post(`${base}/adoption`, {
      name: 'Version signée',
      rule: 'consent',
      participantCount: 6,
      reviewOn: '2027-01-15',
    });
    expect(adopted.status).toBe(200);
    const adoption = adopted.json<{ decisionId: string; contentHash: string; versionId: string }>();
    expect(adoption.contentHash).toBe(amended.contentHash);
    const adoptionRecord = (await owner.get(`/api/orgs/${orgId}/decisions/${adoption.decisionId}`)).json<{
      decision: { statement: string };
    }>().decision;
    expect(adoptionRecord.statement).toContain(adoption.contentHash);
    const after = (await member.client.get(base)).json<Detail>();
    expect(after).toMatchObject({ status: 'adopted', adoptedHash: adoption.contentHash });
    expect(after.rights).toMatchObject({ canEdit: false, readOnlyReason: 'adopted' });
    expect((await owner.post(`${base}/versions/${v1.id}/restore`)).status).toBe(409);
    expect((await member.client.post(`${base}/amendments`, { clauseId: clause.id, text: 'x' })).status).toBe(
      409,
    );

    // commitments: a member with an account, a participant through a scoped token; the sponsor sees counts
    expect(
      (await member.client.post(`${base}/commitments`, { state: 'committed', versionHash: v1.contentHash }))
        .status,
    ).toBe(409);
    expect(
      (
        await member.client.post(`${base}/commitments`, {
          state: 'committed',
          versionHash: adoption.contentHash,
        })
      ).status,
    ).toBe(200);
    expect(
      (await sponsor.post(`${base}/commitments`, { state: 'committed', versionHash: adoption.contentHash }))
        .status,
    ).toBe(403);
    const person = (await owner.post(`/api/orgs/${orgId}/people`, { displayName: 'Inès Sans-Compte' })).json<{
      id: string;
    }>();
    const token = (await owner.post(`${base}/participants`, { personId: person.id })).json<{
      token: string;
    }>().token;
    const pub = `/api/charters/${id}/participation`;
    expect((await owner.get(pub, { 'x-participant-token': 'x'.repeat(40) })).status).toBe(401);
    const seen = (await owner.get(pub, { 'x-participant-token': token })).json<{
      personName: string;
      adoptedHash: string;
    }>();
    expect(seen).toMatchObject({ personName: 'Inès Sans-Compte', adoptedHash: adoption.contentHash });
    expect(
      (
        await owner.post(
          `${pub}/commitments`,
          { state: 'committed', versionHash: adoption.contentHash },
          { 'x-participant-token': token },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await owner.post(
          `${pub}/commitments`,
          { state: 'withdrawn', versionHash: adoption.contentHash },
          { 'x-participant-token': token },
        )
      ).status,
    ).toBe(200);
    const forMembers = (await member.client.get(`${base}/commitments`)).json<{
      counts: Record<string, number>;
      people: { name: string; state: string }[] | null;
    }>();
    expect(forMembers.counts).toMatchObject({ committed: 1, withdrawn: 1 });
    expect(forMembers.people?.map((p) => p.state).sort()).toEqual(['committed', 'withdrawn']);
    const forSponsor = (await sponsor.get(`${base}/commitments`)).json<{
      counts: Record<string, number>;
      people: unknown;
    }>();
    expect(forSponsor.people).toBeNull();
    expect(forSponsor.counts.committed).toBe(1);

    // exports: Markdown and DOCX carry the adopted hash and the commitments list (names for the collective only)
    const md = await member.client.get(`${base}/export.md`);
    expect(md.status).toBe(200);
    expect(String(md.body)).toContain(adoption.contentHash);
    expect(String(md.body)).toContain('Inès Sans-Compte');
    expect(String((await sponsor.get(`${base}/export.md`)).body)).not.toContain('Inès Sans-Compte');
    const docx = await app.inject({
      method: 'GET',
      url: `${base}/export.docx`,
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await stranger.get(`${base}/export.md`)).status).toBe(404);
    // PDF (the reports' renderer): clauses, the signed list (name, date, version hash), page numbers, confidentiality
    const pdf = await app.inject({
      method: 'GET',
      url: `${base}/export.pdf`,
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = pdfText(pdf.rawPayload);
    const flat = printed.text.replace(/\s+/g, ' ');
    expect(flat).toContain(start.clauses[0]!.text);
    expect(flat).toContain('Deux indicateurs, mesurés chaque trimestre.');
    expect(flat).toContain('Engagements');
    expect(flat).toContain('Inès Sans-Compte');
    expect(flat).toContain(new Date().toISOString().slice(0, 10));
    expect(flat).toContain(adoption.contentHash);
    expect(flat).toContain(`Page 1 sur ${printed.pages}`);
    expect(flat).toContain('Niveau de confidentialité : Confidentiel');
    const sponsorPdf = await app.inject({
      method: 'GET',
      url: `${base}/export.pdf`,
      headers: { cookie: sponsor.cookie ?? '' },
    });
    expect(pdfText(sponsorPdf.rawPayload).text).not.toContain('Inès Sans-Compte');
    expect((await stranger.get(`${base}/export.pdf`)).status).toBe(404);

    // re-open for review: edits allowed again, the adopted hash and commitments stay
    expect((await owner.post(`${base}/reopen`)).json<{ status: string }>().status).toBe('review');
    expect((await owner.post(`${base}/versions/${v1.id}/restore`)).status).toBe(200);
    const restored = (await owner.get(base)).json<Detail>();
    expect(restored.contentHash).toBe(v1.contentHash);
    expect(restored.adoptedHash).toBe(adoption.contentHash);

    // pause: read-only for everyone, comments refused
    expect((await sponsor.post(`${eng}/status`, { status: 'paused', reason: 'Pause' })).status).toBe(200);
    expect((await member.client.get(base)).json<Detail>().rights).toMatchObject({
      canEdit: false,
      readOnlyReason: 'paused',
    });
    const refused = await member.client.post(`${base}/comments`, {
      clauseId: clause.id,
      body: 'pendant la pause',
    });
    expect(refused.status).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_PAUSED');
    const ws = await liveSocket(url, owner.cookie ?? '');
    const doc = new Y.Doc();
    ws.send({ type: 'charter.join', charterId: id, stateVector: b64(Y.encodeStateVector(doc)) });
    const sync = await ws.waitFor((m) => m.type === 'charter.sync');
    expect(sync).toMatchObject({ readOnly: true, readOnlyReason: 'paused' });
    Y.applyUpdate(doc, fromB64(sync.update as string));
    const sv = Y.encodeStateVector(doc);
    setClauseText(doc, clause.id, 'pendant la pause');
    ws.send({
      type: 'charter.update',
      charterId: id,
      updateId: 'p1',
      update: b64(Y.encodeStateAsUpdate(doc, sv)),
    });
    expect(await ws.waitFor((m) => m.type === 'charter.reject')).toMatchObject({ code: 'READ_ONLY' });
    ws.close();
    expect((await sponsor.post(`${eng}/status`, { status: 'active', reason: 'Reprise' })).status).toBe(200);
  });
});
