import type { Db } from '../db/db.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { writeJson } from '../lib/json.ts';
import { newId, nextSeq, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';

/**
 * Record what happened to an engagement on its timeline and in the organisation's audit log, in the
 * caller's transaction.
 */
export async function recordEngagementEvent(
  db: Db,
  actor: Actor,
  event: {
    orgId: string;
    engagementId: string;
    kind: string;
    objectKind?: string;
    objectId?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await engagementsRepository.appendTimeline(db, {
    id: newId(),
    seq: nextSeq(),
    engagement_id: event.engagementId,
    kind: event.kind,
    actor_user_id: actor.userId,
    object_kind: event.objectKind ?? null,
    object_id: event.objectId ?? null,
    data: writeJson(event.data),
    at: nowIso(),
  });
  await recordAudit(db, actor, {
    orgId: event.orgId,
    action: event.kind,
    objectKind: event.objectKind ?? 'engagement',
    objectId: event.objectId ?? event.engagementId,
    details: { engagementId: event.engagementId, ...event.data },
  });
}
