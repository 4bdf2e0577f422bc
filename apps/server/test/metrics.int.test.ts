import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { setupAdmin, testClient } from './factories.ts';
import { openSocket } from './spawn-server.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** The Prometheus endpoint: off by default; when on, it reflects the requests, sockets and commands seen. */
describe.each(testDialects)('metrics on $name', (dialect) => {
  let handle: DbHandle;
  let app: AppInstance;
  let url: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle, { metrics: true });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const scrape = async () => {
    const r = await fetch(`${url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    return r.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
  };

  it('is off unless asked for', async () => {
    const plain = await buildTestApp(handle);
    try {
      expect((await plain.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('counts requests by route pattern, with latencies, event-loop lag and analysis jobs', async () => {
    await setupAdmin(app);
    await testClient(app).get('/api/orgs/unknown-org/engagements');
    const text = await scrape();
    expect(
      value(
        text,
        'essaim_http_request_duration_seconds_count{method="POST",route="/api/setup",status_code="200"}',
      ),
    ).toBe(1);
    expect(text).toContain('route="/api/orgs/:orgId/engagements",status_code="401"');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(text).toContain('# TYPE essaim_analysis_jobs gauge');
  });

  it('reports open WebSocket connections and live commands received', async () => {
    const before = value(await scrape(), 'essaim_live_commands_total');
    const socket = await openSocket(url);
    try {
      socket.send({ type: 'live.command', workshopId: 'nope', commandId: 'c1', command: { type: 'x' } });
      socket.send({ type: 'live.command', workshopId: 'nope', commandId: 'c2', command: { type: 'x' } });
      let text = await scrape();
      for (let i = 0; i < 50 && value(text, 'essaim_live_commands_total') < before + 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        text = await scrape();
      }
      expect(value(text, 'essaim_websocket_connections')).toBe(1);
      expect(value(text, 'essaim_live_commands_total')).toBe(before + 2);
    } finally {
      socket.close();
    }
  });
});
