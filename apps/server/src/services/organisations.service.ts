import type { Organisation } from '@essaim/contracts';
import type { Role } from '@essaim/core';
import type { Db } from '../db/db.ts';
import { mintScope, type OrgScope } from '../db/org-scope.ts';
import { type InvitationRow, organisationsRepository } from '../db/repositories/organisations.repository.ts';
import type { UserRow } from '../db/repositories/users.repository.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import type { Mailer } from '../lib/mailer.ts';
import { addSeconds, hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { createUser, openSession } from './auth.service.ts';
import { renderOrgInvitationEmail } from './notification-emails.ts';
import { presentOrganisation } from './presenters.ts';

/** Confidentiality floors from survey practice (domain.md (b)): organisations may raise them, never lower. */
export const MIN_GROUP_SIZE = 5;
export const MIN_TEXT_GROUP_SIZE = 10;

export async function createOrganisation(
  db: Db,
  user: UserRow,
  input: { name: string; contributionPolicy?: 'anonymise' | 'delete' | undefined },
  actor: Actor,
): Promise<Organisation> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = {
      id: newId(),
      name: input.name,
      contribution_policy: input.contributionPolicy ?? 'anonymise',
      min_group_size: MIN_GROUP_SIZE,
      min_text_group_size: MIN_TEXT_GROUP_SIZE,
      created_at: now,
      updated_at: now,
    };
    await organisationsRepository.insert(trx, row);
    await organisationsRepository.addMember(trx, {
      org_id: row.id,
      user_id: user.id,
      role: 'owner',
      created_at: now,
    });
    await recordAudit(trx, actor, {
      orgId: row.id,
      action: 'org.created',
      objectKind: 'organisation',
      objectId: row.id,
      details: { name: row.name },
    });
    return presentOrganisation(row, 'owner');
  });
}

export async function getOrganisation(db: Db, scope: OrgScope): Promise<Organisation> {
  const row = await organisationsRepository.get(db, scope);
  if (!row) {
    throw notFound('organisation');
  }
  return presentOrganisation(row, scope.role);
}

export async function updateOrganisation(
  db: Db,
  scope: OrgScope,
  patch: {
    name?: string | undefined;
    contributionPolicy?: 'anonymise' | 'delete' | undefined;
    minGroupSize?: number | undefined;
    minTextGroupSize?: number | undefined;
  },
  actor: Actor,
): Promise<Organisation> {
  return db.transaction().execute(async (trx) => {
    const set: Record<string, string | number> = { updated_at: nowIso() };
    if (patch.name !== undefined) {
      set.name = patch.name;
    }
    if (patch.contributionPolicy !== undefined) {
      set.contribution_policy = patch.contributionPolicy;
    }
    if (patch.minGroupSize !== undefined) {
      set.min_group_size = Math.max(MIN_GROUP_SIZE, patch.minGroupSize);
    }
    if (patch.minTextGroupSize !== undefined) {
      set.min_text_group_size = Math.max(MIN_TEXT_GROUP_SIZE, patch.minTextGroupSize);
    }
    await organisationsRepository.update(trx, scope, set);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'org.updated',
      objectKind: 'organisation',
      objectId: scope.orgId,
      details: patch,
    });
    return getOrganisation(trx, scope);
  });
}

export async function listMembers(db: Db, scope: OrgScope) {
  return organisationsRepository.listMembers(db, scope);
}

async function assertOwnerRemains(
  db: Db,
  scope: OrgScope,
  userId: string,
  newRole: Role | null,
): Promise<void> {
  const target = await organisationsRepository.findMember(db, scope, userId);
  if (!target) {
    throw notFound('member');
  }
  if (
    target.role === 'owner' &&
    newRole !== 'owner' &&
    (await organisationsRepository.countOwners(db, scope)) <= 1
  ) {
    throw new AppError('CONFLICT', 'an organisation needs at least one owner: make someone else owner first');
  }
}

export async function changeRole(
  db: Db,
  scope: OrgScope,
  userId: string,
  role: Role,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertOwnerRemains(trx, scope, userId, role);
    await organisationsRepository.setRole(trx, scope, userId, role);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'member.role_changed',
      objectKind: 'user',
      objectId: userId,
      details: { role },
    });
  });
}

export async function removeMember(db: Db, scope: OrgScope, userId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertOwnerRemains(trx, scope, userId, null);
    await organisationsRepository.removeMember(trx, scope, userId);
    const action = userId === scope.userId ? 'member.left' : 'member.removed';
    await recordAudit(trx, actor, { orgId: scope.orgId, action, objectKind: 'user', objectId: userId });
  });
}

function invitationStatus(
  row: Pick<InvitationRow, 'accepted_at' | 'revoked_at' | 'expires_at'>,
  now: string,
) {
  if (row.accepted_at) {
    return 'accepted' as const;
  }
  if (row.revoked_at) {
    return 'revoked' as const;
  }
  return row.expires_at <= now ? ('expired' as const) : ('pending' as const);
}

