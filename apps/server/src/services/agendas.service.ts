import type { AgendaItemInput, AgendaView, AgendaWorkshopActivityResult } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  ACTIVITY_KINDS,
  ACTIVITY_MODULES,
  type ActivityKind,
  type ActivitySpec,
  resultsOf,
  type WorkshopState,
} from '@essaim/core/live';
import {
  AGENDA_TEMPLATES,
  type AgendaItem,
  composeAgenda,
  exportAgenda,
  instantiateTemplate,
  type Language,
  type LiveStep,
  liveStepsOf,
  type Method,
} from '@essaim/core/methods';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type AgendaRow, agendasRepository } from '../db/repositories/agendas.repository.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import type { LiveRuntime } from './live.service.ts';
import { libraryOf } from './methods.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { createWorkshop, loadWorkshop, rankedLabels } from './workshops.service.ts';

/**
 * Session agendas: ordered items (methods of the library, custom blocks, breaks) with durations, start
 * time, notes and materials. Times, totals and warnings come from core `composeAgenda`; templates and the
 * JSON export from core too (docs/methods.md §5). Facilitator notes are for owners and facilitators: other
 * roles receive the participant version.
 */

/** The workshop activity an item was last turned into (kept across edits of the agenda). */
interface WorkshopActivityLink {
  workshopId: string;
  activityId: string;
}
type StoredItem = AgendaItemInput & { id: string; workshopActivity?: WorkshopActivityLink };

const isFacilitator = (scope: OrgScope) => can(scope.role, 'methods.manage');

function toCore(item: StoredItem): AgendaItem {
  switch (item.kind) {
    case 'method':
      return {
        kind: 'method',
        methodId: item.methodId,
        durationMinutes: item.durationMinutes,
        ...(item.notes ? { notes: item.notes } : {}),
        ...(item.materials?.length ? { materials: item.materials } : {}),
      };
    case 'custom':
      return {
        kind: 'custom',
        title: item.title,
        durationMinutes: item.durationMinutes,
        ...(item.notes ? { notes: item.notes } : {}),
        ...(item.materials?.length ? { materials: item.materials } : {}),
      };
    default:
      return {
        kind: 'break',
        durationMinutes: item.durationMinutes,
        ...(item.label ? { label: item.label } : {}),
      };
  }
}

