import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type EngagementOwnedTable,
  engagementsRepository,
} from '../db/repositories/engagements.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';

/**
 * Trace links (workshop output → decision → charter clause → roadmap item → indicator). Each kind of
 * object registers how to find one of its objects inside an engagement and name it; a link can only
 * join objects that exist in that engagement.
 */
type Resolver = (db: Db, engagementId: string, id: string) => Promise<string | null>;
const resolvers = new Map<string, Resolver>();

export function registerTraceKind(kind: string, resolve: Resolver): void {
  resolvers.set(kind, resolve);
}

/** The common case: the object is a row of `table` in this engagement, labelled by `column`. */
export function registerTableTraceKind(
  kind: string,
  table: EngagementOwnedTable,
  column: 'title' | 'text',
): void {
  registerTraceKind(kind, (db, engagementId, id) =>
    engagementsRepository.labelInEngagement(db, table, column, engagementId, id),
  );
}

registerTableTraceKind('question', 'questions', 'text');
registerTableTraceKind('options_board', 'options_boards', 'title');
registerTraceKind('option', (db, engagementId, id) =>
  engagementsRepository.optionTitleInEngagement(db, engagementId, id),
);

async function label(db: Db, engagementId: string, kind: string, id: string): Promise<string | null> {
  const resolve = resolvers.get(kind);
  return resolve ? resolve(db, engagementId, id) : null;
}

export async function readTimeline(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  return (await engagementsRepository.timeline(db, engagementId)).map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    actorName: r.actor_name ?? null,
    objectKind: r.object_kind,
    objectId: r.object_id,
    data: r.data,
  }));
}

export async function listTraceLinks(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  const rows = await engagementsRepository.links(db, engagementId);
  return Promise.all(
    rows.map(async (l) => ({
      id: l.id,
      from: {
        kind: l.from_kind as 'question',
        id: l.from_id,
        label: await label(db, engagementId, l.from_kind, l.from_id),
      },
      to: {
        kind: l.to_kind as 'question',
        id: l.to_id,
        label: await label(db, engagementId, l.to_kind, l.to_id),
      },
      relation: l.relation,
      createdAt: l.created_at,
    })),
  );
}

export async function createTraceLink(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: { from: { kind: string; id: string }; to: { kind: string; id: string }; relation: string },
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    for (const end of [body.from, body.to]) {
      if (!resolvers.has(end.kind)) {
        throw new AppError('VALIDATION_FAILED', `objects of kind ${end.kind} cannot be linked yet`);
      }
      if ((await label(trx, engagementId, end.kind, end.id)) === null) {
        throw notFound(end.kind);
      }
    }
    const id = newId();
    await engagementsRepository.insertLink(trx, {
      id,
      engagement_id: engagementId,
      from_kind: body.from.kind,
      from_id: body.from.id,
      to_kind: body.to.kind,
      to_id: body.to.id,
      relation: body.relation,
      created_by: scope.userId,
      created_at: nowIso(),
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'trace.linked',
      objectKind: 'link',
      objectId: id,
      data: { from: body.from, to: body.to, relation: body.relation },
    });
  });
  return listTraceLinks(db, scope, engagementId);
}

export async function deleteTraceLink(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  linkId: string,
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    if ((await engagementsRepository.deleteLink(trx, engagementId, linkId)) === 0) {
      throw notFound('link');
    }
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'trace.unlinked',
      objectKind: 'link',
      objectId: linkId,
    });
  });
  return listTraceLinks(db, scope, engagementId);
}
