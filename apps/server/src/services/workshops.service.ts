/**
 * @module Workshops: creation and listing, joining by code (participant tokens), export of results,
 * outputs sent to the engagement with a trace link, and the engagement's stop/pause reaching its
 * workshops. The live command path itself is in `live.service.ts` and `live/live-engine.ts`.
 */
import { randomInt } from 'node:crypto';
import { WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_LENGTH, type Workshop } from '@essaim/contracts';
import { type CsvCell, writeCsv } from '@essaim/core';
import { type ActivityResults, resultsOf, type WorkshopState } from '@essaim/core/live';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type WorkshopRow, workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { recordAudit } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';
import type { LiveRuntime } from './live.service.ts';
import { addOption, createBoard } from './options-boards.service.ts';
import { issueParticipant, type Participant } from './participants.service.ts';
import { registerPersonalData } from './personal-data.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { createTraceLink, registerTableTraceKind } from './trace.service.ts';

registerTableTraceKind('workshop', 'workshops', 'title');

// Workshop participants hold no account: their data is tied to a participant token, not to a user.
// A participant who linked their participation to an account gets it in their export.
registerPersonalData({
  name: 'workshops',
  async export(db, userId) {
    return db
      .selectFrom('participants')
      .innerJoin('workshops', 'workshops.id', 'participants.scope_id')
      .select(['workshops.title', 'participants.display_name', 'participants.created_at'])
      .where('participants.scope_kind', '=', 'workshop')
      .where('participants.linked_user_id', '=', userId)
      .execute();
  },
  async erase(db, userId, orgId) {
    await db
      .updateTable('participants')
      .set({ linked_user_id: null, display_name: null })
      .where('scope_kind', '=', 'workshop')
      .where('org_id', '=', orgId)
      .where('linked_user_id', '=', userId)
      .execute();
  },
});

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < WORKSHOP_CODE_LENGTH; i++) {
    code += WORKSHOP_CODE_ALPHABET[randomInt(WORKSHOP_CODE_ALPHABET.length)];
  }
  return code;
}

