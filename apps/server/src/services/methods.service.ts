import type { CreateCustomMethodBody, MethodNote, MethodsQuery, MethodView } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  findMethodById,
  type LocalizedText,
  METHOD_CATALOGUE,
  METHOD_SCHEMA_VERSION,
  type Method,
  searchMethods,
} from '@essaim/core/methods';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type MethodNoteRow, methodsRepository } from '../db/repositories/methods.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { registerPersonalData } from './personal-data.ts';

/**
 * The method library: the shared catalogue (packages/core/src/methods, see docs/methods.md) plus each
 * organisation's own methods, and the private notes and variants it keeps on any of them. Notes are
 * the organisation's working knowledge: owners and facilitators (`methods.manage`) read and write them.
 */

export const CUSTOM_PREFIX = 'custom-';
const CATALOGUE_IDS = new Set(METHOD_CATALOGUE.map((m) => m.id));

type Localized = { fr: string; en: string };
const both = (v: Localized): LocalizedText => ({ fr: v.fr || v.en, en: v.en || v.fr });

/** Stored JSON of a custom method: the body as given (one language may be empty). */
type CustomData = CreateCustomMethodBody;

function customToMethod(id: string, d: CustomData): Method {
  return {
    id,
    name: both(d.name),
    family: d.family,
    icForms: d.icForms,
    groupSize: d.groupSize,
    durationMinutes: d.durationMinutes,
    facilitationSkill: d.facilitationSkill as Method['facilitationSkill'],
    trustRequired: d.trustRequired as Method['trustRequired'],
    mode: d.mode,
    cynefin: d.cynefin,
    purpose: both(d.purpose),
    steps: d.steps.map(both),
    advantages: d.advantages.map(both),
    drawbacks: d.drawbacks.map(both),
    contraIndications: d.contraIndications.map(both),
    materials: d.materials.map(both),
    source: d.source,
    credit: d.credit,
  };
}

export function presentMethod(m: Method, noteCount = 0): MethodView {
  return {
    id: m.id,
    origin: m.id.startsWith(CUSTOM_PREFIX) ? 'custom' : 'catalogue',
    name: m.name,
    family: m.family,
    icForms: [...m.icForms],
    groupSize: m.groupSize,
    durationMinutes: m.durationMinutes,
    elapsedDays: m.elapsedDays ?? null,
    facilitationSkill: m.facilitationSkill,
    trustRequired: m.trustRequired,
    mode: m.mode,
    cynefin: [...m.cynefin],
    purpose: m.purpose,
    steps: [...m.steps],
    advantages: [...m.advantages],
    drawbacks: [...m.drawbacks],
    contraIndications: [...m.contraIndications],
    materials: [...m.materials],
    source: m.source,
    credit: m.credit,
    liveActivity: m.liveActivity ?? null,
    noteCount,
  };
}

/** The catalogue followed by the organisation's own methods. */
export async function libraryOf(db: Db, scope: OrgScope): Promise<Method[]> {
  const custom = await methodsRepository.listCustom(db, scope);
  return [...METHOD_CATALOGUE, ...custom.map((r) => customToMethod(r.id, r.data))];
}

/** One method of the library (catalogue or this organisation's), or 404. */
export async function requireMethod(db: Db, scope: OrgScope, methodId: string): Promise<Method> {
  const fromCatalogue = findMethodById(METHOD_CATALOGUE, methodId);
  if (fromCatalogue) {
    return fromCatalogue;
  }
  const row = methodId.startsWith(CUSTOM_PREFIX)
    ? await methodsRepository.getCustom(db, scope, methodId)
    : undefined;
  if (!row) {
    throw notFound('method');
  }
  return customToMethod(row.id, row.data);
}

const canSeeNotes = (scope: OrgScope) => can(scope.role, 'methods.manage');

export async function listMethods(db: Db, scope: OrgScope, query: MethodsQuery) {
  const library = await libraryOf(db, scope);
  const hits = searchMethods(library, {
    ...(query.q ? { query: query.q } : {}),
    ...(query.lang ? { language: query.lang } : {}),
    filters: {
      ...(query.families?.length ? { families: query.families } : {}),
      ...(query.icForms?.length ? { icForms: query.icForms } : {}),
      ...(query.groupSize ? { groupSize: query.groupSize } : {}),
      ...(query.maxDuration ? { maxDurationMinutes: query.maxDuration } : {}),
      ...(query.mode ? { mode: query.mode } : {}),
      ...(query.maxSkill ? { maxSkill: query.maxSkill as 1 | 2 | 3 } : {}),
      ...(query.maxTrust ? { maxTrust: query.maxTrust as 1 | 2 | 3 | 4 | 5 } : {}),
    },
  });
  const counts = canSeeNotes(scope)
    ? await methodsRepository.noteCounts(db, scope)
    : new Map<string, number>();
  const methods = hits
    .map((h) => presentMethod(h.method, counts.get(h.method.id) ?? 0))
    .filter((m) => !query.origin || m.origin === query.origin);
  return {
    methods,
    total: methods.length,
    catalogueSize: METHOD_CATALOGUE.length,
    schemaVersion: METHOD_SCHEMA_VERSION,
  };
}

