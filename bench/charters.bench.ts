/**
 * `npm run bench:charters` — real-time co-editing of one charter, measured from a separate process
 * (this one) against a real `essaim start` child over real WebSockets.
 *
 *  1. propagation: N editors (default 50) type into one charter; p50/p99 of the time from an editor's
 *     send to every other editor's receipt; convergence = every editor's final state vector equal to
 *     the others' and to a fresh join; memory of one loaded document.
 *  2. crash: the editors type, the server is killed with SIGKILL mid-stream and restarted on the same
 *     database; every acknowledged update must be in the reloaded document (SQLite and PostgreSQL).
 *  3. load: a 200-clause charter built from 5,000 updates is fetched (REST detail) and joined (sync),
 *     five times each: median, first (cold) and max.
 *
 * Targets (issue 16): propagation p99 < 150 ms; no acknowledged update lost; load < 500 ms.
 * Options: --editors 50 --seconds 8 --rate 2 (updates per editor per second) --postgres <url>
 *          --server-profile <dir> (V8 CPU profile of the propagation and load server)
 *          --propagation-only (skip the load and kill -9 runs)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { http, percentile, type ServerProcess, startServer } from './live-server.ts';

interface Options {
  editors: number;
  seconds: number;
  rate: number;
  postgres: string | null;
  /** Write a V8 CPU profile of the propagation server into this directory (`--cpu-prof-dir`). */
  serverProfile: string | null;
  /** Measure propagation only (profiling, quick comparisons): no load nor crash runs. */
  propagationOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    editors: 50,
    seconds: 8,
    rate: 2,
    postgres: process.env.ESSAIM_TEST_DATABASE_URL || null,
    serverProfile: null,
    propagationOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--editors' && v) {
      o.editors = Number(v);
    } else if (argv[i] === '--seconds' && v) {
      o.seconds = Number(v);
    } else if (argv[i] === '--rate' && v) {
      o.rate = Number(v);
    } else if (argv[i] === '--postgres' && v) {
      o.postgres = v;
    } else if (argv[i] === '--propagation-only') {
      o.propagationOnly = true;
    } else if (argv[i] === '--server-profile' && v) {
      o.serverProfile = v;
    }
  }
  return o;
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Msg = Record<string, unknown> & { type: string };

interface Editor {
  doc: Y.Doc;
  ws: WebSocket;
  acked: Uint8Array[];
  send(update: Uint8Array): void;
  /** Apply the remote updates received since the last flush. */
  flush(): void;
  close(): void;
}

/**
 * Remote updates are applied in batches every this many ms (merged first), as an editor renders
 * at frame rate: 50 editors share this one process, where a browser each has its own, so applying
 * 4,900 updates a second one by one would measure the bench's CPU rather than the server's relay.
 */
const APPLY_EVERY_MS = 250;

/** One editor: a Y.Doc synced through the charter.* socket family. */
async function openEditor(
  url: string,
  cookie: string,
  charterId: string,
  onRemote: (update: string, at: number) => void,
): Promise<Editor> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers: { cookie, origin: url } });
  const doc = new Y.Doc();
  const pending = new Map<string, Uint8Array>();
  const acked: Uint8Array[] = [];
  /** What this editor sent (base64): the server's relay reaches the sender too, which skips it. */
  const own = new Set<string>();
  const inbox: Uint8Array[] = [];
  const flush = () => {
    if (inbox.length > 0) {
      Y.applyUpdate(doc, Y.mergeUpdates(inbox.splice(0)), 'remote');
    }
  };
  const timer = setInterval(flush, APPLY_EVERY_MS);
  let synced: () => void = () => {};
  const ready = new Promise<void>((r) => {
    synced = r;
  });
  ws.on('message', (raw: Buffer) => {
    const m = JSON.parse(raw.toString()) as Msg;
    if (m.type === 'charter.sync') {
      Y.applyUpdate(doc, fromB64(m.update as string), 'remote');
      synced();
    } else if (m.type === 'charter.update') {
      const u = m.update as string;
      if (own.delete(u)) {
        return;
      }
      onRemote(u, performance.now());
      inbox.push(fromB64(u));
    } else if (m.type === 'charter.ack') {
      const u = pending.get(m.updateId as string);
      if (u) {
        acked.push(u);
        pending.delete(m.updateId as string);
      }
    }
  });
  ws.on('error', () => {});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'charter.join', charterId, stateVector: b64(Y.encodeStateVector(doc)) }));
  await ready;
  let n = 0;
  return {
    doc,
    ws,
    acked,
    send(update) {
      const updateId = `${doc.clientID}-${n++}`;
      pending.set(updateId, update);
      if (ws.readyState === ws.OPEN) {
        const encoded = b64(update);
        own.add(encoded);
        ws.send(JSON.stringify({ type: 'charter.update', charterId, updateId, update: encoded }));
      }
    },
    flush,
    close: () => {
      clearInterval(timer);
      flush();
      ws.close();
    },
  };
}

