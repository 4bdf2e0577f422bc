import type { Collective, Person } from '@essaim/contracts';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type PersonRow, peopleRepository } from '../db/repositories/people.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { registerPersonalData } from './personal-data.ts';

export async function listCollectives(db: Db, scope: OrgScope): Promise<Collective[]> {
  return (await peopleRepository.collectives(db, scope)).map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind as Collective['kind'],
    parentId: c.parent_id,
    memberCount: Number(c.member_count),
  }));
}

async function presentCollective(db: Db, scope: OrgScope, id: string): Promise<Collective> {
  const c = (await listCollectives(db, scope)).find((x) => x.id === id);
  if (!c) {
    throw notFound('collective');
  }
  return c;
}

/** A parent must exist in the organisation and must not be the collective itself or one of its descendants. */
async function checkParent(
  db: Db,
  scope: OrgScope,
  id: string | null,
  parentId: string | null | undefined,
): Promise<void> {
  if (!parentId) {
    return;
  }
  const all = await peopleRepository.collectives(db, scope);
  const byId = new Map(all.map((c) => [c.id, c]));
  if (!byId.has(parentId)) {
    throw notFound('parent collective');
  }
  for (let cur: string | null = parentId; cur; cur = byId.get(cur)?.parent_id ?? null) {
    if (cur === id) {
      throw new AppError('CONFLICT', 'a collective cannot be nested inside itself');
    }
  }
}

export async function createCollective(
  db: Db,
  scope: OrgScope,
  body: { name: string; kind: string; parentId?: string | null | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await checkParent(trx, scope, null, body.parentId);
    const id = newId();
    await peopleRepository.insertCollective(trx, scope, {
      id,
      name: body.name,
      kind: body.kind,
      parent_id: body.parentId ?? null,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'collective.created',
      objectKind: 'collective',
      objectId: id,
      details: { name: body.name },
    });
    return presentCollective(trx, scope, id);
  });
}

export async function updateCollective(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { name?: string | undefined; kind?: string | undefined; parentId?: string | null | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    if (!(await peopleRepository.findCollective(trx, scope, id))) {
      throw notFound('collective');
    }
    await checkParent(trx, scope, id, body.parentId);
    const patch: { name?: string; kind?: string; parent_id?: string | null } = {};
    if (body.name !== undefined) {
      patch.name = body.name;
    }
    if (body.kind !== undefined) {
      patch.kind = body.kind;
    }
    if (body.parentId !== undefined) {
      patch.parent_id = body.parentId;
    }
    await peopleRepository.updateCollective(trx, scope, id, patch);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'collective.updated',
      objectKind: 'collective',
      objectId: id,
    });
    return presentCollective(trx, scope, id);
  });
}

export async function deleteCollective(db: Db, scope: OrgScope, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    if (!(await peopleRepository.findCollective(trx, scope, id))) {
      throw notFound('collective');
    }
    if (await peopleRepository.hasChildren(trx, scope, id)) {
      throw new AppError('CONFLICT', 'move or delete its sub-collectives first');
    }
    await peopleRepository.deleteCollective(trx, scope, id);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'collective.deleted',
      objectKind: 'collective',
      objectId: id,
    });
  });
}

export async function presentPeople(db: Db, rows: PersonRow[]): Promise<Person[]> {
  const links = await peopleRepository.memberships(
    db,
    rows.map((r) => r.id),
  );
  const byPerson = new Map<string, string[]>();
  for (const l of links) {
    byPerson.set(l.person_id, [...(byPerson.get(l.person_id) ?? []), l.collective_id]);
  }
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    title: r.title,
    attributes: r.attributes,
    collectiveIds: byPerson.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

async function checkCollectives(db: Db, scope: OrgScope, ids: string[] | undefined): Promise<void> {
  for (const cid of ids ?? []) {
    if (!(await peopleRepository.findCollective(db, scope, cid))) {
      throw notFound('collective');
    }
  }
}

async function requirePerson(db: Db, scope: OrgScope, id: string): Promise<PersonRow> {
  const p = await peopleRepository.findPerson(db, scope, id);
  if (!p) {
    throw notFound('person');
  }
  return p;
}

export async function createPerson(
  db: Db,
  scope: OrgScope,
  body: {
    displayName: string;
    email?: string | undefined;
    title?: string | undefined;
    attributes?: Record<string, string> | undefined;
    collectiveIds?: string[] | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await checkCollectives(trx, scope, body.collectiveIds);
    const email = body.email?.toLowerCase() ?? null;
    if (email && (await peopleRepository.findPeopleByEmails(trx, scope, [email])).length > 0) {
      throw new AppError('CONFLICT', 'a person with this email already exists in the organisation');
    }
    const now = nowIso();
    const id = newId();
    await peopleRepository.insertPerson(trx, scope, {
      id,
      display_name: body.displayName,
      email,
      title: body.title ?? '',
      attributes: body.attributes ?? {},
      user_id: null,
      created_at: now,
      updated_at: now,
    });
    await peopleRepository.setCollectives(trx, id, body.collectiveIds ?? []);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'person.created',
      objectKind: 'person',
      objectId: id,
    });
    return (await presentPeople(trx, [await requirePerson(trx, scope, id)]))[0]!;
  });
}

