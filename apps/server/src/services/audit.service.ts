import type { Db } from '../db/db.ts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import { writeJson } from '../lib/json.ts';
import { newId, nextSeq, nowIso } from '../lib/tokens.ts';

/** Who did it and from where; built once per request. */
export interface Actor {
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent {
  orgId: string | null;
  action: string;
  objectKind?: string;
  objectId?: string;
  details?: Record<string, unknown>;
}

/** Write one audit entry, inside the caller's transaction so the entry and the change land together. */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await auditRepository.append(db, {
    id: newId(),
    seq: nextSeq(),
    org_id: event.orgId,
    actor_user_id: actor.userId,
    action: event.action,
    object_kind: event.objectKind ?? null,
    object_id: event.objectId ?? null,
    at: nowIso(),
    ip: actor.ip,
    user_agent: actor.userAgent ? actor.userAgent.slice(0, 300) : null,
    details: writeJson(event.details),
  });
}
