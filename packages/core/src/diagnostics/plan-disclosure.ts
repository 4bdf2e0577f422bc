/**
 * @module planDisclosure: which requested cuts may be shown, with a reason for each.
 *
 * The plan is computed over the whole requestable universe (requested ∪ other requestable
 * cuts), largest cuts first, so a cut's status never depends on which cuts one request names.
 * The server must therefore always pass the full universe a user could request (see
 * enumerateRequestableCuts), and release campaigns in batches rather than live.
 */
import {
  type CollectiveNode,
  type CutDefinition,
  computeCutMembers,
  cutKey,
  type DisclosureRespondent,
} from './cuts';
import { type DisclosureReason, planCells } from './disclosure-plan';
import { resolveThresholds, type Thresholds } from './thresholds';

/** Props of {@link planDisclosure}. */
export interface PlanDisclosureProps {
  /** Respondents counted for this kind of data (for open text: those who answered it). */
  readonly respondents: readonly DisclosureRespondent[];
  /** Cuts whose status is wanted. */
  readonly requestedCuts: readonly CutDefinition[];
  /** Every other cut a user could request (collectives, filters and their combinations). */
  readonly otherRequestableCuts?: readonly CutDefinition[];
  /** Collective hierarchy, for nesting. */
  readonly collectives?: readonly CollectiveNode[];
  /** Thresholds, raised to the floors when lower. */
  readonly thresholds?: Partial<Thresholds>;
  /** `scores` uses minRespondents, `openText` uses minOpenText (default `scores`). */
  readonly kind?: 'scores' | 'openText';
}

/** Status of one requested cut. `n` is withheld (null) for suppressed cuts. */
export interface DisclosureDecision {
  readonly cut: CutDefinition;
  readonly key: string;
  readonly n: number | null;
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
}

/** Distinct cuts of the universe (by key) with their members. */
export function resolveUniverse(
  respondents: readonly DisclosureRespondent[],
  requestedCuts: readonly CutDefinition[],
  otherRequestableCuts: readonly CutDefinition[],
  collectives: readonly CollectiveNode[],
): { cuts: CutDefinition[]; keys: string[]; members: Int32Array[] } {
  const byKey = new Map<string, CutDefinition>();
  for (const cut of [...requestedCuts, ...otherRequestableCuts]) {
    const key = cutKey(cut);
    if (!byKey.has(key)) {
      byKey.set(key, cut);
    }
  }
  const keys = [...byKey.keys()].sort();
  const cuts = keys.map((key) => byKey.get(key)!);
  return { cuts, keys, members: computeCutMembers(respondents, cuts, collectives) };
}

/**
 * Decide which requested cuts may be shown.
 * @example planDisclosure({ respondents, requestedCuts: [{ collectiveId: 'team-a' }], otherRequestableCuts })
 *   // [{ cut, key, n: 12, status: 'shown', reason: 'meets-threshold' }]
 */
export function planDisclosure(props: PlanDisclosureProps): DisclosureDecision[] {
  const thresholds = resolveThresholds(props.thresholds);
  const threshold = props.kind === 'openText' ? thresholds.minOpenText : thresholds.minRespondents;
  const universe = resolveUniverse(
    props.respondents,
    props.requestedCuts,
    props.otherRequestableCuts ?? [],
    props.collectives ?? [],
  );
  const cells = universe.keys.map((key, index) => ({ key, members: universe.members[index]! }));
  const decisions = planCells(cells, props.respondents.length, threshold);
  const byKey = new Map(universe.keys.map((key, index) => [key, index]));
  return props.requestedCuts.map((cut) => {
    const key = cutKey(cut);
    const index = byKey.get(key)!;
    const decision = decisions[index]!;
    const n = decision.status === 'shown' ? universe.members[index]!.length : null;
    return { cut, key, n, ...decision };
  });
}
