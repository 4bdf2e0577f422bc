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
}

const contributors: PersonalDataContributor[] = [];

export function registerPersonalData(contributor: PersonalDataContributor): void {
  if (!contributors.some((c) => c.name === contributor.name)) {
    contributors.push(contributor);
  }
}

export function personalDataContributors(): readonly PersonalDataContributor[] {
  return contributors;
}
