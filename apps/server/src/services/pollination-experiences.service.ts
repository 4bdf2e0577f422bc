import type { ExperienceView } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  anonymiseTexts,
  EXPERIENCE_TEXT_FIELDS,
  type ExperienceDocument,
  type ExperienceLicence,
  type ExperienceTextField,
  experienceMarkdown,
  findNames,
  LICENCE_URLS,
} from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type ExperienceRow,
  pollinationRepository as repo,
  type StoredContact,
} from '../db/repositories/pollination.repository.ts';
import { AppError, conflict, forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { engagementFacts, methodName } from './pollination-profile.service.ts';

/**
 * The experience library's use-cases. An experience goes draft → anonymised → shared:
 * - anonymise rewrites its free texts with the roster's names (people and members) replaced, and the
 *   organisation's name when chosen (packages/core/src/pollination/anonymise.ts);
 * - share re-checks the texts against the roster of that moment and refuses while a name is left or a
 *   named contact has not agreed, so a name added to the roster after the anonymisation is caught too;
 * - any later edit of a text sends a shared experience back to draft (it leaves the library).
 * Who reads: leads see every experience of their organisation; others see shared ones (organisation or
 * instance visibility, or collective visibility when they belong to that collective).
 */

type Texts = Record<ExperienceTextField, string>;
const COLUMN: Record<ExperienceTextField, keyof ExperienceRow> = {
  title: 'title',
  context: 'context',
  question: 'question',
  whatHappened: 'what_happened',
  results: 'results',
  lessons: 'lessons',
  conditions: 'conditions',
  pitfalls: 'pitfalls',
};

export const textsOf = (row: ExperienceRow): Texts =>
  Object.fromEntries(EXPERIENCE_TEXT_FIELDS.map((f) => [f, String(row[COLUMN[f]])])) as Texts;

export const contactsOf = (row: ExperienceRow): StoredContact[] => row.contacts;

const canManage = (scope: OrgScope) => can(scope.role, 'methods.manage');

async function namesLeft(db: Db, scope: OrgScope, row: ExperienceRow) {
  const roster = await repo.roster(db, scope);
  const organisationNames = row.remove_organisation ? [await repo.organisationName(db, scope)] : [];
  const texts = textsOf(row);
  return EXPERIENCE_TEXT_FIELDS.flatMap((field) =>
    findNames(texts[field], roster, { organisationNames }).map((h) => ({
      field,
      text: h.text,
      personId: h.personId,
    })),
  );
}

export function experienceDocument(row: ExperienceRow): ExperienceDocument {
  const language = row.language === 'en' ? 'en' : 'fr';
  return {
    ...textsOf(row),
    icForms: row.ic_forms,
    cynefin: row.cynefin,
    methods: row.method_ids.map((id) => ({
      id,
      name: methodName(id, language),
    })),
    indicators: row.indicators,
    diagnosticDeltas: row.diagnostic_deltas,
    contacts: contactsOf(row)
      .filter((c) => c.consentedAt !== null)
      .map((c) => ({ name: c.name, role: c.role })),
    licence: row.licence as ExperienceLicence,
    sharedAt: row.shared_at,
  };
}

export async function presentExperience(
  db: Db,
  scope: OrgScope,
  row: ExperienceRow,
  organisationName: string | null,
): Promise<ExperienceView> {
  const doc = experienceDocument(row);
  const own = row.org_id === scope.orgId;
  const manage = own && canManage(scope);
  return {
    id: row.id,
    orgId: row.org_id,
    organisationName,
    engagementId: own ? row.engagement_id : null,
    collectiveId: own ? row.collective_id : null,
    ...textsOf(row),
    icForms: [...doc.icForms],
    cynefin: row.cynefin,
    methods: [...doc.methods],
    sector: row.sector,
    size: row.size,
    indicators: [...doc.indicators],
    diagnosticDeltas: [...doc.diagnosticDeltas],
    // Contacts who have not agreed are shown only to those who edit the experience.
    contacts: contactsOf(row)
      .filter((c) => manage || c.consentedAt !== null)
      .map((c) => ({
        id: c.id,
        name: c.name,
        role: c.role,
        personId: own ? c.personId : null,
        consentedAt: c.consentedAt,
      })),
    language: row.language === 'en' ? 'en' : 'fr',
    licence: row.licence as ExperienceLicence,
    visibility: row.visibility as ExperienceView['visibility'],
    status: row.status as ExperienceView['status'],
    removeOrganisation: row.remove_organisation === 1,
    anonymisedAt: row.anonymised_at,
    sharedAt: row.shared_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    namesLeft: manage ? await namesLeft(db, scope, row) : [],
    canEdit: manage,
  };
}

/** Whether the caller may read an experience of its own organisation. */
export async function canRead(db: Db, scope: OrgScope, row: ExperienceRow): Promise<boolean> {
  if (canManage(scope)) {
    return true;
  }
  if (row.status !== 'shared') {
    return false;
  }
  if (row.visibility === 'organisation' || row.visibility === 'instance') {
    return true;
  }
  return (
    row.collective_id !== null &&
    (await repo.collectiveIdsOfUser(db, scope, scope.userId)).includes(row.collective_id)
  );
}

async function requireReadable(db: Db, scope: OrgScope, id: string): Promise<ExperienceRow> {
  const row = await repo.findExperience(db, scope, id);
  if (!row || !(await canRead(db, scope, row))) {
    throw notFound('experience');
  }
  return row;
}

async function requireEditable(db: Db, scope: OrgScope, id: string): Promise<ExperienceRow> {
  const row = await repo.findExperience(db, scope, id);
  if (!row) {
    throw notFound('experience');
  }
  if (!canManage(scope)) {
    throw forbidden();
  }
  return row;
}

export async function readExperience(db: Db, scope: OrgScope, id: string) {
  const row = await requireReadable(db, scope, id);
  return presentExperience(db, scope, row, await repo.organisationName(db, scope));
}

export async function listExperiences(db: Db, scope: OrgScope) {
  const name = await repo.organisationName(db, scope);
  const rows = [];
  for (const row of await repo.experiencesOf(db, scope)) {
    if (await canRead(db, scope, row)) {
      rows.push(row);
    }
  }
  return {
    experiences: rows.map((row) => summaryOf(row, name)),
  };
}

export function summaryOf(row: ExperienceRow, organisationName: string | null) {
  const doc = experienceDocument(row);
  return {
    id: row.id,
    orgId: row.org_id,
    organisationName,
    engagementId: row.engagement_id,
    title: row.title,
    context: row.context.slice(0, 400),
    icForms: [...doc.icForms],
    cynefin: row.cynefin,
    methods: [...doc.methods],
    sector: row.sector,
    language: (row.language === 'en' ? 'en' : 'fr') as 'fr' | 'en',
    licence: row.licence as ExperienceLicence,
    visibility: row.visibility as ExperienceView['visibility'],
    status: row.status as ExperienceView['status'],
    updatedAt: row.updated_at,
  };
}

/** An engagement's data as the start of an experience; nothing is written. */
export async function experienceDraft(db: Db, scope: OrgScope, engagementId: string, language: 'fr' | 'en') {
  if (!canManage(scope)) {
    throw forbidden();
  }
  const engagement = await loadEngagement(db, scope, engagementId);
  const facts = await engagementFacts(db, scope, engagementId);
  return {
    engagementId,
    title: engagement.title,
    context: [engagement.request, engagement.context].filter((s) => s.trim() !== '').join('\n\n'),
    question: facts.question,
    whatHappened: '',
    results: '',
    lessons: '',
    conditions: '',
    pitfalls: '',
    icForms: facts.icForms,
    cynefin: facts.cynefin,
    methodIds: facts.methodIds,
    sector: '',
    size: facts.size,
    indicators: [],
    language,
    licence: 'CC-BY-4.0' as const,
    collectiveId: null,
    contacts: [],
    diagnosticDeltas: facts.deltas,
  };
}

interface ExperienceFields {
  title: string;
  context: string;
  question: string;
  whatHappened: string;
  results: string;
  lessons: string;
  conditions: string;
  pitfalls: string;
  icForms: string[];
  cynefin: string | null;
  methodIds: string[];
  sector: string;
  size: number | null;
  indicators: { label: string; value: string }[];
  language: 'fr' | 'en';
  licence: ExperienceLicence;
  collectiveId: string | null;
  contacts: { name: string; role: string; personId: string | null }[];
}

async function checkRefs(db: Db, scope: OrgScope, body: Partial<ExperienceFields>) {
  if (body.collectiveId && (await repo.collectives(db, scope, [body.collectiveId])).length === 0) {
    throw new AppError('VALIDATION_FAILED', 'unknown collective', { field: 'collectiveId' });
  }
  const personIds = (body.contacts ?? []).flatMap((c) => (c.personId ? [c.personId] : []));
  if ((await repo.people(db, scope, personIds)).length !== new Set(personIds).size) {
    throw new AppError('VALIDATION_FAILED', 'unknown person among contacts', { field: 'contacts' });
  }
}

/** Contacts keep their consent when the same person (or name) stays; a new contact starts without. */
function mergeContacts(previous: StoredContact[], next: ExperienceFields['contacts']): StoredContact[] {
  return next.map((c) => {
    const same = previous.find((p) =>
      c.personId ? p.personId === c.personId : p.name === c.name && !p.personId,
    );
    return {
      id: same?.id ?? newId(),
      name: c.name,
      role: c.role,
      personId: c.personId,
      consentedAt: same && same.name === c.name ? same.consentedAt : null,
      recordedBy: same && same.name === c.name ? same.recordedBy : null,
    };
  });
}

export async function createExperience(
  db: Db,
  scope: OrgScope,
  body: ExperienceFields & { engagementId: string | null },
  actor: Actor,
) {
  if (!canManage(scope)) {
    throw forbidden();
  }
  return db.transaction().execute(async (trx) => {
    await checkRefs(trx, scope, body);
    const facts = body.engagementId
      ? await engagementFacts(trx, scope, (await loadEngagement(trx, scope, body.engagementId)).id)
      : null;
    const now = nowIso();
    const row: ExperienceRow = {
      id: newId(),
      org_id: scope.orgId,
      engagement_id: body.engagementId,
      collective_id: body.collectiveId,
      title: body.title,
      context: body.context,
      question: body.question,
      what_happened: body.whatHappened,
      results: body.results,
      lessons: body.lessons,
      conditions: body.conditions,
      pitfalls: body.pitfalls,
      ic_forms: body.icForms,
      cynefin: body.cynefin,
      method_ids: body.methodIds,
      sector: body.sector,
      size: body.size,
      indicators: body.indicators,
      diagnostic_deltas: facts?.deltas ?? [],
      diagnostic_profile: facts?.profile ?? {},
      contacts: mergeContacts([], body.contacts),
      language: body.language,
      licence: body.licence,
      visibility: null,
      status: 'draft',
      remove_organisation: 0,
      anonymised_at: null,
      shared_at: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertExperience(trx, row);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_created',
      objectKind: 'experience',
      objectId: row.id,
      details: { engagementId: row.engagement_id },
    });
    return presentExperience(trx, scope, row, await repo.organisationName(trx, scope));
  });
}

