import { type AnyActivity, consentOutcome, isFistToFivePassing, type WorkshopState } from '@essaim/core/live';
import type { Db } from '../db/repositories/users.repository.ts';
import type { CommittedBatch } from '../live/live-engine.ts';
import { writeDecisionRecord } from './decision-records.service.ts';
import { bringLiveOutcomeBack } from './proposals-live.service.ts';

/**
 * Live outcomes write the same DecisionRecord as proposals: when a consent round or a fist-to-five
 * activity is closed, its outcome is recorded (source `live_activity`, id `<workshop>:<activity>:<seq>`
 * so a retried or re-observed batch never records twice). Live participants are not named: the record
 * is anonymous and holds counts and objections with their integration.
 */
export async function recordLiveOutcomes(db: Db, batch: CommittedBatch, state: WorkshopState): Promise<void> {
  for (const { seq, event } of batch.events) {
    if (event.type !== 'activity.closed') {
      continue;
    }
    const activityId = (event as { activityId: string }).activityId;
    const activity = Object.hasOwn(state.activities, activityId)
      ? (state.activities[activityId] as AnyActivity)
      : undefined;
    if (!activity || (activity.type !== 'consentRound' && activity.type !== 'fistToFive')) {
      continue;
    }
    const sourceId = `${batch.workshopId}:${activityId}:${seq}`;
    const workshop = await db
      .selectFrom('workshops')
      .select(['org_id', 'engagement_id'])
      .where('id', '=', batch.workshopId)
      .executeTakeFirst();
    const already = await db
      .selectFrom('decision_records')
      .select('id')
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
    if (!workshop || already) {
      continue;
    }
    let recordId: string;
    if (activity.type === 'consentRound') {
      const data = activity.data;
      const current = data.versions[data.versions.length - 1]!;
      const objections = data.objectionOrder.map((id) => data.objections[id]!).filter(Boolean);
      recordId = await writeDecisionRecord(db, {
        orgId: workshop.org_id,
        engagementId: workshop.engagement_id,
        source: 'live_activity',
        sourceId,
        title: activity.title,
        statement: current.text,
        version: current.version,
        rule: 'consent',
        decidedBy: 'group',
        status: consentOutcome(data) === 'consent' ? 'passed' : 'rejected',
        isAnonymous: true,
        participantCount: Object.keys(state.participants).length,
        objections: objections.map((o) => ({
          id: o.id,
          participant: null,
          reason: o.reason,
          version: o.proposalVersion,
          status: o.status,
          integration: o.integration,
          integratedInVersion: o.integratedInVersion,
        })),
        outcome: consentOutcome(data),
        recordedBy: null,
      });
    } else {
      const data = activity.data;
      recordId = await writeDecisionRecord(db, {
        orgId: workshop.org_id,
        engagementId: workshop.engagement_id,
        source: 'live_activity',
        sourceId,
        title: activity.title,
        statement: activity.config.proposal,
        rule: 'fistToFive',
        decidedBy: 'group',
        status: isFistToFivePassing(data.histogram) ? 'passed' : 'rejected',
        isAnonymous: true,
        participantCount: data.histogram.reduce((a, b) => a + b, 0),
        positions: data.histogram.flatMap((count, value) =>
          Array.from({ length: count }, () => ({
            participant: null,
            value: String(value),
            reason: null,
            version: 1,
          })),
        ),
        outcome: data.histogram.join(' / '),
        recordedBy: null,
      });
    }
    // An open proposal taken into this workshop gets its objections and amended text back.
    await bringLiveOutcomeBack(db, workshop.engagement_id, batch.workshopId, activityId, activity, recordId);
  }
}
