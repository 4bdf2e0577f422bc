import type { Db } from '../db/db.ts';
import { mintScope } from '../db/org-scope.ts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { sessionsRepository } from '../db/repositories/sessions.repository.ts';
import { type UserRow, usersRepository } from '../db/repositories/users.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { verifyPassword } from './passwords.ts';
import { personalDataContributors } from './personal-data.ts';
import { presentUser, toRole } from './presenters.ts';

/** Everything Essaim holds about a person, as one JSON document (GDPR access and portability). */
export async function exportPersonalData(db: Db, user: UserRow): Promise<Record<string, unknown>> {
  const memberships = await organisationsRepository.listForUser(db, user.id);
  const sessions = await sessionsRepository.listLive(db, user.id, nowIso());
  const invitationsReceived = await db
    .selectFrom('invitations')
    .select(['id', 'org_id', 'role', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('email', '=', user.email)
    .execute();
  const participantLinks = await db
    .selectFrom('participants')
    .select(['id', 'org_id', 'scope_kind', 'scope_id', 'display_name', 'created_at'])
    .where('linked_user_id', '=', user.id)
    .execute();
  const audit = await auditRepository.listForActor(db, user.id);
  const features: Record<string, unknown> = {};
  for (const c of personalDataContributors()) {
    features[c.name] = await c.export(db, user.id);
  }
  return {
    format: 'essaim.personal-data',
    version: 1,
    exportedAt: nowIso(),
    profile: presentUser(user),
    memberships: memberships.map((m) => ({ orgId: m.id, orgName: m.name, role: m.role })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    invitationsReceived,
    participantLinks,
    auditEntries: audit.map((a) => ({
      at: a.at,
      action: a.action,
      orgId: a.org_id,
      objectKind: a.object_kind,
      objectId: a.object_id,
      ip: a.ip,
      details: a.details,
    })),
    features,
  };
}

export async function deletionPreview(db: Db, user: UserRow) {
  const orgs = await organisationsRepository.listForUser(db, user.id);
  const organisations = [];
  for (const o of orgs) {
    const scope = mintScope(o.id, toRole(o.role), user.id);
    const members = await organisationsRepository.listMembers(db, scope);
    const owners = members.filter((m) => m.role === 'owner');
    const alone = members.length === 1;
    organisations.push({
      orgId: o.id,
      orgName: o.name,
      policy: o.contribution_policy === 'delete' ? ('delete' as const) : ('anonymise' as const),
      soleOwner: !alone && o.role === 'owner' && owners.length === 1,
      deletedWithAccount: alone,
    });
  }
  return { organisations, canDelete: organisations.every((o) => !o.soleOwner) };
}

/**
 * Delete the account. In each organisation, the person's contributions are anonymised or deleted as
 * the organisation's policy says; organisations where they were the only member go with them. Audit
 * entries stay (append-only security record) but no longer resolve to a name.
 */
export async function deleteAccount(
  db: Db,
  user: UserRow,
  password: string,
  confirmEmail: string,
  actor: Actor,
): Promise<void> {
  if (confirmEmail !== user.email) {
    throw new AppError('VALIDATION_FAILED', 'type your email address to confirm');
  }
  if (!(await verifyPassword(await usersRepository.passwordHash(db, user.id), password))) {
    throw new AppError('FORBIDDEN', 'the password is incorrect');
  }
  const preview = await deletionPreview(db, user);
  if (!preview.canDelete) {
    throw new AppError(
      'CONFLICT',
      'you are the only owner of an organisation with other members: hand over ownership first',
    );
  }
  await db.transaction().execute(async (trx) => {
    for (const org of preview.organisations) {
      for (const c of personalDataContributors()) {
        await c.erase(trx, user.id, org.orgId, org.policy);
      }
      await recordAudit(
        trx,
        { ...actor, userId: null },
        {
          orgId: org.orgId,
          action: 'member.account_deleted',
          objectKind: 'user',
          objectId: user.id,
          details: { policy: org.policy },
        },
      );
      if (org.deletedWithAccount) {
        await trx.deleteFrom('organisations').where('id', '=', org.orgId).execute();
      }
    }
    await trx
      .updateTable('participants')
      .set({ linked_user_id: null })
      .where('linked_user_id', '=', user.id)
      .execute();
    await usersRepository.delete(trx, user.id);
  });
}