export async function updateExperience(
  db: Db,
  scope: OrgScope,
  id: string,
  body: Partial<ExperienceFields>,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireEditable(trx, scope, id);
    await checkRefs(trx, scope, body);
    const patch: Partial<ExperienceRow> = { updated_at: nowIso() };
    for (const field of EXPERIENCE_TEXT_FIELDS) {
      if (body[field] !== undefined) {
        (patch as Record<string, unknown>)[COLUMN[field]] = body[field];
      }
    }
    const textChanged = EXPERIENCE_TEXT_FIELDS.some(
      (f) => body[f] !== undefined && body[f] !== textsOf(row)[f],
    );
    if (body.icForms) {
      patch.ic_forms = body.icForms;
    }
    if (body.cynefin !== undefined) {
      patch.cynefin = body.cynefin;
    }
    if (body.methodIds) {
      patch.method_ids = body.methodIds;
    }
    if (body.sector !== undefined) {
      patch.sector = body.sector;
    }
    if (body.size !== undefined) {
      patch.size = body.size;
    }
    if (body.indicators) {
      patch.indicators = body.indicators;
    }
    if (body.language) {
      patch.language = body.language;
    }
    if (body.licence) {
      patch.licence = body.licence;
    }
    if (body.collectiveId !== undefined) {
      patch.collective_id = body.collectiveId;
    }
    if (body.contacts) {
      patch.contacts = mergeContacts(contactsOf(row), body.contacts);
    }
    if (textChanged || body.contacts) {
      // A text written after the check has not been checked: back to draft, out of the library.
      Object.assign(patch, { status: 'draft', visibility: null, shared_at: null, anonymised_at: null });
    }
    await repo.updateExperience(trx, scope, id, patch);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_updated',
      objectKind: 'experience',
      objectId: id,
      details: { backToDraft: textChanged && row.status !== 'draft' },
    });
    return readExperience(trx, scope, id);
  });
}

