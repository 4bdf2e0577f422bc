import type { Me, Organisation, User } from '@essaim/contracts';
import { actionsOf, isRole, type Role } from '@essaim/core';
import type { Db } from '../db/db.ts';
import type { OrganisationRow } from '../db/repositories/organisations.repository.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import type { UserRow } from '../db/repositories/users.repository.ts';

export function toRole(value: string): Role {
  if (!isRole(value)) {
    throw new Error(`unknown role in database: ${value}`);
  }
  return value;
}

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language === 'en' ? 'en' : 'fr',
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
  };
}

export function presentOrganisation(row: OrganisationRow, role: string): Organisation {
  return {
    id: row.id,
    name: row.name,
    contributionPolicy: row.contribution_policy === 'delete' ? 'delete' : 'anonymise',
    minGroupSize: row.min_group_size,
    minTextGroupSize: row.min_text_group_size,
    createdAt: row.created_at,
    role: toRole(role),
  };
}

export async function presentMe(db: Db, user: UserRow): Promise<Me> {
  const orgs = await organisationsRepository.listForUser(db, user.id);
  return {
    user: presentUser(user),
    memberships: orgs.map((o) => ({
      orgId: o.id,
      orgName: o.name,
      role: toRole(o.role),
      actions: actionsOf(toRole(o.role)),
    })),
  };
}
