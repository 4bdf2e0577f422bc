/**
 * Placing an essential question in a Cynefin domain from four guided answers.
 *
 * Cynefin (D. Snowden, 1999; Snowden & Boone, "A Leader's Framework for Decision Making", HBR 2007):
 * clear (sense–categorise–respond), complicated (sense–analyse–respond), complex (probe–sense–respond),
 * chaotic (act–sense–respond), confusion when no domain stands out. The framework is about sense-making,
 * not sorting: the result is a starting point for the group's own discussion, with the scores shown.
 *
 * Rules (each answer adds points to the domains it points at):
 * - cause and effect: obvious → clear 3; knowable by experts → complicated 3; visible only in hindsight → complex 3;
 *   no discernible link → chaotic 3.
 * - agreement on the problem: high → clear 1, complicated 1; partial → complicated 1, complex 1; low → complex 2.
 * - precedent: often → clear 2; sometimes → complicated 2; never → complex 1, chaotic 1.
 * - urgency: crisis → chaotic 3; pressing → chaotic 1; normal → nothing.
 * The top domain wins when it leads the runner-up by at least 2 points; otherwise the question sits in
 * confusion and the two leading domains are named so the group can discuss them.
 */
export type CynefinDomain = 'clear' | 'complicated' | 'complex' | 'chaotic' | 'confusion';

export interface ComplexityAnswers {
  causeEffect: 'obvious' | 'expert' | 'hindsight' | 'none';
  agreement: 'high' | 'partial' | 'low';
  precedent: 'often' | 'sometimes' | 'never';
  urgency: 'crisis' | 'pressing' | 'normal';
}

export interface CynefinAssessment {
  domain: CynefinDomain;
  scores: Record<Exclude<CynefinDomain, 'confusion'>, number>;
  /** The two leading domains, best first. */
  leading: [Exclude<CynefinDomain, 'confusion'>, Exclude<CynefinDomain, 'confusion'>];
  margin: number;
}

const ORDERED = ['clear', 'complicated', 'complex', 'chaotic'] as const;
export const CLEAR_MARGIN = 2;

export function assessCynefin(a: ComplexityAnswers): CynefinAssessment {
  const s = { clear: 0, complicated: 0, complex: 0, chaotic: 0 };
  const causes = { obvious: 'clear', expert: 'complicated', hindsight: 'complex', none: 'chaotic' } as const;
  s[causes[a.causeEffect]] += 3;
  if (a.agreement === 'high') {
    s.clear += 1;
    s.complicated += 1;
  } else if (a.agreement === 'partial') {
    s.complicated += 1;
    s.complex += 1;
  } else {
    s.complex += 2;
  }
  if (a.precedent === 'often') {
    s.clear += 2;
  } else if (a.precedent === 'sometimes') {
    s.complicated += 2;
  } else {
    s.complex += 1;
    s.chaotic += 1;
  }
  if (a.urgency === 'crisis') {
    s.chaotic += 3;
  } else if (a.urgency === 'pressing') {
    s.chaotic += 1;
  }
  // Stable order on ties: the listed order (clear first) decides, so the result is deterministic.
  const ranked = [...ORDERED].sort((x, y) => s[y] - s[x] || ORDERED.indexOf(x) - ORDERED.indexOf(y));
  const first = ranked[0]!;
  const second = ranked[1]!;
  const margin = s[first] - s[second];
  return {
    domain: margin >= CLEAR_MARGIN ? first : 'confusion',
    scores: s,
    leading: [first, second],
    margin,
  };
}
