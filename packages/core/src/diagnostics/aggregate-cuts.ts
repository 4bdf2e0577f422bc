/**
 * @module aggregateCuts: reports for many cuts, aggregates only for cells that may be shown.
 *
 * Cells are (cut × population) pairs. Populations are the respondent sets a statistic is
 * computed over: everyone (required items), answerers of each optional numeric item, complete
 * cases of each construct holding optional items. All score cells are planned together
 * (planCells, threshold minRespondents): the same answer can enter sums over several of those
 * sets, so they must be protected as one family. Open answers are planned per question with
 * minOpenText. Sums are accumulated once per atom (respondents with the same membership
 * signature) and added up per shown cut, so the cost is one pass over the answers plus
 * O(shown cuts × atoms × stride).
 */
import { accumulateSums, addGroupSums, createSumsLayout } from './answer-sums';
import { type CollectiveNode, type CutDefinition, cutKey, type DisclosureRespondent } from './cuts';
import { type DisclosureCell, type DisclosureReason, partitionIntoAtoms, planCells } from './disclosure-plan';
import { type Interpretation, interpretSummary } from './interpret';
import { resolveUniverse } from './plan-disclosure';
import { MISSING_ANSWER, type ResponseMatrix } from './response-matrix';
import { type DiagnosticSummary, summariseSums } from './summary';
import {
  groupTokenisedThemes,
  type Theme,
  type ThemeOptions,
  type TokenisedAnswer,
  tokeniseAnswer,
} from './themes';
import { resolveThresholds, type Thresholds } from './thresholds';

/** Props of {@link aggregateCuts}. */
export interface AggregateCutsProps {
  /** Validated answers; row r belongs to respondents[r]. */
  readonly matrix: ResponseMatrix;
  readonly respondents: readonly DisclosureRespondent[];
  readonly requestedCuts: readonly CutDefinition[];
  /** Every other cut a user could request. */
  readonly otherRequestableCuts?: readonly CutDefinition[];
  readonly collectives?: readonly CollectiveNode[];
  /** Raised to the floors (5 and 10) when lower. */
  readonly thresholds?: Partial<Thresholds>;
  readonly themeOptions?: Partial<ThemeOptions>;
}

/** Open answers of one question for one cut. */
export interface OpenTextReport {
  readonly itemId: string;
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
  /** Number of answers; null when suppressed. */
  readonly n: number | null;
  /** Themes; absent when suppressed. */
  readonly themes?: readonly Theme[];
}

/** Report for one requested cut. Aggregates are present only when `status` is `shown`. */
export interface CutReport {
  readonly cut: CutDefinition;
  readonly key: string;
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
  /** Respondents in the cut; null when suppressed. */
  readonly n: number | null;
  readonly summary?: DiagnosticSummary;
  readonly interpretation?: Interpretation;
  /** Items or constructs left out of `summary` because their own cell is suppressed. */
  readonly withheld?: readonly { kind: 'item' | 'construct'; id: string; reason: DisclosureReason }[];
  readonly openText: readonly OpenTextReport[];
}

/** Reports of one campaign, tagged with its instrument version. */
export interface CampaignReport {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly thresholds: Thresholds;
  readonly cuts: readonly CutReport[];
}

interface Population {
  readonly key: string;
  /** null = every respondent. */
  readonly mask: Uint8Array | null;
  readonly unit: { kind: 'item' | 'construct'; id: string } | null;
}

function samePopulation(a: Uint8Array | null, b: Uint8Array | null, size: number): boolean {
  for (let r = 0; r < size; r++) {
    if ((a === null ? 1 : a[r]) !== (b === null ? 1 : b[r])) {
      return false;
    }
  }
  return true;
}

function scorePopulations(matrix: ResponseMatrix): Population[] {
  const width = matrix.numericItems.length;
  const size = matrix.respondentCount;
  const columnOf = new Map(matrix.numericItems.map((item, column) => [item.id, column]));
  const answered = (columns: readonly number[]) => {
    const mask = new Uint8Array(size).fill(1);
    for (const c of columns) {
      for (let r = 0; r < size; r++) {
        if (matrix.values[r * width + c] === MISSING_ANSWER) {
          mask[r] = 0;
        }
      }
    }
    return mask;
  };
  const populations: Population[] = [{ key: 'all', mask: null, unit: null }];
  // A population is needed wherever someone lacks an answer, whatever the item's flags say:
  // matrices may be filled directly, bypassing validation.
  const add = (key: string, mask: Uint8Array, unit: Population['unit']) => {
    if (mask.indexOf(0) < 0) {
      return;
    }
    const twin = populations.find((p) => samePopulation(p.mask, mask, size));
    populations.push({ key, mask: twin === undefined ? mask : twin.mask, unit });
  };
  for (const item of matrix.numericItems) {
    add(`item:${item.id}`, answered([columnOf.get(item.id)!]), { kind: 'item', id: item.id });
  }
  for (const construct of matrix.instrument.constructs) {
    const columns = matrix.numericItems
      .filter((i) => i.constructId === construct.id)
      .map((i) => columnOf.get(i.id)!);
    if (columns.length > 0) {
      add(`construct:${construct.id}`, answered(columns), { kind: 'construct', id: construct.id });
    }
  }
  return populations;
}

function intersect(members: Int32Array, mask: Uint8Array | null): Int32Array {
  if (mask === null) {
    return members;
  }
  const kept = new Int32Array(members.length);
  let count = 0;
  for (const m of members) {
    if (mask[m] === 1) {
      kept[count++] = m;
    }
  }
  return kept.slice(0, count);
}

