import type { DecisionRecordView } from '@essaim/contracts';
import {
  type DecidedBy,
  type DecisionObjection,
  type DecisionPosition,
  type DecisionRule,
  type DecisionSource,
  type DecisionStatus,
  type DecisionTraceLink,
  isDueForReview,
} from '@essaim/core/decisions';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type DecisionRecordRow,
  decisionsRepository,
  type RegisterFilter,
} from '../db/repositories/decisions.repository.ts';
import { decisionsPersonalDataRepository } from '../db/repositories/decisions-personal-data.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { notifyDecisionAdopted } from './notifications-triggers.ts';
import { registerPersonalData } from './personal-data.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { registerTraceKind } from './trace.service.ts';
import { emitDecisionAdopted } from './webhooks-emitters.ts';

/**
 * The decision register: every capability that records a choice (options boards, method choices, live
 * consent rounds and fist-to-five, proposals, governance-map adoption, the group's choice of its rule)
 * writes one `DecisionRecord` row through {@link writeDecisionRecord}, in its own transaction.
 */
export interface DecisionRecordInput {
  orgId: string;
  engagementId: string | null;
  source: DecisionSource;
  sourceId: string | null;
  title: string;
  statement: string;
  version?: number;
  rule: DecisionRule | null;
  decidedBy: DecidedBy;
  status: DecisionStatus;
  isAnonymous?: boolean;
  participantCount?: number;
  positions?: DecisionPosition[];
  objections?: DecisionObjection[];
  standAsides?: number;
  outcome?: string | null;
  reviewOn?: string | null;
  links?: DecisionTraceLink[];
  collectiveId?: string | null;
  recordedBy: string | null;
}

export async function writeDecisionRecord(db: Db, input: DecisionRecordInput, id = newId()): Promise<string> {
  const now = nowIso();
  const isClosed = input.status === 'passed' || input.status === 'rejected';
  await decisionsRepository.insertRecord(db, {
    id,
    org_id: input.orgId,
    engagement_id: input.engagementId,
    source: input.source,
    source_id: input.sourceId,
    title: input.title.slice(0, 500),
    statement: input.statement,
    version: input.version ?? 1,
    rule: input.rule,
    decided_by: input.decidedBy,
    status: input.status,
    is_anonymous: input.isAnonymous ? 1 : 0,
    participant_count: input.participantCount ?? input.positions?.length ?? 0,
    positions: [...(input.positions ?? [])],
    objections: [...(input.objections ?? [])],
    stand_asides: input.standAsides ?? 0,
    outcome: input.outcome ?? null,
    decided_at: isClosed ? now : null,
    review_on: input.reviewOn ?? null,
    links: [...(input.links ?? [])],
    collective_id: input.collectiveId ?? null,
    recorded_by: input.recordedBy,
    created_at: now,
    updated_at: now,
  });
  if (input.status === 'passed') {
    await emitDecisionAdopted(db, { ...input, id });
    await notifyDecisionAdopted(db, { ...input, id });
  }
  return id;
}

const today = () => nowIso().slice(0, 10);

export function presentRecord(r: DecisionRecordRow): DecisionRecordView {
  const isAnonymous = r.is_anonymous === 1;
  const { positions, objections } = r;
  return {
    id: r.id,
    engagementId: r.engagement_id,
    source: r.source as DecisionRecordView['source'],
    sourceId: r.source_id,
    title: r.title,
    statement: r.statement,
    version: r.version,
    rule: r.rule as DecisionRecordView['rule'],
    decidedBy: r.decided_by as DecidedBy,
    status: r.status as DecisionStatus,
    isAnonymous,
    participantCount: r.participant_count,
    // Defence in depth: an anonymous record never names anyone, whatever was stored.
    positions: positions.map((p) => ({ ...p, participant: isAnonymous ? null : p.participant })),
    objections: objections.map((o) => ({ ...o, participant: isAnonymous ? null : o.participant })),
    standAsides: r.stand_asides,
    outcome: r.outcome,
    decidedAt: r.decided_at,
    reviewOn: r.review_on,
    isDueForReview: isDueForReview({ status: r.status as DecisionStatus, reviewOn: r.review_on }, today()),
    links: r.links,
    collectiveId: r.collective_id,
    createdAt: r.created_at,
  };
}

export interface RegisterQuery {
  rule?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  collectiveId?: string | undefined;
  engagementId?: string | undefined;
  dueForReview?: 'true' | 'false' | undefined;
}