function present(row: AgendaRow, library: readonly Method[], withNotes: boolean): AgendaView {
  const stored = row.items;
  const composed = composeAgenda(
    {
      title: row.title,
      start: row.start,
      ...(row.available_minutes !== null ? { availableMinutes: row.available_minutes } : {}),
      items: stored.map(toCore),
    },
    library,
  );
  const fr = exportAgenda(composed, library, 'fr').items;
  const en = exportAgenda(composed, library, 'en').items;
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    date: row.date,
    start: composed.start,
    end: composed.end,
    availableMinutes: row.available_minutes,
    totalMinutes: composed.totalMinutes,
    breakMinutes: composed.breakMinutes,
    remainingMinutes: composed.remainingMinutes,
    isOverTime: composed.isOverTime,
    items: stored.map((item, i) => ({
      id: item.id,
      kind: item.kind,
      methodId: item.kind === 'method' ? item.methodId : null,
      title: { fr: fr[i]?.title ?? '', en: en[i]?.title ?? '' },
      durationMinutes: item.durationMinutes,
      notes: withNotes ? (fr[i]?.notes ?? '') : '',
      materials: item.kind === 'break' ? [] : (item.materials ?? []),
      methodMaterials:
        item.kind === 'method' ? [...(library.find((m) => m.id === item.methodId)?.materials ?? [])] : [],
      start: fr[i]?.start ?? '',
      end: fr[i]?.end ?? '',
      dayOffset: fr[i]?.dayOffset ?? 0,
      liveActivity: item.kind === 'method' ? (liveKindOf(library, item.methodId) ?? null) : null,
      liveSequence:
        item.kind === 'method' ? liveStepsOfMethod(library, item.methodId).map((step) => step.kind) : [],
      workshopActivity: item.workshopActivity ?? null,
    })),
    warnings: composed.warnings.map((w) => ({ ...w })),
    hasFacilitatorNotes: withNotes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function requireAgenda(db: Db, scope: OrgScope, id: string): Promise<AgendaRow> {
  const row = await agendasRepository.get(db, scope, id);
  if (!row) {
    throw notFound('agenda');
  }
  return row;
}

/** The live activity kind of a method, when it has one the live workshop runs (not `opinionMap`). */
function liveKindOf(library: readonly Method[], methodId: string): ActivityKind | undefined {
  const kind = library.find((m) => m.id === methodId)?.liveActivity;
  return (ACTIVITY_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as ActivityKind)
    : liveStepsOfMethod(library, methodId)[0]?.kind;
}

/** The live steps a method starts (its sequence, else its one activity), only kinds the workshop runs. */
function liveStepsOfMethod(
  library: readonly Method[],
  methodId: string,
): (LiveStep & { kind: ActivityKind })[] {
  return liveStepsOf(library.find((m) => m.id === methodId)).filter(
    (step): step is LiveStep & { kind: ActivityKind } =>
      (ACTIVITY_KINDS as readonly string[]).includes(step.kind),
  );
}

/**
 * Give every item an id (kept when given) and check that each method exists in the library. An item
 * that keeps its id and method keeps its link to a workshop activity.
 */
function normaliseItems(
  items: readonly AgendaItemInput[],
  library: readonly Method[],
  previous: readonly StoredItem[] = [],
): StoredItem[] {
  const known = new Set(library.map((m) => m.id));
  const before = new Map(previous.map((p) => [p.id, p]));
  const seen = new Set<string>();
  return items.map((item) => {
    if (item.kind === 'method' && !known.has(item.methodId)) {
      throw new AppError('VALIDATION_FAILED', `unknown method ${item.methodId}`, { methodId: item.methodId });
    }
    const id = item.id && !seen.has(item.id) ? item.id : newId();
    seen.add(id);
    const { workshopActivity: _ignored, ...clean } = item as StoredItem;
    const old = before.get(id);
    const link =
      old?.workshopActivity &&
      old.kind === 'method' &&
      item.kind === 'method' &&
      old.methodId === item.methodId
        ? { workshopActivity: old.workshopActivity }
        : {};
    return { ...clean, id, ...link };
  });
}

/** An agenda linked to an engagement is an input of that engagement: checked and guarded. */
async function guardEngagement(db: Db, scope: OrgScope, engagementId: string | null | undefined) {
  if (engagementId) {
    await loadEngagement(db, scope, engagementId);
    await assertEngagementAcceptsInput(db, engagementId);
  }
}

export async function listAgendas(db: Db, scope: OrgScope, engagementId?: string) {
  const library = await libraryOf(db, scope);
  const rows = await agendasRepository.list(db, scope, engagementId);
  return {
    agendas: rows.map((r) => {
      const v = present(r, library, false);
      return {
        id: v.id,
        engagementId: v.engagementId,
        title: v.title,
        date: v.date,
        start: v.start,
        end: v.end,
        totalMinutes: v.totalMinutes,
        availableMinutes: v.availableMinutes,
        isOverTime: v.isOverTime,
        updatedAt: v.updatedAt,
      };
    }),
  };
}

export async function readAgenda(db: Db, scope: OrgScope, id: string) {
  const row = await requireAgenda(db, scope, id);
  return present(row, await libraryOf(db, scope), isFacilitator(scope));
}

export function listAgendaTemplates() {
  return {
    templates: AGENDA_TEMPLATES.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      totalMinutes: t.steps.reduce((s, step) => s + step.durationMinutes, 0),
      steps: t.steps.map((s) => ({ label: s.label, kind: s.kind, methodId: s.methodId })),
    })),
  };
}