function presentInvitation(row: InvitationRow & { inviter_name?: string | null }, now: string) {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    invitedBy: row.inviter_name ?? null,
    status: invitationStatus(row, now),
  };
}

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invite/${token}`;

export async function createInvitation(
  db: Db,
  scope: OrgScope,
  input: { email: string; role: Role; expiresInDays?: number | undefined },
  actor: Actor,
  deps: { publicUrl: string; mailer: Mailer },
) {
  if (input.role === 'owner' && scope.role !== 'owner') {
    throw new AppError('FORBIDDEN', 'only owners can invite owners');
  }
  const token = newToken();
  const now = nowIso();
  const row: Omit<InvitationRow, 'org_id'> = {
    id: newId(),
    email: input.email,
    role: input.role,
    token_hash: hashToken(token),
    invited_by: scope.userId,
    created_at: now,
    expires_at: addSeconds(now, (input.expiresInDays ?? 7) * 24 * 3600),
    accepted_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await organisationsRepository.insertInvitation(trx, scope, row);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'invitation.created',
      objectKind: 'invitation',
      objectId: row.id,
      details: { role: input.role },
    });
  });
  const link = invitationLink(deps.publicUrl, token);
  let emailed = false;
  if (deps.mailer.enabled) {
    const org = await organisationsRepository.get(db, scope);
    const inviter = await usersRepository.findById(db, scope.userId);
    await deps.mailer.send({
      to: input.email,
      ...renderOrgInvitationEmail({
        orgName: org?.name ?? '',
        inviterName: inviter?.display_name ?? 'Essaim',
        link,
        expiresAt: row.expires_at,
      }),
    });
    emailed = true;
  }
  return { invitation: presentInvitation({ ...row, org_id: scope.orgId }, now), link, emailed };
}

export async function listInvitations(db: Db, scope: OrgScope) {
  const now = nowIso();
  return (await organisationsRepository.listInvitations(db, scope)).map((r) => presentInvitation(r, now));
}

export async function revokeInvitation(db: Db, scope: OrgScope, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await organisationsRepository.findInvitation(trx, scope, id);
    if (!row) {
      throw notFound('invitation');
    }
    await organisationsRepository.revokeInvitation(trx, scope, id, nowIso());
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'invitation.revoked',
      objectKind: 'invitation',
      objectId: id,
    });
  });
}

async function usableInvitation(db: Db, token: string) {
  const row = await organisationsRepository.findInvitationByTokenHash(db, hashToken(token));
  if (!row || invitationStatus(row, nowIso()) !== 'pending') {
    throw new AppError('NOT_FOUND', 'this invitation is invalid, used or expired');
  }
  return row;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await usableInvitation(db, token);
  return {
    orgName: row.org_name,
    role: row.role as Role,
    email: row.email,
    expiresAt: row.expires_at,
    accountExists: Boolean(await usersRepository.findByEmail(db, row.email)),
  };
}

/**
 * Accept an invitation: as the signed-in user whose email it names, or by creating that account.
 * Returns the user and, when an account was created, a new session token.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  signedIn: UserRow | null,
  create: { displayName?: string | undefined; password?: string | undefined },
  actor: Actor,
): Promise<{ user: UserRow; sessionToken: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = await usableInvitation(trx, token);
    let user = signedIn;
    let sessionToken: string | null = null;
    if (user) {
      if (user.email !== row.email) {
        throw new AppError('FORBIDDEN', 'this invitation was sent to another email address');
      }
    } else {
      if (!create.displayName || !create.password) {
        throw new AppError('UNAUTHENTICATED', 'sign in, or give a name and password to create your account');
      }
      if (await usersRepository.findByEmail(trx, row.email)) {
        throw new AppError('CONFLICT', 'an account with this email exists: sign in to accept');
      }
      user = await createUser(trx, {
        email: row.email,
        displayName: create.displayName,
        password: create.password,
      });
      sessionToken = await openSession(trx, user.id, actor);
    }
    if (!(await organisationsRepository.markInvitationAccepted(trx, row.id, nowIso()))) {
      throw new AppError('CONFLICT', 'this invitation was just used');
    }
    const scope = mintScope(row.org_id, row.role as Role, user.id);
    const existing = await organisationsRepository.findMember(trx, scope, user.id);
    if (!existing) {
      await organisationsRepository.addMember(trx, {
        org_id: row.org_id,
        user_id: user.id,
        role: row.role,
        created_at: nowIso(),
      });
    }
    await recordAudit(
      trx,
      { ...actor, userId: user.id },
      {
        orgId: row.org_id,
        action: 'invitation.accepted',
        objectKind: 'invitation',
        objectId: row.id,
        details: { role: row.role },
      },
    );
    return { user, sessionToken };
  });
}
