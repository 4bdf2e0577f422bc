import type { NetworkRespondentView } from '@essaim/contracts';
import type { Db } from '../db/db.ts';
import { networksRepository } from '../db/repositories/networks.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { NETWORK_SCOPE_KIND } from './networks.service.ts';
import { resolveParticipant } from './participants.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';

/** Version of the consent wording shown on the respondent page (web: network.respondent.consent*). */
export const NETWORK_CONSENT_TEXT_VERSION = 'network-survey-v1';

/**
 * The respondent behind a link `/n/<networkId>.<token>`: the token is only valid in the scope
 * `network:<networkId>`, so a token of another network or feature finds nothing.
 */
async function resolveRespondent(db: Db, link: string) {
  const dot = link.indexOf('.');
  const networkId = dot > 0 ? link.slice(0, dot) : '';
  const token = dot > 0 ? link.slice(dot + 1) : '';
  const participant = networkId ? await resolveParticipant(db, token, NETWORK_SCOPE_KIND, networkId) : null;
  const network = participant ? await networksRepository.findById(db, networkId) : undefined;
  const respondent = network
    ? await networksRepository.respondentByParticipant(db, network.id, participant!.id)
    : undefined;
  if (!network || !respondent || !participant) {
    throw notFound('survey link');
  }
  return { network, respondent, participant };
}