export async function createAgenda(
  db: Db,
  scope: OrgScope,
  body: {
    title: string;
    engagementId?: string | null | undefined;
    date?: string | null | undefined;
    start: string;
    availableMinutes?: number | null | undefined;
    items: AgendaItemInput[];
    templateId?: string | undefined;
    language?: Language | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await guardEngagement(trx, scope, body.engagementId);
    const library = await libraryOf(trx, scope);
    let items: AgendaItemInput[] = body.items;
    if (body.templateId) {
      if (!AGENDA_TEMPLATES.some((t) => t.id === body.templateId)) {
        throw new AppError('VALIDATION_FAILED', `unknown template ${body.templateId}`);
      }
      const fromTemplate = instantiateTemplate(
        body.templateId,
        {
          start: body.start,
          title: body.title,
          language: body.language ?? 'fr',
          ...(body.availableMinutes ? { availableMinutes: body.availableMinutes } : {}),
        },
        library,
      );
      items = [
        ...fromTemplate.items.map(
          (i) =>
            ({
              ...i,
              ...('materials' in i ? { materials: [...(i.materials ?? [])] } : {}),
            }) as AgendaItemInput,
        ),
        ...body.items,
      ];
    }
    const now = nowIso();
    const row = {
      id: newId(),
      engagement_id: body.engagementId ?? null,
      title: body.title,
      date: body.date ?? null,
      start: body.start,
      available_minutes: body.availableMinutes ?? null,
      items: normaliseItems(items, library),
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await agendasRepository.insert(trx, scope, row);
    await audit(trx, actor, scope, row.engagement_id, 'agenda.created', row.id, { title: row.title });
    return present({ ...row, org_id: scope.orgId }, library, true);
  });
}

async function audit(
  db: Db,
  actor: Actor,
  scope: OrgScope,
  engagementId: string | null,
  kind: string,
  agendaId: string,
  data: Record<string, unknown> = {},
) {
  if (engagementId) {
    await recordEngagementEvent(db, actor, {
      orgId: scope.orgId,
      engagementId,
      kind,
      objectKind: 'agenda',
      objectId: agendaId,
      data,
    });
  } else {
    await recordAudit(db, actor, {
      orgId: scope.orgId,
      action: kind,
      objectKind: 'agenda',
      objectId: agendaId,
      details: data,
    });
  }
}

export async function updateAgenda(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: {
    title?: string | undefined;
    engagementId?: string | null | undefined;
    date?: string | null | undefined;
    start?: string | undefined;
    availableMinutes?: number | null | undefined;
    items?: AgendaItemInput[] | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireAgenda(trx, scope, id);
    await guardEngagement(trx, scope, row.engagement_id);
    if (patch.engagementId !== undefined && patch.engagementId !== row.engagement_id) {
      await guardEngagement(trx, scope, patch.engagementId);
    }
    const library = await libraryOf(trx, scope);
    const set: Partial<AgendaRow> = { updated_at: nowIso() };
    if (patch.title !== undefined) {
      set.title = patch.title;
    }
    if (patch.engagementId !== undefined) {
      set.engagement_id = patch.engagementId;
    }
    if (patch.date !== undefined) {
      set.date = patch.date;
    }
    if (patch.start !== undefined) {
      set.start = patch.start;
    }
    if (patch.availableMinutes !== undefined) {
      set.available_minutes = patch.availableMinutes;
    }
    if (patch.items !== undefined) {
      set.items = normaliseItems(patch.items, library, row.items);
    }
    await agendasRepository.update(trx, scope, id, set);
    await audit(trx, actor, scope, set.engagement_id ?? row.engagement_id, 'agenda.updated', id, {
      fields: Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined),
    });
    return present(await requireAgenda(trx, scope, id), library, true);
  });
}

/** Reorder: the full list of item ids in the new order. */
export async function reorderAgenda(db: Db, scope: OrgScope, id: string, itemIds: string[], actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const row = await requireAgenda(trx, scope, id);
    await guardEngagement(trx, scope, row.engagement_id);
    const items = row.items;
    const byId = new Map(items.map((i) => [i.id, i]));
    if (
      itemIds.length !== items.length ||
      new Set(itemIds).size !== itemIds.length ||
      !itemIds.every((i) => byId.has(i))
    ) {
      throw new AppError('VALIDATION_FAILED', 'give every item of the agenda exactly once');
    }
    await agendasRepository.update(trx, scope, id, {
      items: itemIds.flatMap((i) => byId.get(i) ?? []),
      updated_at: nowIso(),
    });
    await audit(trx, actor, scope, row.engagement_id, 'agenda.reordered', id);
    return present(await requireAgenda(trx, scope, id), await libraryOf(trx, scope), true);
  });
}

