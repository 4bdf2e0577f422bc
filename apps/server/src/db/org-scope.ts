import type { Role } from '@essaim/core';

declare const scopeBrand: unique symbol;

/**
 * Proof that the caller's membership of `orgId` was checked. Repositories that read or write
 * organisation data take one, so an unchecked id cannot reach a query.
 */
export interface OrgScope {
  readonly orgId: string;
  readonly role: Role;
  readonly userId: string;
  readonly [scopeBrand]: true;
}

/** Only the access service (and trusted internals such as the demo loader) mint scopes. */
export function mintScope(orgId: string, role: Role, userId: string): OrgScope {
  return { orgId, role, userId } as OrgScope;
}
