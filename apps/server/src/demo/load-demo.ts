import { rowsToRoster } from '@essaim/core/engagements';
import { mintScope } from '../db/org-scope.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import type { AppDeps } from '../deps.ts';
import { nowIso } from '../lib/tokens.ts';
import { createUser } from '../services/auth.service.ts';
import {
  addQuestion,
  addStakeholder,
  assessQuestionComplexity,
  createEngagement,
  updatePhase,
} from '../services/engagements.service.ts';
import { addOption, createBoard } from '../services/options-boards.service.ts';
import { createOrganisation } from '../services/organisations.service.ts';
import { savePlan } from '../services/plans.service.ts';
import { commitImport } from '../services/roster-import.service.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_COLLECTIVES,
  DEMO_ENGAGEMENT,
  DEMO_ORG_NAME,
  DEMO_PASSWORD,
  demoPeople,
} from './demo-data.ts';
import { demoPlan } from './demo-plan.ts';

export interface DemoResult {
  created: boolean;
  orgId: string;
  accounts: { email: string; password: string }[];
}

const actor = { userId: null, ip: 'demo', userAgent: 'essaim-demo' };

/**
 * Load the demo organisation once: a second run finds it (by its demo owner's membership) and does
 * nothing. Accounts get a documented demo password, printed by the CLI.
 */
export async function loadDemo(deps: Pick<AppDeps, 'database'>): Promise<DemoResult> {
  const { db } = deps.database;
  const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, password: DEMO_PASSWORD }));
  const existingOwner = await usersRepository.findByEmail(db, DEMO_ACCOUNTS[0]!.email);
  if (existingOwner) {
    const orgs = await organisationsRepository.listForUser(db, existingOwner.id);
    const demo = orgs.find((o) => o.name === DEMO_ORG_NAME);
    if (demo) {
      return { created: false, orgId: demo.id, accounts };
    }
  }
  const isFirst = (await usersRepository.count(db)) === 0;
  const users = [];
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    users.push(
      (await usersRepository.findByEmail(db, a.email)) ??
        (await createUser(db, {
          email: a.email,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          language: 'fr',
          isAdmin: isFirst && i === 0,
        })),
    );
  }
  const facilitator = users[0]!;
  const org = await createOrganisation(
    db,
    facilitator,
    { name: DEMO_ORG_NAME },
    { ...actor, userId: facilitator.id },
  );
  const scope = mintScope(org.id, 'owner', facilitator.id);
  const fActor = { ...actor, userId: facilitator.id };
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    if (i > 0) {
      await organisationsRepository.addMember(db, {
        org_id: org.id,
        user_id: users[i]!.id,
        role: a.role,
        created_at: nowIso(),
      });
    }
  }
  // The roster goes through the same all-or-nothing import as a real file.
  const header = {
    cells: ['name', 'email', 'title', 'collective', 'parent collective', 'kind', 'site', 'ancienneté'],
    line: 1,
  };
  const kinds = new Map(DEMO_COLLECTIVES.map((c) => [c.name, c]));
  const rows = demoPeople().flatMap((p, i) =>
    p.collectives.map((c, j) => ({
      cells: [
        p.displayName,
        p.email,
        p.title,
        c,
        kinds.get(c)?.parent ?? '',
        kinds.get(c)?.kind ?? 'team',
        p.attributes.site,
        p.attributes.ancienneté,
      ],
      line: i * 2 + j + 2,
    })),
  );
  await commitImport(db, scope, 'demo.csv', rowsToRoster([header, ...rows]), fActor);

  const engagement = await createEngagement(db, scope, DEMO_ENGAGEMENT, fActor, 'fr');
  for (const text of DEMO_ENGAGEMENT.questions) {
    await addQuestion(db, scope, engagement.id, text, fActor);
  }
  const withQuestions = await addStakeholder(
    db,
    scope,
    engagement.id,
    {
      kind: 'sponsor',
      name: 'Jean Dupuis',
      userId: users[1]!.id,
      note: 'Directeur départemental, commanditaire',
    },
    fActor,
  );
  await addStakeholder(
    db,
    scope,
    engagement.id,
    { kind: 'facilitator', name: 'Claire Morel', userId: facilitator.id, note: 'Cabinet Trame' },
    fActor,
  );
  const q3 = withQuestions.questions[2]!;
  await assessQuestionComplexity(
    db,
    scope,
    engagement.id,
    q3.id,
    {
      answers: { causeEffect: 'hindsight', agreement: 'partial', precedent: 'never', urgency: 'normal' },
      reasoning:
        'Personne ne sait à l’avance quelles coopérations prendront : il faut des essais à petite échelle.',
    },
    fActor,
    facilitator.display_name,
  );
  await updatePhase(
    db,
    scope,
    engagement.id,
    'listen',
    {
      status: 'done',
      notes: 'Entretiens avec la direction, les chefs de service et les représentants du personnel.',
    },
    fActor,
  );
  await updatePhase(
    db,
    scope,
    engagement.id,
    'diagnose',
    { status: 'active', notes: 'Questionnaire de diagnostic prévu en octobre.' },
    fActor,
  );
  const board = await createBoard(
    db,
    scope,
    engagement.id,
    { title: DEMO_ENGAGEMENT.board.title, questionId: q3.id, criteria: DEMO_ENGAGEMENT.board.criteria },
    fActor,
    'fr',
  );
  for (const o of DEMO_ENGAGEMENT.board.options) {
    await addOption(db, scope, engagement.id, board.id, o, fActor);
  }
  const accueil = await db
    .selectFrom('collectives')
    .select('id')
    .where('org_id', '=', org.id)
    .where('name', '=', 'Service Accueil et usagers')
    .executeTakeFirst();
  const plan = demoPlan({
    flowQuestionId: withQuestions.questions[0]!.id,
    cooperationQuestionId: q3.id,
    accueilId: accueil?.id ?? null,
  });
  await savePlan(db, scope, engagement.id, { version: 0, document: plan }, fActor, 'fr');
  return { created: true, orgId: org.id, accounts };
}