export async function deleteAgenda(db: Db, scope: OrgScope, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const row = await requireAgenda(trx, scope, id);
    await agendasRepository.delete(trx, scope, id);
    await audit(trx, actor, scope, row.engagement_id, 'agenda.deleted', id, { title: row.title });
  });
}

/**
 * The stable JSON export (`essaim.agenda` v1). The participant version carries no facilitator notes;
 * roles without `methods.manage` only ever get that one.
 */
export async function exportAgendaJson(
  db: Db,
  scope: OrgScope,
  id: string,
  version: 'facilitator' | 'participant',
  language: Language,
) {
  const row = await requireAgenda(db, scope, id);
  const library = await libraryOf(db, scope);
  const stored = row.items;
  const composed = composeAgenda(
    {
      title: row.title,
      start: row.start,
      ...(row.available_minutes !== null ? { availableMinutes: row.available_minutes } : {}),
      items: stored.map(toCore),
    },
    library,
  );
  const exported = exportAgenda(composed, library, language);
  const effective = isFacilitator(scope) ? version : 'participant';
  return {
    ...exported,
    date: row.date,
    audience: effective,
    items: exported.items.map((i) => (effective === 'participant' ? { ...i, notes: '' } : i)),
    warnings: effective === 'participant' ? [] : exported.warnings,
  };
}

const PLACEHOLDERS = { fr: ['Option A', 'Option B', 'Option C'], en: ['Option A', 'Option B', 'Option C'] };

/** Items for a vote-like activity: given, else the latest results of the workshop, else placeholders. */
function itemsFor(state: WorkshopState, given: readonly string[] | undefined, language: Language) {
  let labels = given ? [...given] : [];
  for (let i = state.activityOrder.length - 1; i >= 0 && labels.length < 2; i--) {
    const id = state.activityOrder[i] as string;
    labels = rankedLabels(resultsOf(state, id, { role: 'facilitator' })).slice(0, 12);
  }
  if (labels.length < 2) {
    labels = PLACEHOLDERS[language];
  }
  const unique = [...new Set(labels.map((l) => l.trim().slice(0, 200)).filter((l) => l.length > 0))];
  return unique.map((label, i) => ({ id: `i${i + 1}`, label }));
}

/**
 * The activity an agenda item starts as: its kind's module says which config (`fromAgenda`), from the
 * item's title, notes (the proposal of consent, fist-to-five and gradients), duration (a timer) and the
 * workshop it joins (the items of a vote, a cluster's brainstorm). The facilitator adjusts the run in
 * the console.
 */
function defaultSpec(
  step: LiveStep & { kind: ActivityKind },
  title: string,
  item: StoredItem,
  state: WorkshopState,
  given: readonly string[] | undefined,
  language: Language,
): ActivitySpec {
  const kind = step.kind;
  const proposal = (item.kind !== 'break' && item.notes?.trim()) || title;
  const start = ACTIVITY_MODULES[kind].fromAgenda({
    title,
    proposal,
    durationMinutes: step.minutes ?? item.durationMinutes,
    ...(step.groupSize === undefined ? {} : { groupSize: step.groupSize }),
    state,
    items: () => itemsFor(state, given, language),
  });
  if (!start.ok) {
    throw new AppError('CONFLICT', start.message, { reason: start.reason });
  }
  return { type: kind, title, config: start.config } as ActivitySpec;
}

/**
 * Turn an agenda item whose method has a live activity into an activity of a workshop: the given one
 * (of the same engagement), else the one this item already went to, else a new workshop of the agenda's
 * engagement. The activity goes through the live engine's ordinary command path (`activity.add`, an
 * event like any other) with a command id derived from the item, so doing it twice adds it once.
 */
