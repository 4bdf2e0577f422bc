import { type Action, can } from '@essaim/core';
import type { Db } from '../db/db.ts';
import { mintScope, type OrgScope } from '../db/org-scope.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { toRole } from './presenters.ts';

/**
 * Check that `userId` belongs to `orgId` and that their role allows `action`; return the scope that
 * repositories require. A non-member gets NOT_FOUND (the organisation's existence is not revealed);
 * a member whose role lacks the action gets FORBIDDEN.
 */
export async function requireScope(db: Db, userId: string, orgId: string, action: Action): Promise<OrgScope> {
  const membership = await organisationsRepository.membership(db, orgId, userId);
  if (!membership) {
    throw new AppError('NOT_FOUND', 'organisation not found');
  }
  const role = toRole(membership.role);
  if (!can(role, action)) {
    throw new AppError('FORBIDDEN', `your role (${role}) does not allow ${action}`);
  }
  return mintScope(orgId, role, userId);
}
