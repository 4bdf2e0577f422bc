import type { OptionsBoard } from '@essaim/contracts';
import { weightedScore } from '@essaim/core/engagements';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { optionsBoardsRepository } from '../db/repositories/options-boards.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { writeJson } from '../lib/json.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';

type Criterion = { id: string; name: string; weight: number };

const DEFAULT_CRITERIA: Record<'fr' | 'en', Criterion[]> = {
  fr: [
    { id: 'impact', name: 'Impact sur la question', weight: 3 },
    { id: 'adhesion', name: 'Adhésion probable du collectif', weight: 2 },
    { id: 'feasibility', name: 'Faisabilité', weight: 2 },
  ],
  en: [
    { id: 'impact', name: 'Impact on the question', weight: 3 },
    { id: 'adhesion', name: 'Likely support from the collective', weight: 2 },
    { id: 'feasibility', name: 'Feasibility', weight: 2 },
  ],
};

async function present(db: Db, boardId: string): Promise<OptionsBoard> {
  const board = await optionsBoardsRepository.board(db, boardId);
  const criteria = board.criteria;
  const options = await optionsBoardsRepository.options(db, boardId);
  const choices = await optionsBoardsRepository.choices(db, boardId);
  return {
    id: board.id,
    engagementId: board.engagement_id,
    questionId: board.question_id,
    title: board.title,
    criteria,
    options: options.map((o) => {
      const scores = o.scores;
      return {
        id: o.id,
        title: o.title,
        description: o.description,
        advantages: o.advantages,
        drawbacks: o.drawbacks,
        risks: o.risks,
        effort: o.effort,
        cost: o.cost,
        scores,
        weightedScore: weightedScore(criteria, scores),
      };
    }),
    choices: choices.map((c) => ({
      optionId: c.option_id,
      optionTitle: c.option_title,
      reason: c.reason,
      decidedBy: c.decided_by === 'group' ? ('group' as const) : ('sponsor' as const),
      recordedBy: c.recorder ?? null,
      at: c.at,
    })),
    createdAt: board.created_at,
  };
}

async function requireBoard(db: Db, scope: OrgScope, engagementId: string, boardId: string) {
  await loadEngagement(db, scope, engagementId);
  const board = await db
    .selectFrom('options_boards')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', boardId)
    .executeTakeFirst();
  if (!board) {
    throw notFound('options board');
  }
  return board;
}

export async function listBoards(db: Db, scope: OrgScope, engagementId: string): Promise<OptionsBoard[]> {
  await loadEngagement(db, scope, engagementId);
  const boards = await db
    .selectFrom('options_boards')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .execute();
  return Promise.all(boards.map((b) => present(db, b.id)));
}

export async function createBoard(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: { title: string; questionId?: string | undefined; criteria?: Criterion[] | undefined },
  actor: Actor,
  language: 'fr' | 'en',
) {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    if (
      body.questionId &&
      !(await trx
        .selectFrom('questions')
        .select('id')
        .where('engagement_id', '=', engagementId)
        .where('id', '=', body.questionId)
        .executeTakeFirst())
    ) {
      throw notFound('question');
    }
    const id = newId();
    await trx
      .insertInto('options_boards')
      .values({
        id,
        engagement_id: engagementId,
        question_id: body.questionId ?? null,
        title: body.title,
        criteria: writeJson(body.criteria ?? DEFAULT_CRITERIA[language]) ?? '[]',
        created_at: nowIso(),
      })
      .execute();
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.board_created',
      objectKind: 'options_board',
      objectId: id,
      data: { title: body.title },
    });
    return present(trx, id);
  });
}

export async function updateBoard(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  boardId: string,
  body: { title?: string | undefined; criteria?: Criterion[] | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireBoard(trx, scope, engagementId, boardId);
    const set: { title?: string; criteria?: string } = {};
    if (body.title !== undefined) {
      set.title = body.title;
    }
    if (body.criteria !== undefined) {
      set.criteria = writeJson(body.criteria) ?? '[]';
    }
    await trx.updateTable('options_boards').set(set).where('id', '=', boardId).execute();
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.board_updated',
      objectKind: 'options_board',
      objectId: boardId,
    });
    return present(trx, boardId);
  });
}