/** Type one character at the end of the editor's own clause (or a random one). */
function type(doc: Y.Doc, index: number): Uint8Array {
  const sv = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment('default');
  const el = frag.get(index % frag.length) as Y.XmlElement;
  const text = el.get(0) as Y.XmlText;
  text.insert(text.length, String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  return Y.encodeStateAsUpdate(doc, sv);
}

/** The first account of each server (setup runs once per database). */
const sessions = new Map<string, string>();

async function setup(url: string, kind = 'team') {
  let cookie = sessions.get(url);
  if (!cookie) {
    const s = await http(url, 'POST', '/api/setup', {
      email: `bench-${randomBytes(3).toString('hex')}@example.org`,
      password: 'correct horse battery',
      displayName: 'Bench',
    });
    cookie = s.cookie;
    sessions.set(url, cookie);
  }
  const org = await http(url, 'POST', '/api/orgs', { name: 'Bench' }, cookie);
  const orgId = org.body.id as string;
  const e = await http(
    url,
    'POST',
    `/api/orgs/${orgId}/engagements`,
    { title: 'Bench', request: 'Measure' },
    cookie,
  );
  const eng = `/api/orgs/${orgId}/engagements/${e.body.id as string}`;
  const c = await http(
    url,
    'POST',
    `${eng}/charters`,
    { title: 'Bench charter', kind, locale: 'en' },
    cookie,
  );
  if (c.status !== 200) {
    throw new Error(`charter: ${JSON.stringify(c.body)}`);
  }
  return { cookie, eng, charterId: c.body.id as string };
}

async function freshState(url: string, cookie: string, charterId: string): Promise<Y.Doc> {
  const e = await openEditor(url, cookie, charterId, () => {});
  e.close();
  return e.doc;
}

const svEqual = (a: Y.Doc, b: Y.Doc) => Buffer.compare(Y.encodeStateVector(a), Y.encodeStateVector(b)) === 0;

/** CPU time (ms) a process has used, from /proc (Linux): load-independent, unlike latencies. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command name), in ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A full collection, so heap figures count live objects only (`--expose-gc`, set at run time). */
v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Heap of one document loaded from `state` (what an instance or a browser holds while a charter is
 * open): 50 copies held at once, measured after full collections, divided by 50.
 */
function heapPerDocMb(state: Uint8Array): number {
  const copies = 50;
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const docs: Y.Doc[] = [];
  for (let i = 0; i < copies; i++) {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    docs.push(d);
  }
  collect();
  const perDoc = (process.memoryUsage().heapUsed - heap0) / copies / 2 ** 20;
  for (const d of docs) {
    d.destroy();
  }
  return perDoc;
}

async function propagation(o: Options, url: string, serverPid?: number) {
  const { cookie, charterId } = await setup(url);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastReceipt = 0;
  const editors: Editor[] = [];
  for (let i = 0; i < o.editors; i++) {
    editors.push(
      await openEditor(url, cookie, charterId, (u, at) => {
        const t0 = sentAt.get(u);
        lastReceipt = at;
        if (t0 !== undefined) {
          latencies.push(at - t0);
        }
      }),
    );
  }
  const cpu0 = process.cpuUsage();
  const serverCpu0 = cpuMsOf(serverPid);
  const wall0 = performance.now();
  const stopAt = performance.now() + o.seconds * 1000;
  await Promise.all(
    editors.map(async (e, i) => {
      await sleep(Math.random() * 1000);
      while (performance.now() < stopAt) {
        const u = type(e.doc, i);
        sentAt.set(b64(u), performance.now());
        e.send(u);
        await sleep(1000 / o.rate);
      }
    }),
  );
  // Wait until relays stop arriving (3 s of quiet, at most 2 min): on a loaded machine updates are
  // still in flight long after the typing stops, and convergence is judged on the settled state.
  const quietSince = () => performance.now() - Math.max(lastReceipt, stopAt);
  const settleBy = performance.now() + 120_000;
  while (quietSince() < 3000 && performance.now() < settleBy) {
    await sleep(250);
  }
  const benchCpu = process.cpuUsage(cpu0);
  const serverCpu1 = cpuMsOf(serverPid);
  const benchWallMs = performance.now() - wall0;
  for (const e of editors) {
    e.flush();
  }
  const server = await freshState(url, cookie, charterId);
  const converged = editors.every((e) => svEqual(e.doc, server));
  const state = Y.encodeStateAsUpdate(server);
  const perDocMb = heapPerDocMb(state);
  const sent = sentAt.size;
  for (const e of editors) {
    e.close();
  }
  latencies.sort((a, b) => a - b);
  return {
    sent,
    receipts: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    converged,
    /** Share of one core this (client) process used while typing: high means the bench, not the server, is the limit. */
    benchCpuShare: (benchCpu.user + benchCpu.system) / 1000 / benchWallMs,
    /** Server CPU per update sent (store + relay to every editor), whatever the machine's load. */
    serverCpuMsPerUpdate:
      serverCpu0 === null || serverCpu1 === null
        ? null
        : (serverCpu1 - serverCpu0) / Math.max(sentAt.size, 1),
    perDocMb: Math.max(perDocMb, 0),
    stateBytes: state.length,
  };
}

async function crash(o: Options, args: string[], label: string) {
  let server: ServerProcess = await startServer(args);
  const { cookie, charterId } = await setup(server.url);
  const editors: Editor[] = [];
  for (let i = 0; i < Math.min(o.editors, 50); i++) {
    editors.push(await openEditor(server.url, cookie, charterId, () => {}));
  }
  let typing = true;
  const loops = editors.map(async (e, i) => {
    while (typing) {
      e.send(type(e.doc, i));
      await sleep(1000 / o.rate / 2);
    }
  });
  await sleep(2500);
  server.child.kill('SIGKILL');
  await server.exited;
  typing = false;
  await Promise.all(loops);
  const acked = editors.flatMap((e) => e.acked);
  for (const e of editors) {
    e.close();
  }
  server = await startServer(args);
  const reloaded = await freshState(server.url, cookie, charterId);
  // An acknowledged update is kept when applying it again to the reloaded document changes nothing
  // (its structs are there, integrated or waiting for an unacknowledged predecessor the client resends).
  const before = Y.encodeStateVector(reloaded);
  const pendingBefore = reloaded.store.pendingStructs?.missing.size ?? 0;
  let lost = 0;
  for (const u of acked) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reloaded));
    Y.applyUpdate(copy, u);
    const changed = Buffer.compare(Y.encodeStateVector(copy), before) !== 0;
    const newlyPending = (copy.store.pendingStructs?.missing.size ?? 0) > pendingBefore;
    if (changed || newlyPending) {
      lost++;
    }
    copy.destroy();
  }
  server.child.kill('SIGTERM');
  await server.exited;
  return { label, acked: acked.length, lost };
}

