import type { Db } from '../db/db.ts';

/**
 * A feature that holds data about people registers here, so a person's export and erasure cover it
 * (GDPR art. 15, 17, 20). `erase` runs inside the account-deletion transaction, once per organisation
 * the person belonged to, with that organisation's policy.
 */
export interface PersonalDataContributor {
  name: string;
  export(db: Db, userId: string): Promise<unknown>;
  erase(db: Db, userId: string, orgId: string, policy: 'anonymise' | 'delete'): Promise<void>;
  /**
   * Contributors whose erasure must run after this one (e.g. the one that drops the link this one
   * finds the person's rows by). Order of registration then no longer matters.
   */
  before?: readonly string[];
}

const contributors: PersonalDataContributor[] = [];

export function registerPersonalData(contributor: PersonalDataContributor): void {
  if (contributors.some((c) => c.name === contributor.name)) {
    return;
  }
  const first = contributors.findIndex((c) => contributor.before?.includes(c.name));
  if (first === -1) {
    contributors.push(contributor);
  } else {
    contributors.splice(first, 0, contributor);
  }
}

export function personalDataContributors(): readonly PersonalDataContributor[] {
  return contributors;
}
