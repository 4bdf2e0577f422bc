import type { Db } from '../db/db.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import type { CommittedBatch } from '../live/live-engine.ts';
import { emitWebhook } from './webhooks-outbox.ts';

/**
 * The points where existing capabilities emit webhooks, one function each so a service adds one line
 * inside its own transaction. Only ids, titles, rules and dates go out (see webhooks-outbox.ts).
 */

export function emitCampaignClosed(
  trx: Db,
  c: { id: string; org_id: string; engagement_id: string; title: string; closed_at: string | null },
): Promise<unknown> {
  return emitWebhook(trx, {
    orgId: c.org_id,
    type: 'campaign.closed',
    engagementId: c.engagement_id,
    resource: { kind: 'campaign', id: c.id },
    data: { title: c.title, closedAt: c.closed_at },
  });
}

export function emitEngagementStopped(
  trx: Db,
  e: { id: string; org_id: string; title: string },
  from: string,
): Promise<unknown> {
  return emitWebhook(trx, {
    orgId: e.org_id,
    type: 'engagement.stopped',
    engagementId: e.id,
    resource: { kind: 'engagement', id: e.id },
    data: { title: e.title, from, stoppedAt: new Date().toISOString() },
  });
}

export function emitDecisionAdopted(
  trx: Db,
  d: {
    id: string;
    orgId: string;
    engagementId: string | null;
    title: string;
    rule: string | null;
    source: string;
  },
): Promise<unknown> {
  return emitWebhook(trx, {
    orgId: d.orgId,
    type: 'decision.adopted',
    engagementId: d.engagementId,
    resource: { kind: 'decision', id: d.id },
    data: { title: d.title, rule: d.rule, source: d.source, adoptedAt: new Date().toISOString() },
    dedupeKey: `decision.adopted:${d.id}`,
  });
}

/** A charter adopted: its id, title, version number and content hash, never who committed or objected. */
export function emitCharterAdopted(
  trx: Db,
  c: { id: string; org_id: string; engagement_id: string; title: string },
  adopted: { versionNumber: number; contentHash: string; decisionId: string },
): Promise<unknown> {
  return emitWebhook(trx, {
    orgId: c.org_id,
    type: 'charter.adopted',
    engagementId: c.engagement_id,
    resource: { kind: 'charter', id: c.id },
    data: {
      title: c.title,
      versionNumber: adopted.versionNumber,
      contentHash: adopted.contentHash,
      decisionId: adopted.decisionId,
      adoptedAt: new Date().toISOString(),
    },
    dedupeKey: `charter.adopted:${c.id}:${adopted.decisionId}`,
  });
}

/**
 * A milestone of a plan changed status or dates. Its comment stays out: it is free text about people's
 * work, and a receiver sits outside the engagement's confidentiality.
 */
export function emitMilestoneChanged(
  trx: Db,
  m: {
    orgId: string;
    engagementId: string;
    id: string;
    title: string;
    status: string;
    previousStatus: string | null;
    startsOn: string;
    dueOn: string;
    version: number;
  },
): Promise<unknown> {
  return emitWebhook(trx, {
    orgId: m.orgId,
    type: 'plan.milestone.changed',
    engagementId: m.engagementId,
    resource: { kind: 'milestone', id: `${m.engagementId}:${m.id}` },
    data: {
      milestoneId: m.id,
      title: m.title,
      status: m.status,
      previousStatus: m.previousStatus,
      startsOn: m.startsOn,
      dueOn: m.dueOn,
      planVersion: m.version,
    },
    dedupeKey: `plan.milestone.changed:${m.engagementId}:${m.id}:${m.version}`,
  });
}

/**
 * A live workshop's stop is an event in its log, committed by the live engine (which knows nothing of
 * webhooks); this runs after the commit, and the dedupe key `<workshop>:<seq>` makes a re-observed batch
 * emit once. A crash between the commit and this call loses the event: the one place that is not
 * transactional, accepted because the engine's group commit must stay free of feature work.
 */
export async function emitLiveWebhooks(db: Db, batch: CommittedBatch): Promise<void> {
  for (const { seq, event } of batch.events) {
    if (event.type !== 'workshop.stopped') {
      continue;
    }
    const w = await workshopsRepository.byId(db, batch.workshopId);
    if (!w) {
      continue;
    }
    await emitWebhook(db, {
      orgId: w.org_id,
      type: 'workshop.ended',
      engagementId: w.engagement_id,
      resource: { kind: 'workshop', id: batch.workshopId },
      data: { title: w.title, endedAt: new Date().toISOString() },
      dedupeKey: `workshop.ended:${batch.workshopId}:${seq}`,
    });
  }
}
