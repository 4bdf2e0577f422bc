/**
 * Live workshop load and crash benchmark.
 *
 * This process is the load generator; the server runs in a child process (`essaim start`) on
 * loopback. N participants join by code over HTTP, open one WebSocket each and cast dot votes at
 * random moments of a time window; one facilitator socket watches the room. Every vote carries a
 * client command id and stays in the participant's outbox until acknowledged.
 *
 * Measures: ack latency (send → `live.ack`), fan-out latency (send → the vote event reaching the
 * facilitator socket), and checks `votes_counted == votes_acked` from the exported results.
 * `--crash` SIGKILLs the server mid-window, restarts it on the same database, reconnects every
 * socket, resends the outboxes with the same command ids and checks that every acknowledged vote is
 * counted exactly once.
 *
 * Run: npm run bench:live [-- --participants 2000 --votes 3 --window-ms 10000 --database sqlite|postgres|both --crash]
 * PostgreSQL uses ESSAIM_BENCH_DATABASE_URL or ESSAIM_TEST_DATABASE_URL (a fresh database is created).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { http, percentile, type ServerProcess, startServer } from './live-server.ts';

interface Options {
  participants: number;
  votes: number;
  windowMs: number;
  databases: ('sqlite' | 'postgres')[];
  isCrash: boolean;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pgUrl = process.env.ESSAIM_BENCH_DATABASE_URL || process.env.ESSAIM_TEST_DATABASE_URL;
  const which = get('database') ?? (pgUrl ? 'both' : 'sqlite');
  return {
    participants: Number(get('participants') ?? 2000),
    votes: Number(get('votes') ?? 3),
    windowMs: Number(get('window-ms') ?? 10_000),
    databases: which === 'both' ? ['sqlite', 'postgres'] : [which as 'sqlite' | 'postgres'],
    isCrash: argv.includes('--crash'),
  };
}

type Msg = Record<string, unknown> & { type: string };

interface Pending {
  readonly commandId: string;
  readonly body: Record<string, unknown>;
  sentAt: number;
}

class Participant {
  ws: WebSocket | null = null;
  readonly outbox = new Map<string, Pending>();
  constructor(
    readonly cookie: string,
    private readonly onAck: (p: Pending, seq: number, isRejected: boolean) => void,
  ) {}

  /** Connect, then resume from `lastSeq` as a reconnecting phone would (identity checked, viewer registered). */
  async connect(url: string, workshopId: string, lastSeq = 0): Promise<void> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, {
      headers: { cookie: this.cookie, origin: url },
    });
    ws.on('message', (raw: Buffer) => {
      const m = JSON.parse(raw.toString()) as Msg;
      if (m.type === 'live.ack' || m.type === 'live.reject') {
        const p = this.outbox.get(m.commandId as string);
        if (p) {
          this.outbox.delete(p.commandId);
          this.onAck(p, Number(m.seq ?? 0), m.type === 'live.reject');
        }
      }
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.ws = ws;
    if (lastSeq > 0) {
      ws.send(JSON.stringify({ type: 'live.resume', workshopId, lastSeq }));
    }
    for (const p of this.outbox.values()) {
      this.transmit(workshopId, p);
    }
  }

  send(workshopId: string, body: Record<string, unknown>): Pending {
    const p: Pending = { commandId: randomUUID(), body, sentAt: performance.now() };
    this.outbox.set(p.commandId, p);
    this.transmit(workshopId, p);
    return p;
  }

  private transmit(workshopId: string, p: Pending): void {
    if (this.ws?.readyState === WebSocket.OPEN) {
      p.sentAt = performance.now();
      this.ws.send(
        JSON.stringify({ type: 'live.command', workshopId, commandId: p.commandId, command: p.body }),
      );
    }
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, k) => fn(item, i + k)));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(options: Options, database: 'sqlite' | 'postgres') {
  let serverArgs: string[];
  let dropDatabase: (() => Promise<void>) | null = null;
  if (database === 'sqlite') {
    serverArgs = ['--metrics', '--data', mkdtempSync(path.join(tmpdir(), 'essaim-live-bench-'))];
  } else {
    const base = (process.env.ESSAIM_BENCH_DATABASE_URL || process.env.ESSAIM_TEST_DATABASE_URL) as string;
    const name = `essaim_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    serverArgs = ['--metrics', '--database-url', base.replace(/\/[^/]*$/, `/${name}`)];
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    };
  }
  let server: ServerProcess = await startServer(serverArgs);
  try {
    const setup = await http(server.url, 'POST', '/api/setup', {
      email: 'bench@example.org',
      password: 'correct horse battery',
      displayName: 'Bench',
    });
    const session = setup.cookie;
    const org = await http(server.url, 'POST', '/api/orgs', { name: 'Bench' }, session);
    const orgId = org.body.id as string;
    const w = await http(server.url, 'POST', `/api/orgs/${orgId}/workshops`, { title: 'Plénière' }, session);
    const workshopId = w.body.id as string;

    // Facilitator socket: adds and starts a dot vote, then watches.
    const sentAt = new Map<string, number>();
    const fanout: number[] = [];
    const fanoutSeen = new Set<string>();
    let lastSeq = 0;
    let activityId = '';
    const facilitatorConnect = async (url: string) => {
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, {
        headers: { cookie: session, origin: url },
      });
      ws.on('error', () => undefined);
      ws.on('message', (raw: Buffer) => {
        const m = JSON.parse(raw.toString()) as Msg;
        if (m.type === 'live.snapshot') {
          lastSeq = m.seq as number;
        }
        if (m.type === 'live.events') {
          const now = performance.now();
          lastSeq = Math.max(lastSeq, (m.throughSeq as number) ?? 0);
          for (const { event } of m.events as {
            event: { type: string; commandId: string; activityId: string };
          }[]) {
            if (event.type === 'activity.added') {
              activityId = event.activityId;
            }
            const t = sentAt.get(event.commandId);
            if (event.type === 'dotVote.placed' && t !== undefined && !fanoutSeen.has(event.commandId)) {
              fanoutSeen.add(event.commandId);
              fanout.push(now - t);
            }
          }
        }
      });
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'live.resume', workshopId, lastSeq }));
      return ws;
    };
    let facilitator = await facilitatorConnect(server.url);
    const fCommand = (command: Record<string, unknown>) =>
      facilitator.send(
        JSON.stringify({ type: 'live.command', workshopId, commandId: randomUUID(), command }),
      );
    const items = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, label: `Idée ${i + 1}` }));
    fCommand({
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title: 'Priorités',
        config: { items, dotsPerParticipant: options.votes, maxPerItem: options.votes },
      },
    });
    while (!activityId) {
      await sleep(10);
    }
    fCommand({ type: 'activity.start', activityId });

    // Participants join by code and connect.
    const acked = new Set<string>();
    const acks: number[] = [];
    let rejected = 0;
    const onAck = (p: Pending, _seq: number, isRejected: boolean) => {
      if (isRejected) {
        rejected++;
        return;
      }
      acked.add(p.commandId);
      acks.push(performance.now() - p.sentAt);
    };
    const people: Participant[] = [];
    const tJoin = performance.now();
    await inBatches(
      Array.from({ length: options.participants }, (_, i) => i),
      64,
      async (i) => {
        const r = await http(server.url, 'POST', '/api/workshops/join', {
          code: w.body.code,
          displayName: `P${i}`,
        });
        if (r.status !== 200) {
          throw new Error(`join failed: ${r.status} ${JSON.stringify(r.body)}`);
        }
        people.push(new Participant(r.cookie, onAck));
      },
    );
    const joinMs = performance.now() - tJoin;
    await inBatches(people, 100, (p) => p.connect(server.url, workshopId, lastSeq));
    await sleep(1000);

    // Votes at random moments of the window.
    // Scraping resets prom-client's event-loop histogram: the next scrape covers the vote window only.
    await eventLoopLag(server.url);
    const tVotes = performance.now();
    let crashAt: number | null = options.isCrash ? options.windowMs * 0.4 : null;
    let down = false;
    const schedule = people.flatMap((p) =>
      Array.from({ length: options.votes }, (_, k) => ({ p, k, at: Math.random() * options.windowMs })),
    );
    schedule.sort((a, b) => a.at - b.at);
    let next = 0;
    while (next < schedule.length) {
      const now = performance.now() - tVotes;
      if (crashAt !== null && now >= crashAt) {
        crashAt = null;
        down = true;
        server.child.kill('SIGKILL');
        await server.exited;
        for (const p of people) {
          p.ws?.terminate();
          p.ws = null;
        }
        facilitator.terminate();
        void (async () => {
          server = await startServer(serverArgs);
          facilitator = await facilitatorConnect(server.url);
          await inBatches(people, 100, (p) => p.connect(server.url, workshopId, lastSeq));
          down = false;
        })();
      }
      while (next < schedule.length && (schedule[next]?.at ?? 0) <= now) {
        const { p, k } = schedule[next] as (typeof schedule)[number];
        const pending = p.send(workshopId, {
          type: 'dotVote.place',
          activityId,
          itemId: items[(k * 3 + next) % 8]!.id,
        });
        sentAt.set(pending.commandId, pending.sentAt);
        next++;
      }
      await sleep(2);
    }
    const deadline = performance.now() + 60_000;
    while ((down || people.some((p) => p.outbox.size > 0)) && performance.now() < deadline) {
      await sleep(20);
    }
    await sleep(500);
    const loop = await eventLoopLag(server.url);
    const exported = await http(
      server.url,
      'GET',
      `/api/orgs/${orgId}/workshops/${workshopId}/export`,
      undefined,
      session,
    );
    const results = (exported.body.activities as { results: { totalDots: number } }[])[0]?.results;
    const sortedAcks = [...acks].sort((a, b) => a - b);
    const sortedFanout = [...fanout].sort((a, b) => a - b);
    for (const p of people) {
      p.ws?.close();
    }
    facilitator.close();
    return {
      participants: options.participants,
      votes_sent: schedule.length,
      votes_acked: acked.size,
      votes_counted: results?.totalDots ?? -1,
      rejected,
      unacked: people.reduce((n, p) => n + p.outbox.size, 0),
      ack_p50_ms: Math.round(percentile(sortedAcks, 50) * 10) / 10,
      ack_p99_ms: Math.round(percentile(sortedAcks, 99) * 10) / 10,
      fanout_p50_ms: Math.round(percentile(sortedFanout, 50) * 10) / 10,
      fanout_p99_ms: Math.round(percentile(sortedFanout, 99) * 10) / 10,
      join_ms: Math.round(joinMs),
      loop_p99_ms: loop.p99,
      loop_max_ms: loop.max,
      database,
      crash: options.isCrash,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await dropDatabase?.();
  }
}

/** The server's event-loop delay since the previous scrape (prom-client, perf_hooks monitorEventLoopDelay). */
async function eventLoopLag(base: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Math.round(Number(line.split(' ')[1]) * 1000 * 10) / 10 : -1;
  };
  return { p99: read('nodejs_eventloop_lag_p99_seconds'), max: read('nodejs_eventloop_lag_max_seconds') };
}

const options = parseOptions(process.argv.slice(2));
const rows = [];
for (const database of options.databases) {
  rows.push(await run(options, database));
}
console.log(
  `\n${'database'.padEnd(10)}${'people'.padStart(8)}${'acked'.padStart(8)}${'counted'.padStart(9)}${'ack p50'.padStart(9)}${'ack p99'.padStart(9)}${'fan p50'.padStart(9)}${'fan p99'.padStart(9)}${'loop p99'.padStart(10)}${'loop max'.padStart(10)}  exactly once`,
);
for (const r of rows) {
  console.log(
    `${r.database.padEnd(10)}${String(r.participants).padStart(8)}${String(r.votes_acked).padStart(8)}${String(r.votes_counted).padStart(9)}${r.ack_p50_ms.toFixed(1).padStart(9)}${r.ack_p99_ms.toFixed(1).padStart(9)}${r.fanout_p50_ms.toFixed(1).padStart(9)}${r.fanout_p99_ms.toFixed(1).padStart(9)}${r.loop_p99_ms.toFixed(1).padStart(10)}${r.loop_max_ms.toFixed(1).padStart(10)}  ${r.votes_counted === r.votes_acked ? 'yes' : 'NO'}`,
  );
}
for (const r of rows) {
  console.log(
    JSON.stringify({
      name: `live.${r.crash ? 'crash' : 'votes'}.${r.database}`,
      ms: r.ack_p99_ms,
      mb: Math.round(process.memoryUsage().rss / 2 ** 20),
      peer: 'targets: ack p99 < 100 ms, fan-out p99 < 150 ms',
      ratio: r.votes_acked === 0 ? 0 : r.votes_counted / r.votes_acked,
      ...r,
    }),
  );
}
if (rows.some((r) => r.votes_counted !== r.votes_acked)) {
  process.exitCode = 1;
}