const LOAD_REPEATS = 5;

async function load(url: string) {
  const { cookie, eng, charterId } = await setup(url, 'blank');
  const ed = await openEditor(url, cookie, charterId, () => {});
  // 200 clauses in one update, then 5,000 small edits spread over them.
  const sv0 = Y.encodeStateVector(ed.doc);
  const frag = ed.doc.getXmlFragment('default');
  Y.transact(ed.doc, () => {
    for (let i = 0; i < 200; i++) {
      const el = new Y.XmlElement(i % 5 === 0 ? 'heading' : 'paragraph');
      el.setAttribute('clauseId', `c${i}`);
      const t = new Y.XmlText();
      t.insert(0, `Clause ${i}: we agree to act with care and say what we see.`);
      el.insert(0, [t]);
      frag.insert(frag.length, [el]);
    }
  });
  ed.send(Y.encodeStateAsUpdate(ed.doc, sv0));
  for (let i = 0; i < 5000; i++) {
    ed.send(type(ed.doc, i * 7));
    if (i % 200 === 199) {
      while (ed.acked.length < i - 50) {
        await sleep(5);
      }
    }
  }
  while (ed.acked.length < 5001) {
    await sleep(10);
  }
  ed.close();
  // Five loads of each kind, alternating: the first is the cold one (after the writes), the median
  // says what a reader typically waits on a shared machine where one load can catch a busy moment.
  const rest: number[] = [];
  const sync: number[] = [];
  let clauses = 0;
  let equal = true;
  for (let i = 0; i < LOAD_REPEATS; i++) {
    const t0 = performance.now();
    const r = await http(url, 'GET', `${eng}/charters/${charterId}`, undefined, cookie);
    rest.push(performance.now() - t0);
    clauses = (r.body.clauses as unknown[]).length;
    const t1 = performance.now();
    const fresh = await freshState(url, cookie, charterId);
    sync.push(performance.now() - t1);
    equal &&= svEqual(fresh, ed.doc);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    clauses,
    updates: 5001,
    restMs: median(rest),
    restFirstMs: rest[0]!,
    restMaxMs: Math.max(...rest),
    syncMs: median(sync),
    syncFirstMs: sync[0]!,
    syncMaxMs: Math.max(...sync),
    equal,
  };
}

