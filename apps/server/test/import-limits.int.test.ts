import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createOrg, PASSWORD, setupAdmin, type TestClient, uniqueEmail } from './factories.ts';
import { type SpawnedServer, spawnServer } from './spawn-server.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The reported bomb, built here (nothing huge is committed): a complete workbook whose one shared
 * string holds 500 million characters, deflated by archiver (zlib level 9) to about 490 KB.
 */
async function buildBomb(chars = 500_000_000): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20, 0x41);
  function* sharedStrings() {
    yield Buffer.from(`${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`);
    for (let left = chars; left > 0; left -= chunk.length) {
      yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    }
    yield Buffer.from('</t></si></sst>');
  }
  const zip = archiver('zip', { zlib: { level: 9 } });
  const parts: Buffer[] = [];
  zip.on('data', (d: Buffer) => parts.push(d));
  const ended = new Promise((resolve) => zip.on('end', resolve));
  zip.append(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    { name: '[Content_Types].xml' },
  );
  zip.append(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    { name: '_rels/.rels' },
  );
  zip.append(
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    { name: 'xl/workbook.xml' },
  );
  zip.append(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    { name: 'xl/_rels/workbook.xml.rels' },
  );
  zip.append(
    `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    { name: 'xl/worksheets/sheet1.xml' },
  );
  zip.append(Readable.from(sharedStrings()), { name: 'xl/sharedStrings.xml' });
  await zip.finalize();
  await ended;
  return Buffer.concat(parts);
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
let bomb: Buffer;

beforeAll(async () => {
  bomb = await buildBomb();
}, 60_000);

describe.each(testDialects)('bounded people imports on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Import Org');
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const preview = (filename: string, content: Buffer | string) =>
    owner.post(`/api/orgs/${orgId}/people/import/preview`, { filename, contentBase64: b64(content) });

  it('refuses the XLSX decompression bomb with 413 in under a second, nothing written', async () => {
    expect(bomb.length).toBeLessThan(600_000);
    const t0 = performance.now();
    const r = await preview('agents.xlsx', bomb);
    const ms = performance.now() - t0;
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(ms).toBeLessThan(1000);
    const commit = await owner.post(`/api/orgs/${orgId}/people/import`, {
      filename: 'agents.xlsx',
      contentBase64: b64(bomb),
    });
    expect(commit.status).toBe(413);
    expect((await owner.get(`/api/orgs/${orgId}/people`)).json<{ people: unknown[] }>().people).toEqual([]);
  });

  it('caps rows, columns and cell length in CSV and XLSX (worker thread), and truncates echoes', async () => {
    const rows = `name\n${Array.from({ length: 10_001 }, (_, i) => `P${i}`).join('\n')}\n`;
    expect((await preview('a.csv', rows)).status).toBe(413);
    expect(
      (await preview('a.csv', `${Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')}\n`)).status,
    ).toBe(413);
    expect((await preview('a.csv', `name\n"${'x'.repeat(2001)}"\n`)).status).toBe(413);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Agents');
    ws.addRow(['Nom', 'Courriel']);
    ws.addRow(['Long', 'y'.repeat(2001)]);
    expect((await preview('a.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).status).toBe(413);

    // Under the caps, a hostile value is echoed truncated (the error message quotes the email).
    const long = `${'z'.repeat(1500)}@`;
    const echoed = await preview('a.csv', `name,email\nAnn,${long}\n`);
    expect(echoed.status).toBe(200);
    const body = JSON.stringify(echoed.body);
    expect(body.length).toBeLessThan(1500);
    expect(body).toContain('INVALID_EMAIL');

    // A normal workbook still imports (parsed in the worker).
    const ok = new ExcelJS.Workbook();
    ok.addWorksheet('A').addRows([
      ['Nom', 'Courriel', 'Équipe'],
      ['Chloé', uniqueEmail('chloe'), 'Guichet'],
    ]);
    const good = await owner.post(`/api/orgs/${orgId}/people/import`, {
      filename: 'ok.xlsx',
      contentBase64: b64(Buffer.from(await ok.xlsx.writeBuffer())),
    });
    expect(good.json()).toMatchObject({ created: 1, collectivesCreated: 1 });
  });
});

/** Peak resident memory of a process (Linux VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

describe('the bomb against a running server', () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  });

  // What matters is what the bomb adds: the start-up peak (bundle, migrations, argon2 at setup) grows with
  // the product and is the server's own business.
  it.skipIf(process.platform !== 'linux')("adds less than 50 MB to the server's peak memory", async () => {
    const headers = { 'content-type': 'application/json', origin: server.url };
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: uniqueEmail('admin'), password: PASSWORD, displayName: 'Admin' }),
    });
    const cookie = setup.headers.getSetCookie()[0]!.split(';')[0]!;
    const org = await fetch(`${server.url}/api/orgs`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ name: 'Org' }),
    });
    const { id } = (await org.json()) as { id: string };
    const before = peakRssMb(server.child.pid!);
    const t0 = performance.now();
    const r = await fetch(`${server.url}/api/orgs/${id}/people/import/preview`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ filename: 'agents.xlsx', contentBase64: b64(bomb) }),
    });
    const ms = performance.now() - t0;
    const peak = peakRssMb(server.child.pid!);
    console.log(
      `bomb: ${r.status} in ${Math.round(ms)} ms, server peak RSS ${Math.round(before)} MB before, ${Math.round(peak)} MB after`,
    );
    expect(r.status).toBe(413);
    expect(ms).toBeLessThan(1000);
    expect(peak - before).toBeLessThan(50);
    expect(peak).toBeLessThan(512);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
