import type { OrgScope } from '../db/org-scope.ts';
import { decisionsRepository, type ProposalRow } from '../db/repositories/decisions.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import type { LiveRuntime } from './live.service.ts';
import { loadProposal, syncRecord } from './proposals.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { createWorkshop, loadWorkshop } from './workshops.service.ts';

/**
 * An open proposal taken into a live workshop and back. Into: a consent round (consent and integrative
 * rules) or a fist-to-five (fist-to-five rule) is added to the engagement's workshop with the current
 * text. Back: when that activity closes, objections raised and integrated in the room join the
 * proposal's objections with their integration, and an amended text becomes a new version; the
 * fingers shown in a fist-to-five join as anonymous positions of the current round; the proposal stays open so the facilitator closes it with its outcome as usual.
 */
export interface LiveLink {
  workshopId: string;
  activityId: string;
  version: number;
  returnedAt?: string;
}

export async function takeProposalToWorkshop(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  body: { workshopId?: string | undefined },
  actor: Actor,
) {
  const p = await loadProposal(db, scope, engagementId, proposalId);
  await assertEngagementAcceptsInput(db, engagementId);
  if (p.status !== 'open') {
    throw new AppError('CONFLICT', 'the proposal is closed');
  }
  const type =
    p.rule === 'consent' || p.rule === 'integrative'
      ? 'consentRound'
      : p.rule === 'fistToFive'
        ? 'fistToFive'
        : null;
  if (!type) {
    throw new AppError(
      'CONFLICT',
      'only consent, integrative and fist-to-five proposals have a live activity',
    );
  }
  let workshopId = body.workshopId;
  if (workshopId) {
    const w = await loadWorkshop(db, scope, workshopId);
    if (w.engagement_id !== engagementId || w.status === 'stopped') {
      throw new AppError('CONFLICT', 'choose a running workshop of this engagement');
    }
  } else {
    workshopId = (await createWorkshop(db, scope, { title: p.title, engagementId }, actor)).id;
  }
  const result = await live.submitSystem(
    workshopId,
    {
      type: 'activity.add',
      activity: { type, title: p.title.slice(0, 200), config: { proposal: p.text.slice(0, 5000) } },
      commandId: `proposal-${p.id.slice(0, 36)}-v${p.version}`,
      actor: { role: 'facilitator' },
    } as never,
    false,
  );
  if (!result.ok) {
    throw new AppError(
      result.code === 'PAUSED'
        ? 'ENGAGEMENT_PAUSED'
        : result.code === 'STOPPED'
          ? 'ENGAGEMENT_STOPPED'
          : 'CONFLICT',
      result.message,
    );
  }
  const [added] = await workshopsRepository.parsedEventsAfter(db, workshopId, result.seq - 1, 1);
  const event = added?.event ?? null;
  if (event?.type !== 'activity.added') {
    throw new AppError('CONFLICT', 'the activity could not be found in the workshop log');
  }
  const link: LiveLink = { workshopId, activityId: event.activityId, version: p.version };
  await db.transaction().execute(async (trx) => {
    await decisionsRepository.updateProposal(trx, p.id, {
      state: { ...p.state, live: link },
      updated_at: nowIso(),
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.proposal_to_workshop',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, workshopId, activityId: link.activityId },
    });
  });
  return { workshopId, activityId: link.activityId, consolePath: `/workshops/${workshopId}` };
}

interface LiveConsentData {
  versions: { version: number; text: string }[];
  objections: Record<
    string,
    {
      id: string;
      reason: string;
      status: 'open' | 'integrated' | 'withdrawn';
      integration: string | null;
      proposalVersion: number;
    }
  >;
  objectionOrder: string[];
}

/** Called when a linked live activity closes: bring its objections and amended text back. */
export async function bringLiveOutcomeBack(
  db: Db,
  engagementId: string | null,
  workshopId: string,
  activityId: string,
  activity: { type: string; data: unknown },
  liveRecordId: string,
): Promise<void> {
  if (!engagementId) {
    return;
  }
  // JSON columns are jsonb on PostgreSQL and text on SQLite: filter the few open proposals in code.
  const candidates = await decisionsRepository.openProposals(db, engagementId);
  const p: ProposalRow | undefined = candidates.find((c) => {
    const live = c.state.live;
    return live?.workshopId === workshopId && live.activityId === activityId && !live.returnedAt;
  });
  if (!p) {
    return;
  }
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    let next: ProposalRow = p;
    if (activity.type === 'consentRound') {
      const data = activity.data as LiveConsentData;
      const last = data.versions[data.versions.length - 1];
      if (last && last.text.trim() !== p.text.trim()) {
        const version = p.version + 1;
        await decisionsRepository.insertVersion(trx, {
          id: newId(),
          proposal_id: p.id,
          version,
          text: last.text,
          note: 'workshop',
          at: now,
        });
        next = { ...p, text: last.text, version, round: p.round + 1 };
      }
      for (const id of data.objectionOrder) {
        const o = data.objections[id];
        if (!o) {
          continue;
        }
        await decisionsRepository.insertObjection(trx, {
          id: newId(),
          proposal_id: p.id,
          // Live participants are not named on the proposal.
          voter_key: `live:${workshopId}:${o.id}`,
          user_id: null,
          display_name: null,
          reason: o.reason,
          version: p.version,
          status: o.status,
          integration: o.integration,
          integrated_in_version: o.status === 'integrated' ? next.version : null,
          tests: null,
          at: now,
        });
      }
    } else if (activity.type === 'fistToFive') {
      // The fingers shown come back as anonymous positions of the current round: the proposal's own
      // fist-to-five tally (everyone 3 or more, 0 blocks) then counts them like positions taken online.
      const { histogram } = activity.data as { histogram: number[] };
      let n = 0;
      for (const [value, count] of histogram.entries()) {
        for (let i = 0; i < count; i++) {
          await decisionsRepository.insertPosition(trx, {
            id: newId(),
            proposal_id: p.id,
            voter_key: `live:${workshopId}:${activityId}:${n++}`,
            user_id: null,
            display_name: null,
            round: p.round,
            version: p.version,
            value: String(value),
            reason: null,
            ballot: null,
            response: null,
            at: now,
          });
        }
      }
    }
    const state = p.state;
    next = {
      ...next,
      state: { ...state, live: { ...(state.live as LiveLink), returnedAt: now, recordId: liveRecordId } },
      updated_at: now,
    };
    await decisionsRepository.updateProposal(trx, p.id, {
      text: next.text,
      version: next.version,
      round: next.round,
      state: next.state,
      updated_at: now,
    });
    await syncRecord(trx, next);
  });
}
