/**
 * The organisation the user is working in. Remembered per browser (localStorage) and shared by every
 * feature: `const { org, role, can } = useCurrentOrg();` then `can('engagement.create')` to hide what the
 * role may not do (the server still decides).
 */
import type { MembershipSummary } from '@essaim/contracts';
import { type Action, type Role, can as roleCan } from '@essaim/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from '../auth/session';

export const CURRENT_ORG_STORAGE_KEY = 'essaim-org';
const CHANGE_EVENT = 'essaim:current-org';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(CURRENT_ORG_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Makes `orgId` the current organisation (or forgets it with `null`), in every mounted component. */
export function setCurrentOrgId(orgId: string | null): void {
  try {
    if (orgId) {
      window.localStorage.setItem(CURRENT_ORG_STORAGE_KEY, orgId);
    } else {
      window.localStorage.removeItem(CURRENT_ORG_STORAGE_KEY);
    }
  } catch {
    // Storage may be disabled (private mode): the choice then lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === CURRENT_ORG_STORAGE_KEY) {
      onChange();
    }
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export interface CurrentOrg {
  /** The current organisation, or `null` when the user belongs to none. */
  org: { id: string; name: string } | null;
  /** The user's role there. */
  role: Role | null;
  /** Whether that role may perform `action` (from the core permission map). */
  can: (action: Action) => boolean;
  /** Every organisation the user belongs to, for switchers. */
  memberships: MembershipSummary[];
  setCurrentOrg: (orgId: string) => void;
}

/** Picks the stored organisation if the user still belongs to it, else their first one. */
export function resolveMembership(
  memberships: readonly MembershipSummary[],
  storedId: string | null,
): MembershipSummary | null {
  return memberships.find((m) => m.orgId === storedId) ?? memberships[0] ?? null;
}

export function useCurrentOrg(): CurrentOrg {
  const { data: me } = useMe();
  const storedId = useSyncExternalStore(subscribe, readStored, () => null);
  const memberships = me?.memberships ?? [];
  const current = resolveMembership(memberships, storedId);
  const role = current?.role ?? null;
  const can = useCallback((action: Action) => (role ? roleCan(role, action) : false), [role]);
  return {
    org: current ? { id: current.orgId, name: current.orgName } : null,
    role,
    can,
    memberships,
    setCurrentOrg: setCurrentOrgId,
  };
}
