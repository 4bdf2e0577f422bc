import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { clausesOf, setClauseText } from '../src/services/charters-doc.ts';
import { spawnServer } from './spawn-server.ts';
import { pgTestUrl, redisTestUrl } from './test-db.ts';

type Msg = Record<string, unknown> & { type: string };
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** One editor: a Y.Doc bound to a real socket, applying what the server relays (y-protocols sync as JSON). */
async function editor(httpUrl: string, cookie: string, charterId: string) {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws`, { headers: { cookie, origin: httpUrl } });
  const messages: Msg[] = [];
  const doc = new Y.Doc();
  ws.on('message', (m: Buffer) => {
    const msg = JSON.parse(m.toString()) as Msg;
    messages.push(msg);
    if (msg.type === 'charter.sync' || msg.type === 'charter.update') {
      Y.applyUpdate(doc, fromB64(msg.update as string), 'remote');
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean, timeoutMs = 8000) => {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching message in ${JSON.stringify(messages).slice(-600)}`);
  };
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  send({ type: 'charter.join', charterId, stateVector: b64(Y.encodeStateVector(doc)) });
  await waitFor((m) => m.type === 'charter.sync');
  let n = 0;
  return {
    doc,
    waitFor,
    send,
    async edit(change: (d: Y.Doc) => void) {
      const sv = Y.encodeStateVector(doc);
      change(doc);
      const updateId = `u${n++}`;
      send({ type: 'charter.update', charterId, updateId, update: b64(Y.encodeStateAsUpdate(doc, sv)) });
      return waitFor((m) => m.type === 'charter.ack' && m.updateId === updateId);
    },
    close: () => ws.close(),
  };
}

async function call(base: string, method: string, path: string, body?: unknown, cookie = '') {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const setCookie = r.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, setCookie };
}

/** Two server processes on one PostgreSQL database and one Redis editing one charter. */
describe.skipIf(!pgTestUrl || !redisTestUrl)('one charter edited through two instances', () => {
  it('relays updates and awareness both ways; both instances serve the same merged text', async () => {
    const dbName = `essaim_charter_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTestUrl! });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const dbUrl = pgTestUrl!.replace(/\/[^/]*$/, `/${dbName}`);
    // Started from source (tsx compiles on start): allow for a loaded machine.
    const a = await spawnServer(['--database-url', dbUrl, '--redis-url', redisTestUrl!], {
      timeoutMs: 120_000,
    });
    const b = await spawnServer(['--database-url', dbUrl, '--redis-url', redisTestUrl!], {
      timeoutMs: 120_000,
    });
    try {
      const setup = await call(a.url, 'POST', '/api/setup', {
        email: 'lead@example.org',
        password: 'correct horse battery',
        displayName: 'Lead',
      });
      const session = setup.setCookie;
      const orgId = (await call(a.url, 'POST', '/api/orgs', { name: 'Scale' }, session)).body.id as string;
      const e = await call(
        a.url,
        'POST',
        `/api/orgs/${orgId}/engagements`,
        { title: 'Engagement', request: 'Write together' },
        session,
      );
      const eng = `/api/orgs/${orgId}/engagements/${e.body.id as string}`;
      const c = await call(
        a.url,
        'POST',
        `${eng}/charters`,
        { title: 'Shared', kind: 'psychological_safety' },
        session,
      );
      expect(c.status, JSON.stringify([e.body, c.body])).toBe(200);
      const charterId = c.body.id as string;

      const onA = await editor(a.url, session, charterId);
      const onB = await editor(b.url, session, charterId);
      const [first, second] = clausesOf(onA.doc).filter((x) => x.kind === 'paragraph');
      await onA.edit((d) => setClauseText(d, first!.id, 'Written on A.'));
      await onB.edit((d) => setClauseText(d, second!.id, 'Written on B.'));
      // Peers receive an update as soon as it is validated (seq null: relayed before the disk), across instances.
      const has = (e: typeof onA, text: string) => () => clausesOf(e.doc).some((x) => x.text === text);
      await onB.waitFor(has(onB, 'Written on A.'));
      await onA.waitFor(has(onA, 'Written on B.'));
      await onA.waitFor((m) => m.type === 'charter.update' && m.seq === null);
      expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc));
      expect(clausesOf(onA.doc)).toEqual(clausesOf(onB.doc));
      onA.send({ type: 'charter.awareness', charterId, update: b64(new Uint8Array([7])) });
      expect((await onB.waitFor((m) => m.type === 'charter.awareness')).update).toBe('Bw==');

      for (const server of [a, b]) {
        const detail = await call(server.url, 'GET', `${eng}/charters/${charterId}`, undefined, session);
        const texts = (detail.body.clauses as { text: string }[]).map((x) => x.text);
        expect(texts).toContain('Written on A.');
        expect(texts).toContain('Written on B.');
      }
      onA.close();
      onB.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }, 300_000);
});
