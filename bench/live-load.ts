/**
 * A load-generator process of the live benchmark (forked by bench/live.bench.ts, driven over IPC).
 *
 * It plays a slice of the participants: each joins by code over HTTP and holds one WebSocket, both
 * bound to one of the loopback addresses it was given (127.0.0.2, 127.0.0.3, …), as phones behind
 * several networks would be, so the server's per-address join limit stays on. Votes stay in each
 * participant's outbox until acknowledged and are resent with the same command id after a reconnect.
 * Times sent to the parent are absolute (performance.timeOrigin + now) so they compare across processes.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import WebSocket from 'ws';

export type ToWorker =
  | {
      type: 'init';
      /** Instance URL of each participant of this slice (index-aligned with `indices`). */
      urls: string[];
      indices: number[];
      addresses: string[];
      code: string;
      workshopId: string;
    }
  | { type: 'join' }
  | { type: 'connect'; lastSeq: number; urls?: string[] }
  | { type: 'crash' }
  | {
      type: 'vote';
      startAt: number;
      windowMs: number;
      votes: number;
      activityId: string;
      itemIds: string[];
      /** Votes are not sent before this absolute time while the server is down (outbox keeps them). */
    }
  | { type: 'drain'; timeoutMs: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'joined'; failures: string[] }
  | { type: 'connected'; failures: string[] }
  | { type: 'crashed' }
  | { type: 'voted'; sent: number }
  | {
      type: 'drained';
      acks: number[];
      acked: number;
      /** Transmissions after the first (a resend after 4 s without an answer, a reconnection). */
      resent: number;
      rejected: number;
      unacked: number;
      sentAt: [string, number][];
    }
  | { type: 'fatal'; message: string };

const now = () => performance.timeOrigin + performance.now();

interface Pending {
  readonly commandId: string;
  readonly body: Record<string, unknown>;
  /** When the vote was first sent: ack latency counts from here, as the fan-out does, resends included. */
  readonly firstAt: number;
  /** Last transmission (resend timing). */
  sentAt: number;
  transmissions: number;
}

/** A clear one-line reason for a network error (EMFILE gets the fix). */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EMFILE' || e?.code === 'ENFILE') {
    return `too many open files (${e.code}): raise the limit with \`ulimit -n 20000\` before running the bench`;
  }
  if (e?.code === 'EADDRNOTAVAIL') {
    return `cannot bind a loopback address (${e.message}): on macOS add aliases, e.g. \`sudo ifconfig lo0 alias 127.0.0.2\``;
  }
  if (e?.code === 'ECONNREFUSED') {
    return `connection refused (${e.message}): the server is not listening`;
  }
  return e?.message ?? String(error);
}

let init: Extract<ToWorker, { type: 'init' }> | null = null;
const agents = new Map<string, http.Agent>();
const agentOf = (address: string) => {
  let agent = agents.get(address);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress: address });
    agents.set(address, agent);
  }
  return agent;
};