export async function turnItemIntoWorkshopActivity(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  agendaId: string,
  itemId: string,
  body: { workshopId?: string | undefined; items?: string[] | undefined },
  actor: Actor,
  language: Language,
): Promise<AgendaWorkshopActivityResult> {
  const row = await requireAgenda(db, scope, agendaId);
  await guardEngagement(db, scope, row.engagement_id);
  const library = await libraryOf(db, scope);
  const stored = row.items;
  const item = stored.find((i) => i.id === itemId);
  if (!item) {
    throw notFound('agenda item');
  }
  const kind = item.kind === 'method' ? liveKindOf(library, item.methodId) : undefined;
  if (item.kind !== 'method' || kind === undefined) {
    throw new AppError('CONFLICT', 'the method of this item has no live activity');
  }
  const view = present(row, library, true).items.find((i) => i.id === itemId);
  const title = (view?.title[language] || view?.title.fr || row.title).slice(0, 200);

  let workshopId = body.workshopId ?? item.workshopActivity?.workshopId;
  let isNewWorkshop = false;
  if (workshopId !== undefined) {
    const workshop = await workshopsRepository.get(db, scope, workshopId);
    const isUsable =
      workshop && workshop.status !== 'stopped' && workshop.engagement_id === row.engagement_id;
    if (body.workshopId !== undefined) {
      const checked = await loadWorkshop(db, scope, body.workshopId);
      if (checked.engagement_id !== row.engagement_id) {
        throw new AppError('CONFLICT', 'this workshop belongs to another engagement');
      }
      if (checked.status === 'stopped') {
        throw new AppError('CONFLICT', 'this workshop has ended');
      }
    } else if (!isUsable) {
      workshopId = undefined;
    }
  }
  if (workshopId === undefined) {
    const created = await createWorkshop(
      db,
      scope,
      { title: row.title, ...(row.engagement_id ? { engagementId: row.engagement_id } : {}) },
      actor,
    );
    workshopId = created.id;
    isNewWorkshop = true;
  }

  // Every step of the method's sequence (1-2-4-All: pairs, fours, everyone, with timers), each through
  // the engine's ordinary command path with a command id derived from the item and the step, so doing
  // it twice adds each once. The state is read again before each step: a later step builds on the
  // earlier ones (fours merge the pairs).
  const steps = item.kind === 'method' ? liveStepsOfMethod(library, item.methodId) : [];
  const activityIds: string[] = [];
  let isNewActivity = false;
  for (const [index, step] of steps.entries()) {
    const read: { state?: WorkshopState } = {};
    await live.engine.read(workshopId, (s) => {
      read.state = structuredClone(s);
    });
    if (!read.state) {
      throw new Error(`workshop ${workshopId} was not read`);
    }
    const stepTitle = (step.title?.[language] || step.title?.fr || title).slice(0, 200);
    const spec = defaultSpec(step, stepTitle, item, read.state, body.items, language);
    const result = await live.submitSystem(
      workshopId,
      {
        type: 'activity.add',
        activity: spec,
        commandId: index === 0 ? `agenda-item-${itemId}` : `agenda-item-${itemId}-${index}`,
        actor: { role: 'facilitator' },
      },
      false,
    );
    if (!result.ok) {
      throw new AppError(
        result.code === 'PAUSED'
          ? 'ENGAGEMENT_PAUSED'
          : result.code === 'STOPPED'
            ? 'ENGAGEMENT_STOPPED'
            : result.code === 'INVALID'
              ? 'VALIDATION_FAILED'
              : 'CONFLICT',
        result.message,
      );
    }
    isNewActivity ||= !result.isDuplicate;
    const [added] = await workshopsRepository.parsedEventsAfter(db, workshopId, result.seq - 1, 1);
    const event = added?.event ?? null;
    if (event?.type !== 'activity.added') {
      throw new AppError('CONFLICT', 'the activity could not be found in the workshop log');
    }
    activityIds.push(event.activityId);
  }
  const activityId = activityIds[0] as string;
  const link = { workshopId, activityId };
  await db.transaction().execute(async (trx) => {
    const current = await requireAgenda(trx, scope, agendaId);
    const items = current.items.map((i) => (i.id === itemId ? { ...i, workshopActivity: link } : i));
    await agendasRepository.update(trx, scope, agendaId, {
      items,
      updated_at: nowIso(),
    });
    if (isNewActivity) {
      await audit(trx, actor, scope, row.engagement_id, 'agenda.item-to-workshop', agendaId, {
        itemId,
        title,
        activityType: kind,
        activityIds,
        ...link,
      });
    }
  });
  return {
    ...link,
    activityIds,
    activityType: kind,
    isNewWorkshop,
    isNewActivity,
    consolePath: `/workshops/${workshopId}`,
  };
}
