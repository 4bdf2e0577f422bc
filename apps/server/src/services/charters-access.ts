import type { Role } from '@essaim/core';
import { isEditable } from '@essaim/core/charters';
import type { Db } from '../db/db.ts';
import type { CharterMeta } from '../db/repositories/charters.repository.ts';
import { chartersRepository } from '../db/repositories/charters.repository.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';

/**
 * Names of the people who committed are shared inside the engagement's working side (leads and members),
 * not with the sponsor or observers, who see counts: on the screen, in every export and in reports.
 */
export const mayReadCommitmentNames = (role: Role): boolean => role !== 'sponsor' && role !== 'observer';

/** Who is looking at a charter: a signed-in member of the organisation, or a participant holding a token. */
export type CharterViewer =
  | { kind: 'user'; userId: string; role: Role; name: string }
  | { kind: 'participant'; participantId: string; personId: string; name: string };

export interface CharterRights {
  canEdit: boolean;
  canComment: boolean;
  canManage: boolean;
  canCommit: boolean;
  readOnlyReason: 'adopted' | 'stopped' | 'paused' | 'role' | null;
  /** The person who commits (members of the collective, participants through their token). */
  personId: string | null;
}

/**
 * The charter's permissions, enforced by the server on every path (REST and socket): the facilitator
 * (and owner) and the members of the charter's collective edit; the sponsor comments and sees the
 * commitment counts; observers only read; participants without an account comment and commit through
 * a token scoped to this charter. A stopped or paused engagement and an adopted text are read-only.
 */
export async function charterRights(
  db: Db,
  charter: CharterMeta,
  viewer: CharterViewer,
): Promise<CharterRights> {
  const engagement = await engagementsRepository.statusOf(db, charter.engagement_id);
  const halted =
    engagement?.status === 'stopped' ? 'stopped' : engagement?.status === 'paused' ? 'paused' : null;
  let personId: string | null = null;
  let roleMayEdit = false;
  let canComment = false;
  let canManage = false;
  if (viewer.kind === 'participant') {
    personId = viewer.personId;
    canComment = true;
  } else {
    const person = await chartersRepository.personOfUser(db, charter.org_id, viewer.userId);
    const inCollective =
      charter.collective_id === null ||
      (person !== undefined &&
        (await chartersRepository.isInCollective(db, person.id, charter.collective_id)));
    const leads = viewer.role === 'owner' || viewer.role === 'facilitator';
    roleMayEdit = leads || (viewer.role === 'member' && inCollective);
    canComment = viewer.role !== 'observer';
    canManage = leads;
    const mayCommitRole = viewer.role !== 'observer' && viewer.role !== 'sponsor';
    // Without a collective, any member with an account commits in their own name (no roster entry needed).
    personId =
      mayCommitRole && person && inCollective
        ? person.id
        : mayCommitRole && charter.collective_id === null
          ? `user:${viewer.userId}`
          : null;
  }
  const editableText = isEditable(charter.status as 'drafting');
  const readOnlyReason = halted ?? (!roleMayEdit ? 'role' : !editableText ? 'adopted' : null);
  return {
    canEdit: readOnlyReason === null,
    canComment: canComment && halted === null,
    canManage,
    canCommit: personId !== null && halted === null,
    readOnlyReason,
    personId,
  };
}
