/** @deprecated OrgScope lives in `db/org-scope.ts` (repositories take it); import it from there. */
export { mintScope, type OrgScope } from '../db/org-scope.ts';
