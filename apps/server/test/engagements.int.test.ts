import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Eng = {
  id: string;
  status: { status: string; reason: string | null; changedBy: string | null };
  questions: {
    id: string;
    text: string;
    status: string;
    position: number;
    complexity: { domain: string } | null;
  }[];
  phases: { key: string; status: string }[];
};

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe.each(testDialects)('engagements on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let member: TestClient;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Direction régionale');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    member = (await addMember(app, owner, orgId, 'member')).client;
    base = `/api/orgs/${orgId}/engagements`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function newEngagement(): Promise<Eng> {
    const r = await owner.post(base, {
      title: 'Coopérer entre services',
      request: 'Les services ne se parlent plus',
      intention: 'Retrouver une coopération',
    });
    expect(r.status).toBe(200);
    return r.json<Eng>();
  }

  it('creates an engagement in the listen phase with a default confidentiality agreement', async () => {
    const e = await newEngagement();
    expect(e.status.status).toBe('active');
    expect(e.phases.map((p) => p.key)).toEqual([
      'listen',
      'diagnose',
      'design',
      'act',
      'decide',
      'commit',
      'plan',
      'spread',
      'evaluate',
    ]);
    expect(e.phases[0]!.status).toBe('active');
    const full = (await owner.get(`${base}/${e.id}`)).json<{
      confidentiality: { version: number; text: string };
    }>();
    expect(full.confidentiality.version).toBe(1);
    const edited = await owner.patch(`${base}/${e.id}`, { confidentialityText: 'Nouvel accord' });
    expect(edited.json<{ confidentiality: { version: number } }>().confidentiality.version).toBe(2);
    const list = (await member.get(base)).json<{ engagements: { id: string; currentPhase: string }[] }>();
    expect(list.engagements.find((x) => x.id === e.id)?.currentPhase).toBe('listen');
    expect((await member.post(base, { title: 'Nope', request: 'x' })).status).toBe(403);
  });

  it('keeps ordered essential questions with status, answer and a Cynefin complexity check', async () => {
    const e = await newEngagement();
    const q1 = (
      await owner.post(`${base}/${e.id}/questions`, { text: 'Comment décider ensemble ?' })
    ).json<Eng>().questions[0]!;
    const after = (await owner.post(`${base}/${e.id}/questions`, { text: 'Qui décide quoi ?' })).json<Eng>();
    const q2 = after.questions[1]!;
    const reordered = (
      await owner.post(`${base}/${e.id}/questions/reorder`, { ids: [q2.id, q1.id] })
    ).json<Eng>();
    expect(reordered.questions.map((q) => q.id)).toEqual([q2.id, q1.id]);
    expect((await owner.post(`${base}/${e.id}/questions/reorder`, { ids: [q1.id] })).status).toBe(400);
    const answered = (
      await owner.patch(`${base}/${e.id}/questions/${q1.id}`, {
        status: 'answered',
        answer: 'Par consentement',
      })
    ).json<Eng>();
    expect(answered.questions.find((q) => q.id === q1.id)).toMatchObject({ status: 'answered' });
    const assessed = await owner.request('PUT', `${base}/${e.id}/questions/${q2.id}/complexity`, {
      answers: { causeEffect: 'hindsight', agreement: 'low', precedent: 'never', urgency: 'normal' },
      reasoning: 'Personne ne sait à l’avance ce qui marchera',
    });
    expect(assessed.json<Eng>().questions.find((q) => q.id === q2.id)?.complexity?.domain).toBe('complex');
    const timeline = (await owner.get(`${base}/${e.id}/timeline`)).json<{ entries: { kind: string }[] }>();
    expect(timeline.entries.map((x) => x.kind)).toEqual(
      expect.arrayContaining([
        'engagement.created',
        'question.added',
        'question.reordered',
        'question.complexity_assessed',
      ]),
    );
  });

  it('pauses, stops and resumes with reason, who and when; input is refused meanwhile; withdrawal still works', async () => {
    const e = await newEngagement();
    const person = (await owner.post(`/api/orgs/${orgId}/people`, { displayName: 'Agent A' })).json<{
      id: string;
    }>();
    const consent = (
      await owner.post(`/api/orgs/${orgId}/consents`, {
        personId: person.id,
        engagementId: e.id,
        purpose: 'workshop_participation',
        textVersion: 'v1',
      })
    ).json<{ id: string }>();
    expect((await owner.post(`${base}/${e.id}/status`, { status: 'paused' })).status).toBe(400);
    const paused = (
      await sponsor.post(`${base}/${e.id}/status`, { status: 'paused', reason: 'Réorganisation en cours' })
    ).json<Eng>();
    expect(paused.status).toMatchObject({
      status: 'paused',
      reason: 'Réorganisation en cours',
      changedBy: 'sponsor person',
    });
    const refused = await owner.post(`/api/orgs/${orgId}/consents`, {
      personId: person.id,
      engagementId: e.id,
      purpose: 'diagnostic_survey',
      textVersion: 'v1',
    });
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'ENGAGEMENT_PAUSED' } });
    const stopped = await owner.post(`${base}/${e.id}/status`, {
      status: 'stopped',
      reason: 'Climat social trop tendu',
    });
    expect(stopped.json<Eng>().status.status).toBe('stopped');
    const refusedStop = await owner.post(`/api/orgs/${orgId}/consents`, {
      personId: person.id,
      engagementId: e.id,
      purpose: 'diagnostic_survey',
      textVersion: 'v1',
    });
    expect(refusedStop.json()).toMatchObject({ error: { code: 'ENGAGEMENT_STOPPED' } });
    const withdrawn = await owner.post(`/api/orgs/${orgId}/consents/${consent.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ active: false });
    expect((await owner.post(`${base}/${e.id}/status`, { status: 'stopped', reason: 'again' })).status).toBe(
      409,
    );
    expect(
      (await member.post(`${base}/${e.id}/status`, { status: 'active', reason: 'not mine' })).status,
    ).toBe(403);
    const resumed = await owner.post(`${base}/${e.id}/status`, {
      status: 'active',
      reason: 'Accord trouvé avec les représentants',
    });
    expect(resumed.json<Eng>().status.status).toBe('active');
    expect(
      (
        await owner.post(`/api/orgs/${orgId}/consents`, {
          personId: person.id,
          engagementId: e.id,
          purpose: 'diagnostic_survey',
          textVersion: 'v1',
        })
      ).status,
    ).toBe(200);
    const kinds = (await owner.get(`${base}/${e.id}/timeline`)).json<{
      entries: { kind: string; data: { reason?: string } }[];
    }>().entries;
    expect(
      kinds.filter((k) => k.kind.match(/paused|stopped|resumed/)).map((k) => [k.kind, k.data.reason]),
    ).toEqual([
      ['engagement.resumed', 'Accord trouvé avec les représentants'],
      ['engagement.stopped', 'Climat social trop tendu'],
      ['engagement.paused', 'Réorganisation en cours'],
    ]);
  });

  it('tells connected clients of the engagement the moment it stops', async () => {
    const e = await newEngagement();
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`, {
      headers: { cookie: member.cookie ?? '', origin: 'http://localhost:4000' },
    });
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString())));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', room: `engagement:${e.id}` }));
    await expect.poll(() => messages.some((m) => m.type === 'subscribed')).toBe(true);
    const t0 = Date.now();
    await owner.post(`${base}/${e.id}/status`, { status: 'stopped', reason: 'Arrêt demandé par le CSE' });
    await expect
      .poll(() => messages.find((m) => m.event === 'engagement.status'))
      .toMatchObject({
        payload: { status: 'stopped', reason: 'Arrêt demandé par le CSE' },
      });
    expect(Date.now() - t0).toBeLessThan(2000);
    ws.close();
    const outsider = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    const outMsgs: Record<string, unknown>[] = [];
    outsider.on('message', (m: Buffer) => outMsgs.push(JSON.parse(m.toString())));
    await new Promise((r) => outsider.once('open', r));
    outsider.send(JSON.stringify({ type: 'subscribe', room: `engagement:${e.id}` }));
    await expect.poll(() => outMsgs.find((m) => m.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
    outsider.close();
  });

  it('runs an options board: weighted scores, choice by the sponsor with a reason, history kept', async () => {
    const e = await newEngagement();
    const board = (
      await owner.post(`${base}/${e.id}/options-boards`, {
        title: 'Comment organiser la coopération ?',
        criteria: [
          { id: 'impact', name: 'Impact', weight: 3 },
          { id: 'cost', name: 'Coût', weight: 1 },
        ],
      })
    ).json<{ id: string }>();
    const b = `${base}/${e.id}/options-boards/${board.id}`;
    await owner.post(`${b}/options`, {
      title: 'Binômes inter-services',
      advantages: ['Rapide'],
      drawbacks: ['Dépend des volontaires'],
      effort: 2,
      scores: { impact: 4, cost: 2 },
    });
    const withTwo = (
      await owner.post(`${b}/options`, {
        title: 'Réorganisation',
        risks: ['Résistances'],
        effort: 5,
        scores: { impact: 5, cost: 0 },
      })
    ).json<{ options: { id: string; title: string; weightedScore: number }[] }>();
    expect(withTwo.options.map((o) => o.weightedScore)).toEqual([70, 75]);
    expect(
      (
        await member.post(`${b}/choice`, {
          optionId: withTwo.options[0]!.id,
          reason: 'Not mine',
          decidedBy: 'sponsor',
        })
      ).status,
    ).toBe(403);
    expect((await sponsor.post(`${b}/options`, { title: 'Sponsor cannot prepare' })).status).toBe(403);
    const chosen = await sponsor.post(`${b}/choice`, {
      optionId: withTwo.options[0]!.id,
      reason: 'Moins risqué pour commencer',
      decidedBy: 'sponsor',
    });
    expect(chosen.json()).toMatchObject({
      choices: [
        {
          optionTitle: 'Binômes inter-services',
          reason: 'Moins risqué pour commencer',
          decidedBy: 'sponsor',
          recordedBy: 'sponsor person',
        },
      ],
    });
    const again = await sponsor.post(`${b}/choice`, {
      optionId: withTwo.options[1]!.id,
      reason: 'Après essai',
      decidedBy: 'group',
    });
    expect(again.json<{ choices: unknown[] }>().choices).toHaveLength(2);
    await owner.post(`${base}/${e.id}/status`, { status: 'stopped', reason: 'Fin' });
    expect(
      (
        await sponsor.post(`${b}/choice`, {
          optionId: withTwo.options[0]!.id,
          reason: 'Trop tard',
          decidedBy: 'sponsor',
        })
      ).json(),
    ).toMatchObject({ error: { code: 'ENGAGEMENT_STOPPED' } });
  });

  it('links objects of the engagement and lists them with their labels', async () => {
    const e = await newEngagement();
    const q = (await owner.post(`${base}/${e.id}/questions`, { text: 'Quelle organisation ?' })).json<Eng>()
      .questions[0]!;
    const board = (await owner.post(`${base}/${e.id}/options-boards`, { title: 'Options' })).json<{
      id: string;
    }>();
    const links = await owner.post(`${base}/${e.id}/links`, {
      from: { kind: 'question', id: q.id },
      to: { kind: 'options_board', id: board.id },
      relation: 'informs',
    });
    expect(links.json()).toMatchObject({
      links: [{ from: { label: 'Quelle organisation ?' }, to: { label: 'Options' }, relation: 'informs' }],
    });
    expect(
      (
        await owner.post(`${base}/${e.id}/links`, {
          from: { kind: 'question', id: 'nope' },
          to: { kind: 'options_board', id: board.id },
          relation: 'informs',
        })
      ).status,
    ).toBe(404);
  });

  describe('roster import', () => {
    const countPeople = async () =>
      Number(
        (
          await handle.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('previews errors with line and column and writes nothing when any line fails', async () => {
      const before = await countPeople();
      const csv = 'Nom;Courriel;Équipe\nAnne;anne@ex.fr;Accueil\nBob;pas-un-email;Accueil\n;;Accueil\n';
      const preview = await owner.post(`/api/orgs/${orgId}/people/import/preview`, {
        filename: 'agents.csv',
        contentBase64: b64(csv),
      });
      expect(preview.json()).toMatchObject({
        ok: false,
        errors: [
          { line: 3, column: 'Courriel', code: 'INVALID_EMAIL' },
          { line: 4, column: 'Nom', code: 'MISSING_VALUE' },
        ],
      });
      const commit = await owner.post(`/api/orgs/${orgId}/people/import`, {
        filename: 'agents.csv',
        contentBase64: b64(csv),
      });
      expect(commit.status).toBe(400);
      expect(commit.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ line: 3 }, { line: 4 }] },
      });
      expect(await countPeople()).toBe(before);
    });

    it('imports CSV all at once, creating nested collectives and merging duplicates by email', async () => {
      const csv =
        'name,email,team,parent collective,site\nAnne,anne@ex.fr,Accueil,Direction,Lyon\nAnne M.,anne@ex.fr,Courrier,Direction,\nBob,,Accueil,,Paris\n';
      const preview = (
        await owner.post(`/api/orgs/${orgId}/people/import/preview`, {
          filename: 'a.csv',
          contentBase64: b64(csv),
        })
      ).json<{ ok: boolean; merges: unknown[]; collectivesToCreate: { name: string }[] }>();
      expect(preview.ok).toBe(true);
      expect(preview.merges).toEqual([{ email: 'anne@ex.fr', lines: [2, 3], existingPersonId: null }]);
      expect(preview.collectivesToCreate.map((c) => c.name).sort()).toEqual([
        'Accueil',
        'Courrier',
        'Direction',
      ]);
      const result = await owner.post(`/api/orgs/${orgId}/people/import`, {
        filename: 'a.csv',
        contentBase64: b64(csv),
      });
      expect(result.json()).toMatchObject({ created: 2, updated: 0, collectivesCreated: 3 });
      const collectives = (await owner.get(`/api/orgs/${orgId}/collectives`)).json<{
        collectives: { id: string; name: string; parentId: string | null; memberCount: number }[];
      }>().collectives;
      const direction = collectives.find((c) => c.name === 'Direction')!;
      expect(collectives.find((c) => c.name === 'Accueil')).toMatchObject({
        parentId: direction.id,
        memberCount: 2,
      });
      const people = (await owner.get(`/api/orgs/${orgId}/people?q=anne`)).json<{
        people: { attributes: Record<string, string>; collectiveIds: string[] }[];
      }>().people;
      expect(people).toHaveLength(1);
      expect(people[0]!.attributes).toEqual({ site: 'Lyon' });
      expect(people[0]!.collectiveIds).toHaveLength(2);
      const again = await owner.post(`/api/orgs/${orgId}/people/import`, {
        filename: 'a.csv',
        contentBase64: b64(csv),
      });
      expect(again.json()).toMatchObject({ created: 1, updated: 1, collectivesCreated: 0 });
    });

    it('imports XLSX with the spreadsheet row as the line number', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Agents');
      ws.addRow(['Nom', 'Courriel', 'Équipe', 'Ancienneté']);
      ws.addRow(['Chloé', 'chloe@ex.fr', 'Guichet', '5 ans']);
      ws.addRow(['Dan', 'faux', 'Guichet', '']);
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = (
        await owner.post(`/api/orgs/${orgId}/people/import/preview`, {
          filename: 'agents.xlsx',
          contentBase64: b64(bad),
        })
      ).json<{ errors: unknown[] }>();
      expect(preview.errors).toEqual([
        {
          line: 3,
          column: 'Courriel',
          code: 'INVALID_EMAIL',
          message: '"faux" is not a valid email address',
        },
      ]);
      ws.getRow(3).getCell(2).value = 'dan@ex.fr';
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      const result = await owner.post(`/api/orgs/${orgId}/people/import`, {
        filename: 'agents.xlsx',
        contentBase64: b64(good),
      });
      expect(result.json()).toMatchObject({ created: 2, collectivesCreated: 1 });
      expect(
        (
          await owner.post(`/api/orgs/${orgId}/people/import/preview`, {
            filename: 'x.xlsx',
            contentBase64: b64('not a zip'),
          })
        ).json(),
      ).toMatchObject({ ok: false, errors: [{ code: 'MALFORMED' }] });
    });

    it('is refused to members', async () => {
      expect(
        (
          await member.post(`/api/orgs/${orgId}/people/import`, {
            filename: 'a.csv',
            contentBase64: b64('name\nX\n'),
          })
        ).status,
      ).toBe(403);
    });
  });
});
