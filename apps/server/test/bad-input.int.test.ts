import { ErrorCodeSchema } from '@essaim/contracts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { buildTwoTenants, fillParams, type TwoTenants } from './route-fixtures.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** A digest of every table's rows: equal before and after means nothing changed. */
async function snapshot(handle: DbHandle): Promise<string> {
  const tables =
    handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            handle.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            handle.db,
          )
        ).rows;
  const parts: string[] = [];
  for (const { name } of tables.sort((x, y) => x.name.localeCompare(y.name))) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(handle.db))
      .rows;
    parts.push(
      `${name}:${rows
        .map((r) => JSON.stringify(r))
        .sort()
        .join('|')}`,
    );
  }
  return parts.join('\n');
}

/** One invalid body of each shape a client gets wrong, where the route's schema refuses it. */
function mistakesFor(schema: z.ZodType): unknown[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const candidates: unknown[] = [
    null,
    0,
    'text',
    true,
    [],
    [{}],
    {},
    // The right field names with values of the wrong type: past the top level, into the fields' rules.
    Object.fromEntries(keys.map((k) => [k, { nested: [] }])),
    Object.fromEntries(keys.map((k) => [k, -1])),
    Object.fromEntries(keys.map((k) => [k, 'x'.repeat(20_000)])),
  ];
  return candidates.filter((v) => !schema.safeParse(v).success);
}

/** A seed per route (FNV-1a of "METHOD url"): each route gets its own generated bodies, run after run. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * For every route with a body, invalid bodies get a 4xx with a stable error code, never a 5xx, and change
 * nothing in the database: one of each shape of mistake (`mistakesFor`), bodies generated with the
 * route's own seed, broken JSON and the wrong content type. Generated bodies used to be 25 per route
 * with one seed for all routes (the same 25 shapes everywhere); 6 per route with a seed each vary across
 * the table, and the fixed mistakes cover each shape on every route, in about two thirds of the requests.
 */
describe.each(testDialects)('bad input on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let t: TwoTenants;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    t = await buildTwoTenants(app);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('rejects generated invalid bodies on every route that has one', async () => {
    const routes = app.routeTable.filter((r) => r.schema?.body);
    const codes = new Set(ErrorCodeSchema.options);
    const before = await snapshot(handle);
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const schema = route.schema!.body as z.ZodType;
      const url = fillParams(route.url, { ...t.idsOfA, token: 'x'.repeat(43) });
      const invalid = fc
        .oneof(fc.jsonValue(), fc.object(), fc.array(fc.anything()))
        .filter((v) => !schema.safeParse(v).success);
      const generated = fc.sample(invalid, { numRuns: 6, seed: seedOf(`${route.method} ${route.url}`) });
      for (const body of [...mistakesFor(schema), ...generated]) {
        const r = await t.a.client.request(route.method as 'POST', url, body === undefined ? null : body);
        requests++;
        const err = (r.body as { error?: { code?: string } })?.error;
        if (r.status < 400 || r.status >= 500 || !err?.code || !codes.has(err.code as never)) {
          failures.push(
            `${route.method} ${route.url} ${JSON.stringify(body).slice(0, 80)} → ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`,
          );
        }
      }
      // Not JSON at all, and the wrong content type.
      const raw = await app.inject({
        method: route.method as 'POST',
        url,
        payload: '{"broken',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost:4000',
          cookie: t.a.client.cookie ?? '',
        },
      });
      const text = await app.inject({
        method: route.method as 'POST',
        url,
        payload: 'hello',
        headers: {
          'content-type': 'text/plain',
          origin: 'http://localhost:4000',
          cookie: t.a.client.cookie ?? '',
        },
      });
      for (const res of [raw, text]) {
        requests++;
        if (res.statusCode < 400 || res.statusCode >= 500) {
          failures.push(`${route.method} ${route.url} malformed → ${res.statusCode}`);
        }
      }
    }
    console.log(`bad input: ${routes.length} routes with a body, ${requests} invalid requests`);
    expect(failures).toEqual([]);
    expect(await snapshot(handle)).toBe(before);
    // ~20 requests per route with a body: the suite grows with every feature, beyond the 30 s default.
  }, 180_000);
});
