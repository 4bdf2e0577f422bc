import { readCsv } from '@essaim/core';
import { type RosterParseResult, rowsToRoster } from '@essaim/core/engagements';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { peopleRepository } from '../db/repositories/people.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { echo, TABLE_LIMITS, tooLarge } from './spreadsheet-limits.ts';
import { readXlsxTable } from './xlsx-reader.ts';

const MAX_BYTES = 5 * 1024 * 1024;

/** Read an uploaded CSV or XLSX into a roster (first worksheet for XLSX; line = spreadsheet row). */
export async function readRosterFile(filename: string, contentBase64: string): Promise<RosterParseResult> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'the file is larger than 5 MB');
  }
  if (/\.csv$/i.test(filename)) {
    const { records, errors, limitExceeded } = readCsv(bytes.toString('utf8'), {
      limits: {
        maxRecords: TABLE_LIMITS.maxRows,
        maxFields: TABLE_LIMITS.maxColumns,
        maxFieldLength: TABLE_LIMITS.maxCellLength,
      },
    });
    if (limitExceeded) {
      throw tooLarge(
        `the file is over the import limits: ${limitExceeded.message} (line ${limitExceeded.line})`,
      );
    }
    const result = rowsToRoster(records.map((r) => ({ cells: r.fields, line: r.line })));
    return {
      ...result,
      errors: [
        ...errors.map((e) => ({
          line: e.line,
          column: null,
          code: 'MALFORMED' as const,
          message: e.message,
        })),
        ...result.errors,
      ],
    };
  }
  const table = await readXlsxTable(bytes);
  if (!table) {
    return {
      rows: [],
      collectives: [],
      attributeColumns: [],
      errors: [{ line: 1, column: null, code: 'MALFORMED', message: 'this is not a readable .xlsx file' }],
    };
  }
  return rowsToRoster(table);
}

const fold = (s: string) => s.trim().toLowerCase();

/** What an import would do, without writing: merges with existing people, collectives to create. */
export async function previewImport(db: Db, scope: OrgScope, parsed: RosterParseResult) {
  const emails = parsed.rows.map((r) => r.email).filter((e): e is string => e !== null);
  const existing = new Map(
    (await peopleRepository.findPeopleByEmails(db, scope, emails)).map((p) => [p.email!, p]),
  );
  const knownCollectives = new Set((await peopleRepository.collectives(db, scope)).map((c) => fold(c.name)));
  return {
    ok: parsed.errors.length === 0,
    rows: parsed.rows.length,
    errors: parsed.errors,
    merges: parsed.rows
      .filter((r) => r.mergedLines.length > 0 || (r.email !== null && existing.has(r.email)))
      .map((r) => ({
        email: r.email ?? '',
        lines: [r.line, ...r.mergedLines],
        existingPersonId: (r.email && existing.get(r.email)?.id) || null,
      })),
    people: parsed.rows.map((r) => ({
      line: r.line,
      displayName: r.displayName,
      email: r.email,
      title: r.title,
      collectives: r.collectives,
      attributes: r.attributes,
      action: r.email !== null && existing.has(r.email) ? ('update' as const) : ('create' as const),
    })),
    collectivesToCreate: parsed.collectives.filter((c) => !knownCollectives.has(fold(c.name))),
    attributeColumns: parsed.attributeColumns,
  };
}

type Preview = Awaited<ReturnType<typeof previewImport>>;

/** The preview as sent back: every value from the file truncated, so it never grows with a hostile cell. */
export function echoPreview(p: Preview): Preview {
  const all = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [echo(k), echo(v)]));
  return {
    ...p,
    errors: p.errors.map((e) => ({
      ...e,
      column: e.column === null ? null : echo(e.column),
      message: echo(e.message),
    })),
    merges: p.merges.map((m) => ({ ...m, email: echo(m.email) })),
    people: p.people.map((r) => ({
      ...r,
      displayName: echo(r.displayName),
      email: r.email === null ? null : echo(r.email),
      title: echo(r.title),
      collectives: r.collectives.map(echo),
      attributes: all(r.attributes),
    })),
    collectivesToCreate: p.collectivesToCreate.map((c) => ({
      ...c,
      name: echo(c.name),
      parent: c.parent === null ? null : echo(c.parent),
    })),
    attributeColumns: p.attributeColumns.map(echo),
  };
}

/**
 * Import all-or-nothing: any line error → VALIDATION_FAILED with every error, nothing written.
 * Otherwise one transaction creates the collectives, creates or updates people, links them.
 */
export async function commitImport(
  db: Db,
  scope: OrgScope,
  filename: string,
  parsed: RosterParseResult,
  actor: Actor,
) {
  if (parsed.errors.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the file has ${parsed.errors.length} error(s); nothing was imported`,
      parsed.errors.map((e) => ({
        ...e,
        column: e.column === null ? null : echo(e.column),
        message: echo(e.message),
      })),
    );
  }
  return db.transaction().execute(async (trx) => {
    const preview = await previewImport(trx, scope, parsed);
    const now = nowIso();
    const collectiveIds = new Map(
      (await peopleRepository.collectives(trx, scope)).map((c) => [fold(c.name), c.id]),
    );
    // Parents first: a parent named in the file may itself be new.
    const pending = [...preview.collectivesToCreate];
    let guard = pending.length + 1;
    while (pending.length > 0 && guard-- > 0) {
      for (const c of [...pending]) {
        if (c.parent && !collectiveIds.has(fold(c.parent))) {
          continue;
        }
        const id = newId();
        await peopleRepository.insertCollective(trx, scope, {
          id,
          name: c.name,
          kind: c.kind,
          parent_id: c.parent ? collectiveIds.get(fold(c.parent))! : null,
          created_at: now,
        });
        collectiveIds.set(fold(c.name), id);
        pending.splice(pending.indexOf(c), 1);
      }
    }
    if (pending.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'collective parents form a cycle', pending);
    }
    const existing = new Map(
      (
        await peopleRepository.findPeopleByEmails(
          trx,
          scope,
          parsed.rows.flatMap((r) => (r.email ? [r.email] : [])),
        )
      ).map((p) => [p.email!, p]),
    );
    let created = 0;
    let updated = 0;
    for (const r of parsed.rows) {
      const cids = r.collectives.map((n) => collectiveIds.get(fold(n))!);
      const found = r.email ? existing.get(r.email) : undefined;
      if (found) {
        const attrs = { ...found.attributes, ...r.attributes };
        await peopleRepository.updatePerson(trx, scope, found.id, {
          display_name: r.displayName,
          title: r.title || found.title,
          attributes: attrs,
          updated_at: now,
        });
        await peopleRepository.addCollectives(trx, found.id, cids);
        updated++;
      } else {
        const id = newId();
        await peopleRepository.insertPerson(trx, scope, {
          id,
          display_name: r.displayName,
          email: r.email,
          title: r.title,
          attributes: r.attributes,
          user_id: null,
          created_at: now,
          updated_at: now,
        });
        await peopleRepository.addCollectives(trx, id, cids);
        created++;
      }
    }
    const collectivesCreated = preview.collectivesToCreate.length;
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'people.imported',
      details: { filename, created, updated, collectivesCreated },
    });
    return { created, updated, collectivesCreated, merges: preview.merges };
  });
}