async function activeConsent(db: Db, personId: string, engagementId: string, purpose: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('person_id', '=', personId)
    .where('engagement_id', '=', engagementId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

const anonymous: Actor = { userId: null, ip: null, userAgent: null };

export async function respondentView(db: Db, link: string): Promise<NetworkRespondentView> {
  const { network, respondent } = await resolveRespondent(db, link);
  const engagement = await db
    .selectFrom('engagements')
    .select(['title', 'status'])
    .where('id', '=', network.engagement_id)
    .executeTakeFirstOrThrow();
  const nodes = await networksRepository.nodes(db, network.id);
  const people = await db
    .selectFrom('people')
    .select(['id', 'title'])
    .where('org_id', '=', network.org_id)
    .where(
      'id',
      'in',
      nodes.map((x) => x.person_id ?? ''),
    )
    .execute();
  const titles = new Map(people.map((p) => [p.id, p.title]));
  const me = nodes.find((x) => x.person_id === respondent.person_id);
  const answers = await networksRepository.answersOf(db, network.id, respondent.id);
  const proposal = await networksRepository.lastProposalOfNode(db, network.id, me?.node_id ?? '');
  return {
    networkTitle: network.title,
    engagementTitle: engagement.title,
    relations: network.survey_relations ?? [],
    scale: network.survey_scale === 'importance' ? 'importance' : 'frequency',
    me: { id: respondent.person_id, label: me?.label ?? '' },
    roster: nodes
      .filter((x) => x.person_id && x.person_id !== respondent.person_id)
      .map((x) => ({ id: x.person_id!, label: x.label, title: titles.get(x.person_id!) ?? '' })),
    hasConsented: Boolean(
      await activeConsent(db, respondent.person_id, network.engagement_id, 'network_survey'),
    ),
    hasChangeAgentConsent: Boolean(
      await activeConsent(db, respondent.person_id, network.engagement_id, 'change_agent_proposal'),
    ),
    submittedAt: respondent.submitted_at,
    answers: answers.map((a) => ({
      relation: a.relation as NetworkRespondentView['relations'][number],
      targetId: a.target,
      value: a.weight,
    })),
    isOpen: engagement.status === 'active',
    proposal: proposal
      ? {
          id: proposal.id,
          reason: proposal.reason,
          why: proposal.why,
          status: proposal.status as 'proposed' | 'accepted' | 'declined',
        }
      : null,
  };
}

/** Record both consents through the roster consent model (purposes network_survey and change_agent_proposal). */
export async function grantConsent(db: Db, link: string, body: { answer: true; changeAgent: boolean }) {
  await db.transaction().execute(async (trx) => {
    const { network, respondent } = await resolveRespondent(trx, link);
    await assertEngagementAcceptsInput(trx, network.engagement_id);
    const now = nowIso();
    const purposes = ['network_survey', ...(body.changeAgent ? ['change_agent_proposal'] : [])];
    for (const purpose of purposes) {
      if (!(await activeConsent(trx, respondent.person_id, network.engagement_id, purpose))) {
        await trx
          .insertInto('consents')
          .values({
            id: newId(),
            org_id: network.org_id,
            person_id: respondent.person_id,
            engagement_id: network.engagement_id,
            purpose,
            text_version: NETWORK_CONSENT_TEXT_VERSION,
            granted_at: now,
            withdrawn_at: null,
          })
          .execute();
      }
    }
    if (!body.changeAgent) {
      await trx
        .updateTable('consents')
        .set({ withdrawn_at: now })
        .where('person_id', '=', respondent.person_id)
        .where('engagement_id', '=', network.engagement_id)
        .where('purpose', '=', 'change_agent_proposal')
        .where('withdrawn_at', 'is', null)
        .execute();
    }
    await networksRepository.updateRespondent(trx, respondent.id, {
      consented_at: respondent.consented_at ?? now,
    });
    await recordEngagementEvent(trx, anonymous, {
      orgId: network.org_id,
      engagementId: network.engagement_id,
      kind: 'network.consentGranted',
      objectKind: 'network',
      objectId: network.id,
      data: { respondentId: respondent.id, changeAgent: body.changeAgent },
    });
  });
}

/** Withdrawal is never guarded (the right to withdraw holds when the engagement is stopped); answers are deleted. */
export async function withdrawConsent(db: Db, link: string) {
  await db.transaction().execute(async (trx) => {
    const { network, respondent } = await resolveRespondent(trx, link);
    await trx
      .updateTable('consents')
      .set({ withdrawn_at: nowIso() })
      .where('person_id', '=', respondent.person_id)
      .where('engagement_id', '=', network.engagement_id)
      .where('purpose', 'in', ['network_survey', 'change_agent_proposal'])
      .where('withdrawn_at', 'is', null)
      .execute();
    await networksRepository.replaceAnswers(trx, network.id, respondent.id, []);
    await trx
      .updateTable('network_respondents')
      .set({ consented_at: null, submitted_at: null })
      .where('id', '=', respondent.id)
      .execute();
    await recordEngagementEvent(trx, anonymous, {
      orgId: network.org_id,
      engagementId: network.engagement_id,
      kind: 'network.consentWithdrawn',
      objectKind: 'network',
      objectId: network.id,
      data: { respondentId: respondent.id },
    });
  });
}

/** Replace the respondent's answers (their declared ties). Needs the network_survey consent. */
export async function saveAnswers(
  db: Db,
  link: string,
  body: { answers: { relation: string; targetId: string; value: number }[] },
) {
  await db.transaction().execute(async (trx) => {
    const { network, respondent } = await resolveRespondent(trx, link);
    await assertEngagementAcceptsInput(trx, network.engagement_id);
    if (!(await activeConsent(trx, respondent.person_id, network.engagement_id, 'network_survey'))) {
      throw new AppError('FORBIDDEN', 'consent first: answers are identifiable to the facilitator');
    }
    const relations = new Set<string>(network.survey_relations ?? []);
    const roster = new Set((await networksRepository.nodes(trx, network.id)).map((x) => x.person_id));
    const seen = new Set<string>();
    const rows = [];
    for (const a of body.answers) {
      const key = `${a.relation}\u0000${a.targetId}`;
      if (!relations.has(a.relation)) {
        throw new AppError('BAD_REQUEST', `relation "${a.relation}" is not part of this survey`);
      }
      if (!roster.has(a.targetId) || a.targetId === respondent.person_id) {
        throw new AppError('BAD_REQUEST', 'answers must name colleagues of the roster (not yourself)');
      }
      const isEnergy = a.relation === 'energy';
      if ((isEnergy && (a.value < -2 || a.value > 2 || a.value === 0)) || (!isEnergy && a.value < 1)) {
        throw new AppError('BAD_REQUEST', `value ${a.value} is out of range for ${a.relation}`);
      }
      if (seen.has(key)) {
        throw new AppError('BAD_REQUEST', 'the same colleague appears twice for one relation');
      }
      seen.add(key);
      rows.push({
        id: newId(),
        network_id: network.id,
        source: respondent.person_id,
        target: a.targetId,
        relation: a.relation,
        weight: a.value,
        respondent_id: respondent.id,
      });
    }
    await networksRepository.replaceAnswers(trx, network.id, respondent.id, rows);
    await networksRepository.updateRespondent(trx, respondent.id, { submitted_at: nowIso() });
    await recordEngagementEvent(trx, anonymous, {
      orgId: network.org_id,
      engagementId: network.engagement_id,
      kind: 'network.answered',
      objectKind: 'network',
      objectId: network.id,
      data: { respondentId: respondent.id, ties: rows.length },
    });
  });
}

/** The nominee's own answer to a change-agent proposal, through their respondent link. */
export async function answerProposal(
  db: Db,
  link: string,
  body: { decision: 'accepted' | 'declined'; note?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const { network, respondent } = await resolveRespondent(trx, link);
    await assertEngagementAcceptsInput(trx, network.engagement_id);
    const proposal = await trx
      .selectFrom('network_proposals')
      .select('id')
      .where('network_id', '=', network.id)
      .where('node_id', '=', respondent.person_id)
      .orderBy('rank')
      .execute();
    const last = proposal.at(-1);
    if (!last) {
      throw notFound('proposal');
    }
    await networksRepository.respondProposal(trx, last.id, {
      status: body.decision,
      note: body.note ?? null,
      responded_at: nowIso(),
      recorded_by: null,
    });
    await recordEngagementEvent(trx, anonymous, {
      orgId: network.org_id,
      engagementId: network.engagement_id,
      kind: `network.proposal${body.decision === 'accepted' ? 'Accepted' : 'Declined'}`,
      objectKind: 'network',
      objectId: network.id,
      data: { proposalId: last.id, recordedBy: 'nominee' },
    });
  });
}

export { resolveRespondent };