function filterOf(query: RegisterQuery, engagementId?: string): RegisterFilter {
  return {
    engagementId: engagementId ?? query.engagementId,
    rule: query.rule,
    status: query.status,
    source: query.source,
    collectiveId: query.collectiveId,
    dueBy: query.dueForReview === 'true' ? today() : undefined,
  };
}

export async function listDecisions(db: Db, scope: OrgScope, query: RegisterQuery, engagementId?: string) {
  if (engagementId) {
    await loadEngagement(db, scope, engagementId);
  }
  const rows = await decisionsRepository.register(db, scope, filterOf(query, engagementId));
  return { decisions: rows.map(presentRecord) };
}

export async function readDecision(db: Db, scope: OrgScope, id: string) {
  const row = await decisionsRepository.findRecord(db, scope, id);
  if (!row) {
    throw notFound('decision');
  }
  const history =
    row.source === 'proposal' && row.source_id ? await decisionsRepository.versions(db, row.source_id) : [];
  return { decision: presentRecord(row), history };
}

/** RFC 4180 cell; a leading =, +, - or @ is quoted with an apostrophe so spreadsheets never run it (OWASP CSV injection). */
function csvCell(v: string | number | boolean | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function decisionsCsv(decisions: readonly DecisionRecordView[]): string {
  const header = [
    'id',
    'engagement_id',
    'source',
    'title',
    'statement',
    'version',
    'rule',
    'decided_by',
    'status',
    'anonymous',
    'participants',
    'objections',
    'integrated_objections',
    'stand_asides',
    'outcome',
    'decided_at',
    'review_on',
  ];
  const lines = [header.join(',')];
  for (const d of decisions) {
    lines.push(
      [
        d.id,
        d.engagementId,
        d.source,
        d.title,
        d.statement,
        d.version,
        d.rule,
        d.decidedBy,
        d.status,
        d.isAnonymous,
        d.participantCount,
        d.objections.length,
        d.objections.filter((o) => o.status === 'integrated').length,
        d.standAsides,
        d.outcome,
        d.decidedAt,
        d.reviewOn,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Record on the timeline that a decision was written, in the caller's transaction. */
export async function announceDecision(
  db: Db,
  actor: Actor,
  orgId: string,
  engagementId: string,
  recordId: string,
  data: Record<string, unknown>,
): Promise<void> {
  await recordEngagementEvent(db, actor, {
    orgId,
    engagementId,
    kind: 'decisions.recorded',
    objectKind: 'decision',
    objectId: recordId,
    data,
  });
}

// question → option → decision → charter clause → roadmap item: a decision can be trace-linked by id.
registerTraceKind('decision', (db, engagementId, id) =>
  decisionsPersonalDataRepository.recordTitle(db, engagementId, id),
);

registerPersonalData({
  name: 'decisions',
  export: (db, userId) => decisionsPersonalDataRepository.exportOf(db, userId),
  async erase(db, userId, orgId) {
    // The stored records copy names from the proposal rows: find them before the rows lose them.
    await anonymiseRecordsOf(db, userId, orgId);
    await decisionsPersonalDataRepository.erase(db, userId, orgId, `erased:${newId()}`);
  },
});

/**
 * Erasure (GDPR art. 17) for the copies: a proposal's `DecisionRecord` holds each position and objection
 * with the participant's name. The person's entries keep their value and reason (the decision and its
 * counts stand) but no longer name them. Positions are matched by the name the person voted under in
 * that proposal (a namesake in the same proposal is anonymised too: erring towards erasure), objections
 * by their id.
 */
async function anonymiseRecordsOf(db: Db, userId: string, orgId: string): Promise<void> {
  const { positions, objections } = await decisionsPersonalDataRepository.entriesOf(db, userId, orgId);
  const names = new Map<string, Set<string>>();
  const objectionIds = new Set(objections.map((o) => o.id));
  for (const row of [...positions, ...objections]) {
    const set = names.get(row.recordId) ?? new Set<string>();
    if (row.name !== null) {
      set.add(row.name);
    }
    names.set(row.recordId, set);
  }
  for (const [recordId, recordNames] of names) {
    const record = await decisionsPersonalDataRepository.recordEntries(db, orgId, recordId);
    if (record === undefined) {
      continue;
    }
    await decisionsRepository.updateRecord(db, recordId, {
      positions: record.positions.map((p) =>
        p.participant !== null && recordNames.has(p.participant) ? { ...p, participant: null } : p,
      ),
      objections: record.objections.map((o) =>
        objectionIds.has(o.id) || (o.participant !== null && recordNames.has(o.participant))
          ? { ...o, participant: null }
          : o,
      ),
      updated_at: nowIso(),
    });
  }
}