function presentNote(r: MethodNoteRow): MethodNote {
  return {
    id: r.id,
    methodId: r.method_id,
    kind: r.kind as MethodNote['kind'],
    title: r.title,
    body: r.body,
    authorName: r.author_name ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function readMethod(db: Db, scope: OrgScope, methodId: string) {
  const method = await requireMethod(db, scope, methodId);
  const visible = canSeeNotes(scope);
  const notes = visible ? (await methodsRepository.notes(db, scope, methodId)).map(presentNote) : [];
  return { method: presentMethod(method, notes.length), notes, canSeeNotes: visible };
}

export async function createCustomMethod(db: Db, scope: OrgScope, body: CustomData, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const id = `${CUSTOM_PREFIX}${newId()}`;
    const now = nowIso();
    await methodsRepository.insertCustom(trx, scope, {
      id,
      data: body,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.custom_created',
      objectKind: 'method',
      objectId: id,
      details: { name: body.name },
    });
    return readMethod(trx, scope, id);
  });
}

export async function updateCustomMethod(
  db: Db,
  scope: OrgScope,
  methodId: string,
  patch: Partial<CustomData>,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await methodsRepository.getCustom(trx, scope, methodId);
    if (!row) {
      throw notFound('custom method');
    }
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...row.data, ...defined };
    await methodsRepository.updateCustom(trx, scope, methodId, next, nowIso());
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.custom_updated',
      objectKind: 'method',
      objectId: methodId,
      details: { fields: Object.keys(defined) },
    });
    return readMethod(trx, scope, methodId);
  });
}

export async function deleteCustomMethod(db: Db, scope: OrgScope, methodId: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    if ((await methodsRepository.deleteCustom(trx, scope, methodId)) === 0) {
      throw notFound('custom method');
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.custom_deleted',
      objectKind: 'method',
      objectId: methodId,
    });
  });
}

export async function addMethodNote(
  db: Db,
  scope: OrgScope,
  methodId: string,
  body: { kind: 'note' | 'variant'; title: string; body: string },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireMethod(trx, scope, methodId);
    const id = newId();
    const now = nowIso();
    await methodsRepository.insertNote(trx, scope, {
      id,
      method_id: methodId,
      kind: body.kind,
      title: body.title,
      body: body.body,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.note_added',
      objectKind: 'method_note',
      objectId: id,
      details: { methodId, kind: body.kind },
    });
    return { notes: (await methodsRepository.notes(trx, scope, methodId)).map(presentNote) };
  });
}

export async function updateMethodNote(
  db: Db,
  scope: OrgScope,
  methodId: string,
  noteId: string,
  patch: { title?: string | undefined; body?: string | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    if (!(await methodsRepository.getNote(trx, scope, methodId, noteId))) {
      throw notFound('note');
    }
    await methodsRepository.updateNote(trx, scope, noteId, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.note_updated',
      objectKind: 'method_note',
      objectId: noteId,
      details: { methodId },
    });
    return { notes: (await methodsRepository.notes(trx, scope, methodId)).map(presentNote) };
  });
}

export async function deleteMethodNote(
  db: Db,
  scope: OrgScope,
  methodId: string,
  noteId: string,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    if ((await methodsRepository.deleteNote(trx, scope, methodId, noteId)) === 0) {
      throw notFound('note');
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'methods.note_deleted',
      objectKind: 'method_note',
      objectId: noteId,
      details: { methodId },
    });
    return { notes: (await methodsRepository.notes(trx, scope, methodId)).map(presentNote) };
  });
}

/** Notes are written by a person: exported with their account, removed or detached on erasure. */
registerPersonalData({
  name: 'method-notes',
  async export(db, userId) {
    return db
      .selectFrom('method_notes')
      .select(['org_id', 'method_id', 'kind', 'title', 'body', 'created_at', 'updated_at'])
      .where('created_by', '=', userId)
      .execute();
  },
  async erase(db, userId, orgId, policy) {
    if (policy === 'delete') {
      await db
        .deleteFrom('method_notes')
        .where('created_by', '=', userId)
        .where('org_id', '=', orgId)
        .execute();
    } else {
      await db
        .updateTable('method_notes')
        .set({ created_by: null })
        .where('created_by', '=', userId)
        .where('org_id', '=', orgId)
        .execute();
    }
    for (const table of ['custom_methods', 'agendas'] as const) {
      await db
        .updateTable(table)
        .set({ created_by: null })
        .where('created_by', '=', userId)
        .where('org_id', '=', orgId)
        .execute();
    }
  },
});

export const isCatalogueId = (id: string) => CATALOGUE_IDS.has(id);