export async function updatePerson(
  db: Db,
  scope: OrgScope,
  id: string,
  body: {
    displayName?: string | undefined;
    email?: string | null | undefined;
    title?: string | undefined;
    attributes?: Record<string, string> | undefined;
    collectiveIds?: string[] | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, scope, id);
    await checkCollectives(trx, scope, body.collectiveIds);
    const patch: Partial<PersonRow> = { updated_at: nowIso() };
    if (body.displayName !== undefined) {
      patch.display_name = body.displayName;
    }
    if (body.email !== undefined) {
      patch.email = body.email?.toLowerCase() ?? null;
      if (
        patch.email &&
        (await peopleRepository.findPeopleByEmails(trx, scope, [patch.email])).some((p) => p.id !== id)
      ) {
        throw new AppError('CONFLICT', 'a person with this email already exists in the organisation');
      }
    }
    if (body.title !== undefined) {
      patch.title = body.title;
    }
    if (body.attributes !== undefined) {
      patch.attributes = body.attributes;
    }
    await peopleRepository.updatePerson(trx, scope, id, patch);
    if (body.collectiveIds !== undefined) {
      await peopleRepository.setCollectives(trx, id, body.collectiveIds);
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'person.updated',
      objectKind: 'person',
      objectId: id,
    });
    return (await presentPeople(trx, [await requirePerson(trx, scope, id)]))[0]!;
  });
}

export async function deletePerson(db: Db, scope: OrgScope, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await requirePerson(trx, scope, id);
    await peopleRepository.deletePerson(trx, scope, id);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'person.deleted',
      objectKind: 'person',
      objectId: id,
    });
  });
}

function presentConsent(c: {
  id: string;
  person_id: string;
  engagement_id: string | null;
  purpose: string;
  text_version: string;
  granted_at: string;
  withdrawn_at: string | null;
}) {
  return {
    id: c.id,
    personId: c.person_id,
    engagementId: c.engagement_id,
    purpose: c.purpose as 'diagnostic_survey',
    textVersion: c.text_version,
    grantedAt: c.granted_at,
    withdrawnAt: c.withdrawn_at,
    active: c.withdrawn_at === null,
  };
}

export async function listConsents(db: Db, scope: OrgScope, personId: string) {
  await requirePerson(db, scope, personId);
  return (await peopleRepository.consents(db, scope, personId)).map(presentConsent);
}

/** Record a consent (time and text version). New input: refused while the engagement is stopped or paused. */
export async function recordConsent(
  db: Db,
  scope: OrgScope,
  body: { personId: string; engagementId?: string | undefined; purpose: string; textVersion: string },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, scope, body.personId);
    if (body.engagementId) {
      await loadEngagement(trx, scope, body.engagementId);
      await assertEngagementAcceptsInput(trx, body.engagementId);
    }
    const row = {
      id: newId(),
      person_id: body.personId,
      engagement_id: body.engagementId ?? null,
      purpose: body.purpose,
      text_version: body.textVersion,
      granted_at: nowIso(),
      withdrawn_at: null,
    };
    await peopleRepository.insertConsent(trx, scope, row);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'consent.granted',
      objectKind: 'consent',
      objectId: row.id,
      details: { purpose: body.purpose, textVersion: body.textVersion },
    });
    return presentConsent(row);
  });
}

/** Withdrawal is always possible, whatever the engagement's status (right to withdraw). */
export async function withdrawConsent(db: Db, scope: OrgScope, consentId: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const c = await peopleRepository.findConsent(trx, scope, consentId);
    if (!c) {
      throw notFound('consent');
    }
    if (!c.withdrawn_at) {
      await peopleRepository.withdrawConsent(trx, scope, consentId, nowIso());
      await recordAudit(trx, actor, {
        orgId: scope.orgId,
        action: 'consent.withdrawn',
        objectKind: 'consent',
        objectId: consentId,
        details: { purpose: c.purpose },
      });
    }
    return presentConsent((await peopleRepository.findConsent(trx, scope, consentId))!);
  });
}

// A roster person linked to an account is personal data of that account's holder.
registerPersonalData({
  name: 'roster',
  async export(db, userId) {
    const people = await peopleRepository.peopleOfUser(db, userId);
    const consents = people.length
      ? await db
          .selectFrom('consents')
          .selectAll()
          .where(
            'person_id',
            'in',
            people.map((p) => p.id),
          )
          .execute()
      : [];
    return {
      people,
      consents,
    };
  },
  async erase(db, userId, orgId, policy) {
    if (policy === 'delete') {
      await db.deleteFrom('people').where('user_id', '=', userId).where('org_id', '=', orgId).execute();
    } else {
      await db
        .updateTable('people')
        .set({
          display_name: 'Former member',
          email: null,
          title: '',
          attributes: '{}',
          user_id: null,
          updated_at: nowIso(),
        })
        .where('user_id', '=', userId)
        .where('org_id', '=', orgId)
        .execute();
    }
  },
});
