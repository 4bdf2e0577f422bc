import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { listChartersDueForReview } from '../src/services/charters-decisions.service.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Clause = { id: string; kind: string; level: number; text: string };
type Detail = {
  id: string;
  status: string;
  clauses: Clause[];
  contentHash: string;
  adoptedHash: string | null;
  adoptedVersionId: string | null;
  adoptionDecisionId: string | null;
  adoptionProposalId: string | null;
  isReviewDue: boolean;
  reviewOn: string | null;
};
type Amendment = { id: string; status: string; decisionId: string | null; proposalId: string | null };
type Decision = {
  proposalId: string;
  decisionId: string;
  versionId: string | null;
  contentHash: string | null;
};

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/**
 * Adoption of a charter and of an amendment through a proposal round of the decisions capability
 * (consent: a reasoned objection blocks), the DecisionRecord naming the version hash, the
 * `charter.adopted` webhook, and the review cycle (due list, re-opening amendments).
 */
describe.each(testDialects)('charter decisions on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let orgId: string;
  let engagementId: string;
  let eng: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Coopérative');
    member = (await addMember(app, owner, orgId, 'member')).client;
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Charte', request: 'Décider ensemble' })
    ).json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const proposal = (id: string) => `${eng}/proposals/${id}`;

  it('an amendment put to a consent round: an objection rejects it, consent writes it into the text', async () => {
    const id = (await owner.post(`${eng}/charters`, { title: 'Règles', kind: 'meeting_agreements' })).json<{
      id: string;
    }>().id;
    const base = `${eng}/charters/${id}`;
    const start = (await owner.get(base)).json<Detail>();
    const clause = start.clauses.find((c) => c.kind === 'paragraph')!;
    const propose = async (text: string) =>
      (
        await member.post(`${base}/amendments`, { clauseId: clause.id, text, reason: 'plus clair' })
      ).json<Amendment>();

    // bad input changes nothing
    const first = await propose('Nous commençons à l’heure.');
    expect((await owner.post(`${base}/amendments/${first.id}/proposal`, { deadline: 'demain' })).status).toBe(
      400,
    );
    expect(
      (await owner.post(`${base}/amendments/${first.id}/proposal`, { deadline: '2020-01-01T00:00:00Z' }))
        .status,
    ).toBe(400);
    expect(
      (await member.post(`${base}/amendments/${first.id}/proposal`, { deadline: inAWeek() })).status,
    ).toBe(403);

    const round = (
      await owner.post(`${base}/amendments/${first.id}/proposal`, { deadline: inAWeek() })
    ).json<Decision>();
    expect(round.proposalId).toBeTruthy();
    expect(
      (await owner.post(`${base}/amendments/${first.id}/proposal`, { deadline: inAWeek() })).status,
    ).toBe(409);
    const listed = (await owner.get(`${base}/amendments`)).json<{ amendments: Amendment[] }>().amendments;
    expect(listed.find((a) => a.id === first.id)).toMatchObject({
      status: 'open',
      proposalId: round.proposalId,
    });
    const record = (await owner.get(`/api/orgs/${orgId}/decisions/${round.decisionId}`)).json<{
      decision: { links: { kind: string; id: string }[]; statement: string };
    }>().decision;
    expect(record.links).toContainEqual(
      expect.objectContaining({ kind: 'charter_clause', id: `${id}#${clause.id}` }),
    );
    expect(record.statement).toContain('Nous commençons à l’heure.');

    // an objection with a reason is open at the close: not adopted, the text is unchanged
    expect((await owner.post(`${proposal(round.proposalId)}/positions`, { value: 'consent' })).status).toBe(
      200,
    );
    expect(
      (
        await member.post(`${proposal(round.proposalId)}/positions`, {
          value: 'object',
          reason: 'trop rigide',
        })
      ).status,
    ).toBe(200);
    const closed = await owner.post(`${proposal(round.proposalId)}/close`, {
      outcomeStatement: 'Objection non intégrée',
      reviewOn: '2027-06-01',
    });
    expect(closed.status).toBe(200);
    expect(closed.json<{ tally: { outcome: string } }>().tally.outcome).not.toBe('passed');
    const rejected = (await owner.get(`${base}/amendments`)).json<{ amendments: Amendment[] }>().amendments;
    expect(rejected.find((a) => a.id === first.id)).toMatchObject({
      status: 'rejected',
      decisionId: round.decisionId,
      proposalId: null,
    });
    expect((await owner.get(base)).json<Detail>().clauses.find((c) => c.id === clause.id)?.text).toBe(
      clause.text,
    );

    // consent of everyone who answered: the clause is rewritten by the decision
    const second = await propose('Nous commençons à l’heure et finissons à l’heure.');
    const round2 = (
      await owner.post(`${base}/amendments/${second.id}/proposal`, { deadline: inAWeek() })
    ).json<Decision>();
    for (const c of [owner, member]) {
      expect((await c.post(`${proposal(round2.proposalId)}/positions`, { value: 'consent' })).status).toBe(
        200,
      );
    }
    expect(
      (
        await owner.post(`${proposal(round2.proposalId)}/close`, {
          outcomeStatement: 'Adopté par consentement',
          reviewOn: '2027-06-01',
        })
      ).json<{ tally: { outcome: string } }>().tally.outcome,
    ).toBe('passed');
    const accepted = (await owner.get(`${base}/amendments`)).json<{ amendments: Amendment[] }>().amendments;
    expect(accepted.find((a) => a.id === second.id)).toMatchObject({
      status: 'accepted',
      decisionId: round2.decisionId,
    });
    expect((await owner.get(base)).json<Detail>().clauses.find((c) => c.id === clause.id)?.text).toBe(
      'Nous commençons à l’heure et finissons à l’heure.',
    );
  });

  it('the charter adopted by a consent round names the frozen version; webhook; review re-opens amendments', async () => {
    const hook = (
      await owner.post(`/api/orgs/${orgId}/webhooks`, {
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['charter.adopted'],
      })
    ).json<{ id: string }>();
    const id = (await owner.post(`${eng}/charters`, { title: 'Charte d’équipe', kind: 'team' })).json<{
      id: string;
    }>().id;
    const base = `${eng}/charters/${id}`;
    const frozen = (await owner.get(base)).json<Detail>();
    const round = (
      await owner.post(`${base}/decision`, { deadline: inAWeek(), reviewOn: '2027-01-10' })
    ).json<Decision>();
    expect(round.contentHash).toBe(frozen.contentHash);
    expect((await owner.post(`${base}/decision`, { deadline: inAWeek() })).status).toBe(409);
    expect((await owner.get(base)).json<Detail>()).toMatchObject({
      status: 'drafting',
      adoptionProposalId: round.proposalId,
    });
    const record = (await owner.get(`/api/orgs/${orgId}/decisions/${round.decisionId}`)).json<{
      decision: { statement: string; links: { kind: string; id: string; relation: string }[] };
    }>().decision;
    expect(record.statement).toContain(frozen.contentHash);
    expect(record.links).toContainEqual({
      kind: 'charter_version',
      id: round.versionId,
      relation: `adopts ${frozen.contentHash}`,
    });

    // the live text moves during the round: what is adopted is still the frozen version
    const clause = frozen.clauses.find((c) => c.kind === 'paragraph')!;
    const amendment = (
      await member.post(`${base}/amendments`, {
        clauseId: clause.id,
        text: 'Changé pendant le vote',
        reason: 'x',
      })
    ).json<Amendment>();
    await owner.patch(base, { editorsMayDecide: true });
    expect(
      (await owner.post(`${base}/amendments/${amendment.id}/decision`, { by: 'accept', rule: 'consent' }))
        .status,
    ).toBe(200);
    expect((await owner.get(base)).json<Detail>().contentHash).not.toBe(frozen.contentHash);

    for (const c of [owner, member]) {
      expect((await c.post(`${proposal(round.proposalId)}/positions`, { value: 'consent' })).status).toBe(
        200,
      );
    }
    const closed = (
      await owner.post(`${proposal(round.proposalId)}/close`, { outcomeStatement: 'Adoptée' })
    ).json<{ status: string; tally: { outcome: string } }>();
    expect(closed).toMatchObject({ status: 'closed', tally: { outcome: 'passed' } });
    const adopted = (await owner.get(base)).json<Detail>();
    expect(adopted).toMatchObject({
      status: 'adopted',
      adoptedHash: frozen.contentHash,
      contentHash: frozen.contentHash,
      adoptedVersionId: round.versionId,
      adoptionDecisionId: round.decisionId,
      adoptionProposalId: null,
      reviewOn: '2027-01-10',
    });
    expect(
      (await member.post(`${base}/commitments`, { state: 'committed', versionHash: frozen.contentHash }))
        .status,
    ).toBe(200);

    const deliveries = (await owner.get(`/api/orgs/${orgId}/webhooks/${hook.id}/deliveries`)).json<{
      deliveries: { eventType: string; resource: string }[];
    }>().deliveries;
    expect(deliveries).toEqual([
      expect.objectContaining({ eventType: 'charter.adopted', resource: `charter:${id}` }),
    ]);

    // review cycle: due from its date, listed for reminders; the review re-opens amendments
    const due = await listChartersDueForReview(handle.db, new Date('2027-01-10T08:00:00Z'));
    expect(due.map((c) => c.id)).toContain(id);
    expect(
      (await listChartersDueForReview(handle.db, new Date('2027-01-09T08:00:00Z'))).map((c) => c.id),
    ).not.toContain(id);
    expect(
      (await member.post(`${base}/amendments`, { clauseId: clause.id, text: 'y', reason: 'z' })).status,
    ).toBe(409);
    expect((await owner.post(`${base}/reopen`)).json<{ status: string }>().status).toBe('review');
    expect(
      (await member.post(`${base}/amendments`, { clauseId: clause.id, text: 'y', reason: 'z' })).status,
    ).toBe(200);
    expect(
      (await listChartersDueForReview(handle.db, new Date('2027-01-10T08:00:00Z'))).map((c) => c.id),
    ).not.toContain(id);
  });
});