/**
 * Reports for the requested cuts: summary, interpretation and open-text themes for shown
 * cells only, a reason code for every suppressed one.
 * @example aggregateCuts({ matrix, respondents, requestedCuts, otherRequestableCuts, collectives })
 */
export function aggregateCuts(props: AggregateCutsProps): CampaignReport {
  const thresholds = resolveThresholds(props.thresholds);
  const { matrix } = props;
  if (props.respondents.length !== matrix.respondentCount) {
    throw new Error('diagnostics/aggregateCuts: respondents and matrix rows differ in length');
  }
  const universe = resolveUniverse(
    props.respondents,
    props.requestedCuts,
    props.otherRequestableCuts ?? [],
    props.collectives ?? [],
  );
  const populations = scorePopulations(matrix);
  const distinctMasks = [...new Set(populations.map((p) => p.mask))];
  // Self-declared members (shared link) may be scripted answers the attacker knows. Once any is
  // present, every shown cell needs minSelfDeclared and no combination of shown cells may isolate
  // fewer than minSelfDeclared respondents: m padded answers then leave ≥ minSelfDeclared − m
  // unknown ones in any derivable group (docs/diagnostics.md, "Threat model").
  const isPadded = props.respondents.some((r) => r.selfDeclared === true);
  const minimumOf = (floor: number) => (isPadded ? Math.max(floor, thresholds.minSelfDeclared) : floor);
  const cells: DisclosureCell[] = [];
  const cellIndex = new Map<string, number>();
  universe.keys.forEach((key, cut) => {
    distinctMasks.forEach((mask, m) => {
      cellIndex.set(`${key}#${m}`, cells.length);
      const members = intersect(universe.members[cut]!, mask);
      cells.push({ key: `${key}#${m}`, members, minimum: minimumOf(thresholds.minRespondents) });
    });
  });
  const partition = partitionIntoAtoms(cells, matrix.respondentCount);
  const decisions = planCells(
    cells,
    matrix.respondentCount,
    thresholds.minRespondents,
    partition,
    minimumOf(thresholds.minRespondents),
  );
  const layout = createSumsLayout(matrix);
  const sums = accumulateSums(matrix, layout, partition.atomOf, partition.atomSize.length);
  const textPlans = matrix.textItems.map((item, t) => {
    const texts = matrix.texts[t]!;
    const hasText = new Uint8Array(matrix.respondentCount);
    const tokens = new Map<number, TokenisedAnswer>();
    texts.forEach((text, r) => {
      if (text !== '') {
        hasText[r] = 1;
        tokens.set(r, tokeniseAnswer(text));
      }
    });
    const textCells = universe.members.map((members, cut) => {
      const answered = intersect(members, hasText);
      return {
        key: universe.keys[cut]!,
        members: answered,
        minimum: minimumOf(thresholds.minOpenText),
      };
    });
    const decisions = planCells(
      textCells,
      matrix.respondentCount,
      thresholds.minOpenText,
      undefined,
      minimumOf(thresholds.minOpenText),
    );
    return { item, tokens, textCells, decisions };
  });
  const universeIndex = new Map(universe.keys.map((key, index) => [key, index]));
  const cuts = props.requestedCuts.map((cut): CutReport => {
    const key = cutKey(cut);
    const cutIndex = universeIndex.get(key)!;
    const mainCell = cellIndex.get(`${key}#0`)!;
    const decision = decisions[mainCell]!;
    const openText = textPlans.map((plan): OpenTextReport => {
      const textDecision = plan.decisions[cutIndex]!;
      if (textDecision.status !== 'shown') {
        return { itemId: plan.item.id, ...textDecision, n: null };
      }
      const members = plan.textCells[cutIndex]!.members;
      const answers = Array.from(members, (m) => plan.tokens.get(m)!);
      const themes = groupTokenisedThemes(answers, props.themeOptions);
      return { itemId: plan.item.id, ...textDecision, n: members.length, themes };
    });
    if (decision.status !== 'shown') {
      return { cut, key, ...decision, n: null, openText };
    }
    const block = new Float64Array(layout.stride);
    for (const atom of partition.cellAtoms[mainCell]!) {
      addGroupSums(block, sums, atom, layout.stride);
    }
    const full = summariseSums(layout, block);
    const withheld = populations.flatMap((population) => {
      if (population.unit === null) {
        return [];
      }
      const m = distinctMasks.indexOf(population.mask);
      const unitDecision = decisions[cellIndex.get(`${key}#${m}`)!]!;
      return unitDecision.status === 'shown' ? [] : [{ ...population.unit, reason: unitDecision.reason }];
    });
    const hidden = new Set(withheld.map((w) => `${w.kind}:${w.id}`));
    const summary: DiagnosticSummary = {
      items: full.items.filter((i) => !hidden.has(`item:${i.itemId}`)),
      constructs: full.constructs.filter((c) => !hidden.has(`construct:${c.constructId}`)),
    };
    const n = universe.members[cutIndex]!.length;
    return {
      cut,
      key,
      ...decision,
      n,
      summary,
      interpretation: interpretSummary(summary),
      withheld,
      openText,
    };
  });
  return {
    instrumentId: matrix.instrument.id,
    instrumentVersion: matrix.instrument.version,
    thresholds,
    cuts,
  };
}