/** Names of the roster (and the organisation when asked) replaced in every free text, in one numbering. */
export async function anonymiseExperience(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { removeOrganisation: boolean },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireEditable(trx, scope, id);
    const fr = row.language !== 'en';
    const result = anonymiseTexts(textsOf(row), await repo.roster(trx, scope), {
      organisationNames: body.removeOrganisation ? [await repo.organisationName(trx, scope)] : [],
      personLabel: fr ? 'personne' : 'person',
      organisationLabel: 'organisation',
    });
    const patch: Partial<ExperienceRow> = {
      remove_organisation: body.removeOrganisation ? 1 : 0,
      status: 'anonymised',
      anonymised_at: nowIso(),
      updated_at: nowIso(),
      visibility: null,
      shared_at: null,
    };
    for (const field of EXPERIENCE_TEXT_FIELDS) {
      (patch as Record<string, unknown>)[COLUMN[field]] = result.texts[field];
    }
    await repo.updateExperience(trx, scope, id, patch);
    const removed = Object.values(result.hits).reduce((n, hits) => n + hits.length, 0);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_anonymised',
      objectKind: 'experience',
      objectId: id,
      // The count only: the audit log must not keep the names that were removed.
      details: { removed, removeOrganisation: body.removeOrganisation },
    });
    return { experience: await readExperience(trx, scope, id), removed };
  });
}

