// The compose.yaml topology without containers: two `essaim start` processes on one PostgreSQL
// database and one Redis, behind a small Node reverse proxy that does what deploy/Caddyfile asks of
// Caddy (round robin over the instances whose /readyz answers 200, WebSocket upgrades passed through).
// Checks: both instances become ready, a first account is set up through the proxy, WebSockets opened
// through the proxy land on both instances and a message sent on one reaches the other (Redis), and
// after one instance is stopped the proxy keeps serving the signed-in session from the other.
//
// Run: ESSAIM_TEST_DATABASE_URL=postgres://… REDIS_URL=redis://… node scripts/two-instance-smoke.mjs
// Prints a table then one JSON line; exits 1 on any failed check.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = process.env.ESSAIM_TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!baseUrl || !redisUrl) {
  console.error('two-instance smoke: set ESSAIM_TEST_DATABASE_URL and REDIS_URL');
  process.exit(1);
}
const t0 = performance.now();
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '✔' : '✖'} ${name}${detail ? ` (${detail})` : ''}`);
};

// ---- the reverse proxy ---------------------------------------------------------------------------
const upstreams = [];
let turn = 0;
function pick() {
  const healthy = upstreams.filter((u) => u.healthy);
  if (healthy.length === 0) {
    return null;
  }
  turn = (turn + 1) % healthy.length;
  return healthy[turn];
}
async function healthCheck() {
  await Promise.all(
    upstreams.map(async (u) => {
      try {
        const r = await fetch(`${u.url}/readyz`, { signal: AbortSignal.timeout(2000) });
        u.healthy = r.status === 200;
      } catch {
        u.healthy = false;
      }
    }),
  );
}
const proxy = http.createServer((req, res) => {
  const up = pick();
  if (!up) {
    res.writeHead(502).end('no healthy upstream');
    return;
  }
  const target = new URL(up.url);
  const forwarded = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress, 'x-forwarded-proto': 'http' },
    },
    (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    },
  );
  forwarded.on('error', () => res.writeHead(502).end());
  req.pipe(forwarded);
});
proxy.on('upgrade', (req, socket, head) => {
  const up = pick();
  if (!up) {
    socket.destroy();
    return;
  }
  const target = new URL(up.url);
  const conn = net.connect(Number(target.port), target.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    }
    conn.write(`${lines.join('\r\n')}\r\n\r\n`);
    conn.write(head);
    conn.pipe(socket).pipe(conn);
  });
  conn.on('error', () => socket.destroy());
  socket.on('error', () => conn.destroy());
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;

// ---- the database and the two instances ----------------------------------------------------------
const dbName = `essaim_smoke_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = baseUrl.replace(/\/[^/]*$/, `/${dbName}`);
const bundle = path.join(root, 'apps/cli/dist/essaim.js');
const entry = existsSync(bundle) ? [bundle] : ['--import', 'tsx', path.join(root, 'apps/cli/src/main.ts')];

function startInstance() {
  const child = spawn(
    process.execPath,
    [
      ...entry,
      'start',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      '--database-url',
      dbUrl,
      '--redis-url',
      redisUrl,
      '--public-url',
      proxyUrl,
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.on('exit', r));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${out}`)), 60_000);
    child.stderr.on('data', () => {
      const m = /Essaim ready on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exited.then((code) => reject(new Error(`instance exited with ${code}:\n${out}`)));
  });
  return { child, exited, url };
}

function socket(url) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  const messages = [];
  const waiters = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(raw.toString());
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const opened = new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = (pred, ms = 10_000) =>
    messages.find(pred) ??
    new Promise((resolve, reject) => {
      waiters.push({ pred, resolve });
      setTimeout(() => reject(new Error('timed out waiting for a WebSocket message')), ms);
    });
  return { ws, opened, waitFor, send: (m) => ws.send(JSON.stringify(m)) };
}

const instances = [startInstance(), startInstance()];
let exitCode = 0;
try {
  const urls = await Promise.all(instances.map((i) => i.url));
  for (const url of urls) {
    upstreams.push({ url, healthy: false });
  }
  const timer = setInterval(() => void healthCheck(), 500);
  timer.unref();
  await healthCheck();
  check(
    'both instances ready behind the proxy',
    upstreams.every((u) => u.healthy),
  );

  const ready = await (await fetch(`${proxyUrl}/readyz`)).json();
  check(
    'readiness through the proxy',
    ready.status === 'ready' && ready.bus === 'redis',
    JSON.stringify(ready.database),
  );

  const setup = await fetch(`${proxyUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: proxyUrl },
    body: JSON.stringify({
      email: 'smoke@example.org',
      password: 'smoke test password',
      displayName: 'Smoke',
    }),
  });
  const cookie = (setup.headers.getSetCookie().find((c) => c.startsWith('essaim_session=')) ?? '').split(
    ';',
  )[0];
  check(
    'first account set up through the proxy',
    setup.status === 200 && cookie !== '',
    `HTTP ${setup.status}`,
  );

  const a = socket(proxyUrl);
  const b = socket(proxyUrl);
  await Promise.all([a.opened, b.opened]);
  const [helloA, helloB] = await Promise.all([
    a.waitFor((m) => m.type === 'hello'),
    b.waitFor((m) => m.type === 'hello'),
  ]);
  check('WebSockets through the proxy reach both instances', helloA.instanceId !== helloB.instanceId);
  const room = `lobby:smoke-${Date.now()}`;
  b.send({ type: 'subscribe', room });
  await b.waitFor((m) => m.type === 'subscribed');
  a.send({ type: 'subscribe', room });
  await a.waitFor((m) => m.type === 'subscribed');
  const tSend = performance.now();
  a.send({ type: 'react', room, reaction: 'heart' });
  const relayed = await b.waitFor((m) => m.type === 'reaction').catch(() => null);
  const relayMs = Math.round((performance.now() - tSend) * 10) / 10;
  check(
    'a message on one instance reaches the other through Redis',
    relayed?.reaction === 'heart',
    `${relayMs} ms`,
  );
  a.ws.close();
  b.ws.close();

  instances[0].child.kill('SIGTERM');
  await instances[0].exited;
  await healthCheck();
  let served = 0;
  for (let i = 0; i < 6; i++) {
    const me = await fetch(`${proxyUrl}/api/me`, { headers: { cookie } });
    served += me.status === 200 ? 1 : 0;
  }
  check('the session keeps working with one instance stopped', served === 6, `${served}/6 requests served`);
  const summary = {
    name: 'two-instance-smoke',
    ms: Math.round(performance.now() - t0),
    mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    peer: 'compose.yaml: essaim ×2, PostgreSQL, Redis, Caddy',
    ratio: checks.filter((c) => c.ok).length / checks.length,
    relay_ms: relayMs,
  };
  console.log(`\n${'check'.padEnd(62)}result`);
  for (const c of checks) {
    console.log(`${c.name.padEnd(62)}${c.ok ? 'ok' : 'FAILED'}`);
  }
  console.log(JSON.stringify(summary));
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (err) {
  console.error(`two-instance smoke failed: ${err.message}`);
  exitCode = 1;
} finally {
  for (const i of instances) {
    if (i.child.exitCode === null) {
      i.child.kill('SIGTERM');
      await i.exited;
    }
  }
  proxy.close();
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  await admin.end();
}
process.exit(exitCode);