type OptionInput = {
  title?: string | undefined;
  description?: string | undefined;
  advantages?: string[] | undefined;
  drawbacks?: string[] | undefined;
  risks?: string[] | undefined;
  effort?: number | undefined;
  cost?: string | undefined;
  scores?: Record<string, number> | undefined;
};

function optionColumns(body: OptionInput) {
  const set: Record<string, string | number> = {};
  if (body.title !== undefined) {
    set.title = body.title;
  }
  if (body.description !== undefined) {
    set.description = body.description;
  }
  for (const k of ['advantages', 'drawbacks', 'risks', 'scores'] as const) {
    if (body[k] !== undefined) {
      set[k] = writeJson(body[k]) ?? '[]';
    }
  }
  if (body.effort !== undefined) {
    set.effort = body.effort;
  }
  if (body.cost !== undefined) {
    set.cost = body.cost;
  }
  return set;
}

export async function addOption(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  boardId: string,
  body: OptionInput & { title: string },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireBoard(trx, scope, engagementId, boardId);
    const count = await trx
      .selectFrom('options')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('board_id', '=', boardId)
      .executeTakeFirstOrThrow();
    const id = newId();
    await trx
      .insertInto('options')
      .values({
        id,
        board_id: boardId,
        position: Number(count.n) + 1,
        title: body.title,
        description: body.description ?? '',
        advantages: writeJson(body.advantages ?? []) ?? '[]',
        drawbacks: writeJson(body.drawbacks ?? []) ?? '[]',
        risks: writeJson(body.risks ?? []) ?? '[]',
        effort: body.effort ?? 3,
        cost: body.cost ?? '',
        scores: writeJson(body.scores ?? {}) ?? '{}',
        created_at: nowIso(),
      })
      .execute();
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.option_added',
      objectKind: 'option',
      objectId: id,
      data: { title: body.title },
    });
    return present(trx, boardId);
  });
}

export async function updateOption(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  boardId: string,
  optionId: string,
  body: OptionInput,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireBoard(trx, scope, engagementId, boardId);
    const r = await trx
      .updateTable('options')
      .set(optionColumns(body))
      .where('board_id', '=', boardId)
      .where('id', '=', optionId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      throw notFound('option');
    }
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.option_updated',
      objectKind: 'option',
      objectId: optionId,
    });
    return present(trx, boardId);
  });
}

export async function removeOption(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  boardId: string,
  optionId: string,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireBoard(trx, scope, engagementId, boardId);
    const r = await trx
      .deleteFrom('options')
      .where('board_id', '=', boardId)
      .where('id', '=', optionId)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) {
      throw notFound('option');
    }
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.option_removed',
      objectKind: 'option',
      objectId: optionId,
    });
    return present(trx, boardId);
  });
}

/**
 * Record the sponsor's (or the group's) choice with its reason. Essaim never chooses: this only
 * writes down a choice made by people, and keeps earlier choices as history.
 */
export async function recordChoice(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  boardId: string,
  body: { optionId: string; reason: string; decidedBy: 'sponsor' | 'group' },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireBoard(trx, scope, engagementId, boardId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const option = await trx
      .selectFrom('options')
      .select(['id', 'title'])
      .where('board_id', '=', boardId)
      .where('id', '=', body.optionId)
      .executeTakeFirst();
    if (!option) {
      throw notFound('option');
    }
    await trx
      .insertInto('option_choices')
      .values({
        id: newId(),
        board_id: boardId,
        option_id: option.id,
        option_title: option.title,
        reason: body.reason,
        decided_by: body.decidedBy,
        recorded_by: scope.userId,
        at: nowIso(),
      })
      .execute();
    await writeDecisionRecord(trx, {
      orgId: scope.orgId,
      engagementId,
      source: 'options_board',
      sourceId: boardId,
      title: option.title,
      statement: body.reason,
      rule: null,
      decidedBy: body.decidedBy,
      status: 'passed',
      links: [{ kind: 'option', id: option.id, relation: 'chooses' }],
      recordedBy: scope.userId,
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'options.choice_recorded',
      objectKind: 'options_board',
      objectId: boardId,
      data: { option: option.title, decidedBy: body.decidedBy, reason: body.reason },
    });
    return present(trx, boardId);
  });
}