async function present(db: Db, row: WorkshopRow): Promise<Workshop> {
  const engagement =
    row.engagement_id === null
      ? undefined
      : await db
          .selectFrom('engagements')
          .select('title')
          .where('id', '=', row.engagement_id)
          .executeTakeFirst();
  return {
    id: row.id,
    orgId: row.org_id,
    engagementId: row.engagement_id,
    engagementTitle: engagement?.title ?? null,
    title: row.title,
    code: row.code,
    joinPath: `/join/${row.code}`,
    status: row.status as Workshop['status'],
    lastSeq: Number(row.last_seq),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function loadWorkshop(db: Db, scope: OrgScope, id: string): Promise<WorkshopRow> {
  const row = await workshopsRepository.get(db, scope, id);
  if (!row) {
    throw notFound('workshop');
  }
  return row;
}

export async function getWorkshop(db: Db, scope: OrgScope, id: string): Promise<Workshop> {
  return present(db, await loadWorkshop(db, scope, id));
}

export async function listWorkshops(db: Db, scope: OrgScope, engagementId?: string): Promise<Workshop[]> {
  const rows = await workshopsRepository.list(db, scope, engagementId);
  return Promise.all(rows.map((r) => present(db, r)));
}

export async function createWorkshop(
  db: Db,
  scope: OrgScope,
  body: { title: string; engagementId?: string | undefined },
  actor: Actor,
): Promise<Workshop> {
  return db.transaction().execute(async (trx) => {
    if (body.engagementId !== undefined) {
      await loadEngagement(trx, scope, body.engagementId);
    }
    const id = newId();
    const at = nowIso();
    let code = newJoinCode();
    // 23^6 ≈ 148 million codes: a clash is rare, try a few times.
    for (let i = 0; i < 5 && (await workshopsRepository.byCode(trx, code)); i++) {
      code = newJoinCode();
    }
    await workshopsRepository.insert(trx, scope, {
      id,
      engagement_id: body.engagementId ?? null,
      title: body.title,
      code,
      status: 'running',
      last_seq: 0,
      created_by: scope.userId,
      created_at: at,
      updated_at: at,
    });
    if (body.engagementId !== undefined) {
      await recordEngagementEvent(trx, actor, {
        orgId: scope.orgId,
        engagementId: body.engagementId,
        kind: 'workshop.created',
        objectKind: 'workshop',
        objectId: id,
        data: { title: body.title },
      });
    } else {
      await recordAudit(trx, actor, {
        orgId: scope.orgId,
        action: 'workshop.created',
        objectKind: 'workshop',
        objectId: id,
        details: { title: body.title },
      });
    }
    return present(trx, (await workshopsRepository.get(trx, scope, id)) as WorkshopRow);
  });
}

/** What a join page may show: title and status, nothing else of the organisation. */
export async function joinInfo(db: Db, code: string) {
  const row = await workshopsRepository.byCode(db, code);
  if (!row) {
    throw notFound('workshop');
  }
  return { workshopId: row.id, title: row.title, status: row.status as Workshop['status'] };
}

/** Join by code: a participant token for this workshop, then `participant.join` in the log. */
export async function joinWorkshop(
  db: Db,
  live: LiveRuntime,
  body: { code: string; displayName?: string | null | undefined },
): Promise<{ participant: Participant; token: string; title: string }> {
  const row = await workshopsRepository.byCode(db, body.code);
  if (!row) {
    throw notFound('workshop');
  }
  if (row.status === 'stopped') {
    throw new AppError('CONFLICT', 'this workshop has ended');
  }
  const { participant, token } = await issueParticipant(db, {
    orgId: row.org_id,
    scopeKind: 'workshop',
    scopeId: row.id,
    displayName: body.displayName ?? null,
  });
  const result = await live.submitSystem(
    row.id,
    {
      type: 'participant.join',
      displayName: body.displayName ?? null,
      commandId: `join-${participant.id}`,
      actor: { role: 'participant', participantId: participant.id },
    },
    false,
  );
  if (!result.ok) {
    await db.deleteFrom('participants').where('id', '=', participant.id).execute();
    throw new AppError(
      result.code === 'PAUSED'
        ? 'ENGAGEMENT_PAUSED'
        : result.code === 'STOPPED'
          ? 'ENGAGEMENT_STOPPED'
          : 'CONFLICT',
      result.message,
    );
  }
  return { participant, token, title: row.title };
}

/** The caught-up state of a checked workshop. */
async function stateOf(live: LiveRuntime, workshopId: string): Promise<WorkshopState> {
  const read: { copy?: WorkshopState } = {};
  await live.engine.read(workshopId, (state) => {
    // A detached copy: the engine keeps mutating its state in place.
    read.copy = structuredClone(state);
  });
  if (!read.copy) {
    throw new Error(`workshop ${workshopId} was not read`);
  }
  return read.copy;
}

export async function exportResults(db: Db, live: LiveRuntime, scope: OrgScope, workshopId: string) {
  const row = await loadWorkshop(db, scope, workshopId);
  const state = await stateOf(live, workshopId);
  const participants = Object.values(state.participants);
  return {
    workshop: { id: row.id, title: row.title, status: state.status, exportedAt: nowIso() },
    participantCount: participants.filter((p) => !p.isRemoved).length,
    activities: state.activityOrder.map((id) => {
      const a = state.activities[id];
      return {
        id,
        type: a?.type ?? 'unknown',
        title: a?.title ?? '',
        phase: a?.phase ?? 'draft',
        results: resultsOf(state, id, { role: 'facilitator' }),
      };
    }),
  };
}

type Labelled = { label?: string; name?: string; text?: string; word?: string };
/** The ranked labels of an activity's results, whatever its kind (items, groups, cards, options, words). */
export function rankedLabels(results: ActivityResults | null): string[] {
  if (!results || results.isHidden) {
    return [];
  }
  const r: Record<string, unknown> = { ...results };
  for (const key of ['items', 'ranking', 'groups', 'options', 'cards', 'words']) {
    const list = r[key];
    if (Array.isArray(list)) {
      return (list as (Labelled & { isHidden?: boolean })[])
        .filter((x) => x.isHidden !== true)
        .map((x) => x.label ?? x.name ?? x.text ?? x.word ?? '')
        .filter((s) => s.length > 0);
    }
  }
  return [];
}

/** Objects go in as JSON text; everything else as is (the shared writer quotes and guards). */
const cellOf = (v: unknown): CsvCell =>
  v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as CsvCell);

/** One CSV row per listed result (item, group, card…); numbers in the `value` column. */
export function resultsCsv(exported: Awaited<ReturnType<typeof exportResults>>): string {
  const lines: CsvCell[][] = [['activity', 'type', 'rank', 'label', 'value', 'details']];
  for (const a of exported.activities) {
    const r: Record<string, unknown> = { ...a.results };
    const list = ['items', 'ranking', 'groups', 'options', 'cards', 'words']
      .map((k) => r[k])
      .find((v): v is Record<string, unknown>[] => Array.isArray(v));
    if (!list) {
      lines.push([a.title, a.type, '', '', '', r].map(cellOf));
      continue;
    }
    list.forEach((x, i) => {
      const label = x.label ?? x.name ?? x.text ?? x.word ?? x.id;
      const numeric = Object.entries(x).find(([k, v]) => typeof v === 'number' && k !== 'rank');
      lines.push([a.title, a.type, i + 1, label, numeric?.[1] ?? '', x].map(cellOf));
    });
  }
  return writeCsv(lines, { eol: '\r\n' });
}

/** Top results of an activity become options on a new board of the engagement, with a trace link. */
export async function sendOutputs(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  workshopId: string,
  body: { activityId: string; top: number; boardTitle?: string | undefined },
  actor: Actor,
  language: 'fr' | 'en',
) {
  const row = await loadWorkshop(db, scope, workshopId);
  if (row.engagement_id === null) {
    throw new AppError('CONFLICT', 'this workshop does not belong to an engagement');
  }
  const state = await stateOf(live, workshopId);
  const activity = state.activities[body.activityId];
  if (!activity || !Object.hasOwn(state.activities, body.activityId)) {
    throw notFound('activity');
  }
  const labels = rankedLabels(resultsOf(state, body.activityId, { role: 'facilitator' })).slice(0, body.top);
  if (labels.length === 0) {
    throw new AppError('CONFLICT', 'this activity has no results to send yet');
  }
  const board = await createBoard(
    db,
    scope,
    row.engagement_id,
    { title: body.boardTitle ?? `${row.title} — ${activity.title}`.slice(0, 200) },
    actor,
    language,
  );
  for (const label of labels) {
    await addOption(db, scope, row.engagement_id, board.id, { title: label.slice(0, 200) }, actor);
  }
  const links = await createTraceLink(
    db,
    scope,
    row.engagement_id,
    {
      from: { kind: 'workshop', id: workshopId },
      to: { kind: 'options_board', id: board.id },
      relation: 'produced',
    },
    actor,
  );
  const link = links.find((l) => l.from.id === workshopId && l.to.id === board.id);
  return { boardId: board.id, optionTitles: labels, linkId: link?.id ?? null };
}

/** The engagement's stop, pause or resume reaches its workshops at once. */
export async function onEngagementStatus(db: Db, live: LiveRuntime, engagementId: string, status: unknown) {
  const value =
    typeof status === 'string' ? status : ((status as { status?: string } | null)?.status ?? 'active');
  const reason =
    typeof status === 'object' && status !== null
      ? ((status as { reason?: string | null }).reason ?? '')
      : '';
  for (const w of await workshopsRepository.idsOfEngagement(db, engagementId)) {
    if (w.status === 'stopped') {
      continue;
    }
    const base = { commandId: `engagement-${newId()}`, actor: { role: 'facilitator' as const } };
    if (value === 'stopped') {
      await live.submitSystem(w.id, {
        ...base,
        type: 'workshop.stop',
        reason: `engagement stopped ${reason}`.trim().slice(0, 500),
      });
    } else if (value === 'paused' && w.status === 'running') {
      await live.submitSystem(w.id, { ...base, type: 'workshop.pause' });
    } else if (value === 'active' && w.status === 'paused') {
      await live.submitSystem(w.id, { ...base, type: 'workshop.resume' });
    }
  }
}