function post(url: string, path: string, body: unknown, localAddress: string) {
  return new Promise<{ status: number; cookie: string; text: string }>((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      `${url}${path}`,
      {
        method: 'POST',
        agent: agentOf(localAddress),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          origin: url,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
            text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

class Participant {
  ws: WebSocket | null = null;
  cookie = '';
  readonly outbox = new Map<string, Pending>();
  constructor(
    readonly index: number,
    public url: string,
    readonly address: string,
  ) {}

  async connect(workshopId: string, lastSeq: number): Promise<void> {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/ws`, {
      headers: { cookie: this.cookie, origin: this.url },
      localAddress: this.address,
      perMessageDeflate: false,
    });
    ws.on('message', (raw: Buffer) => {
      // Only acknowledgements matter here; avoid parsing every fan-out message.
      const text = raw.toString();
      if (!text.startsWith('{"type":"live.ack"') && !text.startsWith('{"type":"live.reject"')) {
        return;
      }
      const m = JSON.parse(text) as { type: string; commandId: string };
      const p = this.outbox.get(m.commandId);
      if (p) {
        this.outbox.delete(p.commandId);
        if (m.type === 'live.reject') {
          stats.rejected++;
        } else {
          stats.acked++;
          stats.acks.push(now() - p.firstAt);
        }
      }
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`websocket refused: ${res.statusCode}`)),
      );
    });
    this.ws = ws;
    ws.send(JSON.stringify({ type: 'live.resume', workshopId, lastSeq }));
    for (const p of this.outbox.values()) {
      this.transmit(workshopId, p);
    }
  }

  send(workshopId: string, body: Record<string, unknown>): void {
    const at = now();
    const p: Pending = { commandId: randomUUID(), body, firstAt: at, sentAt: at, transmissions: 0 };
    this.outbox.set(p.commandId, p);
    firstSent.push([p.commandId, p.firstAt]);
    this.transmit(workshopId, p);
  }

  transmit(workshopId: string, p: Pending): void {
    if (this.ws?.readyState === WebSocket.OPEN) {
      p.sentAt = now();
      p.transmissions += 1;
      if (p.transmissions > 1) {
        stats.resent++;
      }
      this.ws.send(
        JSON.stringify({ type: 'live.command', workshopId, commandId: p.commandId, command: p.body }),
      );
    }
  }
}

const stats = { acks: [] as number[], acked: 0, rejected: 0, resent: 0 };
const firstSent: [string, number][] = [];
let people: Participant[] = [];

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(
      items.slice(i, i + size).map((item) =>
        fn(item).catch((error: unknown) => {
          failures.push(describeError(error));
        }),
      ),
    );
    if (failures.length > 0) {
      break;
    }
  }
  return failures;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reply = (m: FromWorker) => process.send?.(m);

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'init':
      init = m;
      people = m.indices.map(
        (index, k) =>
          new Participant(index, m.urls[k] as string, m.addresses[index % m.addresses.length] as string),
      );
      reply({ type: 'ready' });
      return;
    case 'join': {
      const { code } = init!;
      const failures = await inBatches(people, 48, async (p) => {
        const r = await post(p.url, '/api/workshops/join', { code, displayName: `P${p.index}` }, p.address);
        if (r.status !== 200) {
          throw new Error(`join ${r.status} from ${p.address}: ${r.text.slice(0, 160)}`);
        }
        p.cookie = r.cookie;
      });
      reply({ type: 'joined', failures: [...new Set(failures)] });
      return;
    }
    case 'connect': {
      if (m.urls) {
        people.forEach((p, k) => {
          p.url = m.urls?.[k] ?? p.url;
        });
      }
      const failures = await inBatches(people, 100, (p) => p.connect(init!.workshopId, m.lastSeq));
      reply({ type: 'connected', failures: [...new Set(failures)] });
      return;
    }
    case 'crash':
      for (const p of people) {
        p.ws?.terminate();
        p.ws = null;
      }
      reply({ type: 'crashed' });
      return;
    case 'vote': {
      const { workshopId } = init!;
      const schedule = people.flatMap((p) =>
        Array.from({ length: m.votes }, (_, k) => ({ p, k, at: m.startAt + Math.random() * m.windowMs })),
      );
      schedule.sort((a, b) => a.at - b.at);
      let next = 0;
      while (next < schedule.length) {
        const t = now();
        while (next < schedule.length && (schedule[next]?.at ?? 0) <= t) {
          const { p, k } = schedule[next] as (typeof schedule)[number];
          p.send(workshopId, {
            type: 'dotVote.place',
            activityId: m.activityId,
            itemId: m.itemIds[(k * 3 + p.index) % m.itemIds.length],
          });
          next++;
        }
        await sleep(2);
      }
      reply({ type: 'voted', sent: schedule.length });
      return;
    }
    case 'drain': {
      const deadline = now() + m.timeoutMs;
      let lastResend = now();
      while (people.some((p) => p.outbox.size > 0) && now() < deadline) {
        // A command unanswered for a while is sent again with its id, as the web client does.
        if (now() - lastResend > 4000) {
          lastResend = now();
          for (const p of people) {
            for (const pending of p.outbox.values()) {
              if (now() - pending.sentAt > 4000) {
                p.transmit(init!.workshopId, pending);
              }
            }
          }
        }
        await sleep(20);
      }
      reply({
        type: 'drained',
        acks: stats.acks,
        acked: stats.acked,
        resent: stats.resent,
        rejected: stats.rejected,
        unacked: people.reduce((n, p) => n + p.outbox.size, 0),
        sentAt: firstSent,
      });
      return;
    }
    case 'close':
      for (const p of people) {
        p.ws?.close();
      }
      for (const a of agents.values()) {
        a.destroy();
      }
      setTimeout(() => process.exit(0), 200);
      return;
  }
}

process.on('message', (m: ToWorker) => {
  handle(m).catch((error: unknown) => reply({ type: 'fatal', message: describeError(error) }));
});
process.on('uncaughtException', (error) => {
  reply({ type: 'fatal', message: describeError(error) });
  process.exit(1);
});