const o = parseOptions(process.argv.slice(2));
const data = () => ['--data', mkdtempSync(path.join(tmpdir(), 'essaim-charters-'))];
const sqliteArgs = data();
const main = await startServer(
  sqliteArgs,
  o.serverProfile ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', o.serverProfile] } : {},
);
const prop = await propagation(o, main.url, main.child.pid);
if (o.propagationOnly) {
  main.child.kill('SIGTERM');
  await main.exited;
  console.log(JSON.stringify({ name: 'charters.propagation', loadAverage: os.loadavg()[0], ...prop }));
  process.exit(0);
}
const loaded = await load(main.url);
main.child.kill('SIGTERM');
await main.exited;

const crashes = [await crash(o, data(), 'sqlite')];
if (o.postgres) {
  const dbName = `essaim_charters_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: o.postgres });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  try {
    crashes.push(
      await crash(o, ['--database-url', o.postgres.replace(/\/[^/]*$/, `/${dbName}`)], 'postgres'),
    );
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

console.log(`\n${'measure'.padEnd(34)}${'value'.padStart(14)}  target`);
const row = (name: string, value: string, target: string) =>
  console.log(`${name.padEnd(34)}${value.padStart(14)}  ${target}`);
row(`propagation p50 (${o.editors} editors)`, `${prop.p50.toFixed(1)} ms`, '');
row(`propagation p99 (${o.editors} editors)`, `${prop.p99.toFixed(1)} ms`, '< 150 ms');
row('updates sent / receipts', `${prop.sent} / ${prop.receipts}`, '');
row('converged (state vectors)', prop.converged ? 'yes' : 'NO', 'yes');
row('bench process CPU while typing', `${(prop.benchCpuShare * 100).toFixed(0)} % of a core`, '');
row(
  'server CPU per update (store + relay to all)',
  prop.serverCpuMsPerUpdate === null ? 'n/a' : `${prop.serverCpuMsPerUpdate.toFixed(2)} ms`,
  '',
);
row('machine load average (1 min)', os.loadavg()[0]!.toFixed(1), `${os.cpus().length} cores`);
row('memory per loaded document', `${prop.perDocMb.toFixed(3)} MB`, `(state ${prop.stateBytes} B)`);
for (const c of crashes) {
  row(`kill -9 ${c.label}: acked / lost`, `${c.acked} / ${c.lost}`, '0 lost');
}
const loadRow = (kind: string, median: number, first: number, max: number) =>
  row(
    `200 clauses, 5,000 updates: ${kind}`,
    `${median.toFixed(1)} ms`,
    `< 500 ms (median of ${LOAD_REPEATS}; first ${first.toFixed(1)} ms, max ${max.toFixed(1)} ms)`,
  );
loadRow('REST', loaded.restMs, loaded.restFirstMs, loaded.restMaxMs);
loadRow('sync', loaded.syncMs, loaded.syncFirstMs, loaded.syncMaxMs);

const line = (o2: Record<string, unknown>) => console.log(JSON.stringify(o2));
line({
  name: 'charters.propagation',
  ms: prop.p99,
  p50: prop.p50,
  peer: 'target p99 < 150 ms',
  ratio: prop.p99 / 150,
  editors: o.editors,
  sent: prop.sent,
  benchCpuShare: prop.benchCpuShare,
  serverCpuMsPerUpdate: prop.serverCpuMsPerUpdate,
  loadAverage: os.loadavg()[0],
  receipts: prop.receipts,
});
line({ name: 'charters.convergence', ms: 0, peer: 'all state vectors equal', ratio: prop.converged ? 1 : 0 });
line({
  name: 'charters.memory_per_doc',
  ms: 0,
  MB: prop.perDocMb,
  stateBytes: prop.stateBytes,
  peer: 'stated',
  ratio: 1,
});
for (const c of crashes) {
  line({
    name: `charters.crash.${c.label}`,
    ms: 0,
    acked: c.acked,
    lost: c.lost,
    peer: '0 acknowledged updates lost',
    ratio: c.lost === 0 ? 1 : 0,
  });
}
line({
  name: 'charters.load.rest',
  ms: loaded.restMs,
  peer: 'target < 500 ms',
  ratio: loaded.restMs / 500,
  firstMs: loaded.restFirstMs,
  maxMs: loaded.restMaxMs,
  clauses: loaded.clauses,
  updates: loaded.updates,
});
line({
  name: 'charters.load.sync',
  ms: loaded.syncMs,
  peer: 'target < 500 ms',
  ratio: loaded.syncMs / 500,
  firstMs: loaded.syncFirstMs,
  maxMs: loaded.syncMaxMs,
  equal: loaded.equal,
});
if (!prop.converged || crashes.some((c) => c.lost > 0)) {
  process.exitCode = 1;
}