/** A named contact agrees (or not): the person themself, or a lead recording what the person said. */
export async function setContactConsent(
  db: Db,
  scope: OrgScope,
  id: string,
  contactId: string,
  consented: boolean,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findExperience(trx, scope, id);
    const contact = row ? contactsOf(row).find((c) => c.id === contactId) : undefined;
    if (!row || !contact) {
      throw notFound('contact');
    }
    const own =
      contact.personId !== null &&
      (await repo.personIdsOfUser(trx, scope, scope.userId)).includes(contact.personId);
    if (!own && !canManage(scope)) {
      throw notFound('contact');
    }
    const contacts = contactsOf(row).map((c) =>
      c.id === contactId ? { ...c, consentedAt: consented ? nowIso() : null, recordedBy: scope.userId } : c,
    );
    const patch: Partial<ExperienceRow> = { contacts, updated_at: nowIso() };
    // Withdrawing takes the name out of what is shared at once (only agreed contacts are presented).
    await repo.updateExperience(trx, scope, id, patch);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: consented ? 'pollination.contact_consented' : 'pollination.contact_withdrawn',
      objectKind: 'experience',
      objectId: id,
      details: { contactId, self: own },
    });
    // The person agreeing may not read the draft itself: they get their own answer back.
    return { contactId, consentedAt: contacts.find((c) => c.id === contactId)?.consentedAt ?? null };
  });
}

export async function shareExperience(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { visibility: 'collective' | 'organisation' | 'instance'; licence?: ExperienceLicence | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireEditable(trx, scope, id);
    if (row.status === 'draft') {
      throw conflict('anonymise the experience before sharing it', { reason: 'not-anonymised' });
    }
    const left = await namesLeft(trx, scope, row);
    if (left.length > 0) {
      throw conflict('names of people are still in the texts', { reason: 'names-left', count: left.length });
    }
    const waiting = contactsOf(row).filter((c) => c.consentedAt === null);
    if (waiting.length > 0) {
      throw conflict('every named contact must agree first', {
        reason: 'contact-consent',
        contactIds: waiting.map((c) => c.id),
      });
    }
    if (body.visibility === 'collective' && !row.collective_id) {
      throw conflict('choose the collective first', { reason: 'no-collective' });
    }
    if (body.visibility === 'instance') {
      if (!can(scope.role, 'org.update')) {
        throw forbidden('only an owner shares with every organisation');
      }
      if (!(await repo.settings(trx, scope))?.instance_library_at) {
        throw conflict('the organisation has not joined the instance library', { reason: 'not-joined' });
      }
    }
    const now = nowIso();
    await repo.updateExperience(trx, scope, id, {
      status: 'shared',
      visibility: body.visibility,
      licence: body.licence ?? row.licence,
      shared_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_shared',
      objectKind: 'experience',
      objectId: id,
      details: { visibility: body.visibility, licence: body.licence ?? row.licence },
    });
    return readExperience(trx, scope, id);
  });
}

export async function unshareExperience(db: Db, scope: OrgScope, id: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    await requireEditable(trx, scope, id);
    await repo.updateExperience(trx, scope, id, {
      status: 'anonymised',
      visibility: null,
      shared_at: null,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_unshared',
      objectKind: 'experience',
      objectId: id,
      details: {},
    });
    return readExperience(trx, scope, id);
  });
}

export async function deleteExperience(db: Db, scope: OrgScope, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await requireEditable(trx, scope, id);
    await repo.deleteExperience(trx, scope, id);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.experience_deleted',
      objectKind: 'experience',
      objectId: id,
      details: {},
    });
  });
}

/** The experience as a file: JSON (the document plus its licence) or Markdown. */
export function exportExperience(row: ExperienceRow, organisationName: string | null, format: 'json' | 'md') {
  const doc = experienceDocument(row);
  if (format === 'md') {
    return experienceMarkdown(doc, row.language === 'en' ? 'en' : 'fr');
  }
  return JSON.stringify(
    {
      format: 'essaim.experience',
      version: 1,
      organisation: organisationName,
      language: row.language,
      ...doc,
      licenceUrl: LICENCE_URLS[doc.licence],
    },
    null,
    2,
  );
}

export async function exportOwnExperience(db: Db, scope: OrgScope, id: string, format: 'json' | 'md') {
  const row = await requireReadable(db, scope, id);
  return exportExperience(
    row,
    row.remove_organisation ? null : await repo.organisationName(db, scope),
    format,
  );
}
