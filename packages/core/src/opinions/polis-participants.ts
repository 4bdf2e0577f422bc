/**
 * Reader for a Polis `participants-votes.csv`, the export that some open-data conversations ship
 * instead of `votes.csv`:
 *
 *   participant,[xid,]group-id,n-comments,n-votes,n-agree,n-disagree,<one column per comment id>
 *
 * A comment cell holds the participant's last vote on it (1 agree, -1 disagree, 0 pass) or is
 * empty when they never voted on it. There are no timestamps, so the votes carry none; `group-id`
 * (empty for participants Polis did not group) is returned beside them for comparisons.
 */

import { PolisCsvError, parseCsvRecords } from './polis-csv';
import type { Vote } from './vote-matrix';

export interface PolisParticipantsVotes {
  votes: Vote[];
  /** Participants in file order (Polis numbers participants in the order they joined). */
  participants: string[];
  /** Polis `group-id` of each grouped participant. */
  groups: Map<string, string>;
}

const FIXED_COLUMNS = new Set([
  'participant',
  'xid',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
]);

/**
 * Parses a Polis `participants-votes.csv` into votes (and Polis' groups).
 *
 * @example
 * parsePolisParticipantsVotes('participant,group-id,n-comments,n-votes,n-agree,n-disagree,3\n7,0,0,1,1,0,1\n');
 * // { votes: [{ participant: '7', statement: '3', vote: 1 }], participants: ['7'], groups: Map { '7' => '0' } }
 */
export function parsePolisParticipantsVotes(text: string): PolisParticipantsVotes {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) {
    throw new PolisCsvError(1, 'participants-votes.csv is empty');
  }
  const names = header.fields;
  const participantAt = names.indexOf('participant');
  if (participantAt < 0) {
    throw new PolisCsvError(header.line, 'participants-votes.csv: missing column "participant"');
  }
  const groupAt = names.indexOf('group-id');
  const commentColumns = names.flatMap((name, at) => (FIXED_COLUMNS.has(name) ? [] : [at]));
  const votes: Vote[] = [];
  const participants: string[] = [];
  const groups = new Map<string, string>();
  for (const record of rows) {
    if (record.fields.length !== names.length) {
      throw new PolisCsvError(record.line, `expected ${names.length} fields, got ${record.fields.length}`);
    }
    const participant = record.fields[participantAt]!;
    if (participant === '') {
      throw new PolisCsvError(record.line, 'empty participant');
    }
    participants.push(participant);
    const group = groupAt >= 0 ? record.fields[groupAt]! : '';
    if (group !== '') {
      groups.set(participant, group);
    }
    for (const at of commentColumns) {
      const raw = record.fields[at]!;
      if (raw === '') {
        continue;
      }
      const vote = Number(raw);
      if (!(vote === 1 || vote === -1 || vote === 0)) {
        throw new PolisCsvError(record.line, `vote must be 1, -1, 0 or empty, got "${raw}"`);
      }
      votes.push({ participant, statement: names[at]!, vote: vote as -1 | 0 | 1 });
    }
  }
  return { votes, participants, groups };
}
