/**
 * @module Anti-differencing disclosure planner over sets of respondents ("cells").
 *
 * Threat model. An attacker sees every aggregate the server would show for any requestable
 * cell (sums, counts, histograms — all sums over the cell of a per-respondent quantity) and
 * knows who belongs to which cell. By adding and subtracting aggregates they obtain Σᵢ vᵢ·xᵢ
 * for any v in the span V of the shown cells' indicator vectors. The answers of a group T are
 * exposed when some non-zero v ∈ V is supported on T; we require |supp(v)| ≥ k for every
 * non-zero v ∈ V — a k-anonymity guarantee (Sweeney 2002, Int. J. Uncertainty, Fuzziness and
 * Knowledge-Based Systems 10(5):557–570) for every linear combination, which covers the
 * classic parent-minus-child subtraction and any longer chain of differences.
 *
 * Sufficient test. Partition respondents by their membership signature over the shown cells
 * ("classes"). Every v ∈ V is constant on a class, so if v is non-zero on any class of size
 * ≥ k its support is ≥ k. It is therefore enough that no non-zero v ∈ V vanishes on all big
 * classes, i.e. that restricting V to the big classes is injective:
 *   rank(M restricted to big columns) = rank(M).
 * This is conservative (a combination touching two small classes of 3 is refused although 6 ≥ 5)
 * but sound, and it is checked exactly in tests against brute-force linear algebra.
 *
 * Algorithm (greedy, deterministic). Cells are visited largest first, ties by key, so the
 * outcome depends only on the whole requestable universe, never on which cells one request
 * names — otherwise an attacker could combine answers to different requests. A cell is
 * - suppressed `no-respondents` when empty, `below-minimum` when smaller than k,
 *   `below-self-declared-minimum` when smaller than the cell's own higher minimum (cells holding
 *   self-declared members, which anyone with a shared link could pad);
 * - otherwise tentatively added: classes are refined by the cell; rows of a Gauss–Jordan basis
 *   keep their pivots on big columns (a pivot whose class became small is moved to another big
 *   column of its row); the new row is reduced against the basis. If the row, or any basis
 *   row, ends up zero on every big column while non-zero elsewhere, a small group would become
 *   derivable and the cell is suppressed `differencing-risk` (complementary suppression).
 * Columns are "atoms": respondents grouped by signature over the whole universe, so cost is
 * O(cells × rank × atoms), independent of the number of respondents once atoms are built.
 */

/** Why a cell is shown or suppressed. */
export type DisclosureReason =
  | 'meets-threshold'
  | 'no-respondents'
  | 'below-minimum'
  | 'below-self-declared-minimum'
  | 'differencing-risk';

/** Decision for one cell. */
export interface CellDecision {
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
}

/** A set of respondents that might be shown. */
export interface DisclosureCell {
  /** Canonical key, used to break ties deterministically. */
  readonly key: string;
  /** Sorted indexes of the respondents in the cell. */
  readonly members: Int32Array;
  /**
   * A minimum of its own, when higher than the planner's threshold (e.g. 10 for a cell whose
   * membership some respondents declared themselves). Raising a cell's minimum only removes it
   * from the shown set before its safety is checked, so the guarantee over shown cells holds.
   */
  readonly minimum?: number;
}

/** Respondents grouped by membership signature over all cells. */
export interface AtomPartition {
  /** Atom of each respondent (−1: in no cell). */
  readonly atomOf: Int32Array;
  /** Respondents per atom. */
  readonly atomSize: Int32Array;
  /** Atoms of each cell, ascending. */
  readonly cellAtoms: readonly Int32Array[];
}

/** Group respondents by their membership signature over all cells (partition refinement). */
export function partitionIntoAtoms(cells: readonly DisclosureCell[], respondentCount: number): AtomPartition {
  const atomOf = new Int32Array(respondentCount);
  let atomCount = 1;
  let splitTo = new Int32Array(16).fill(-1);
  for (const cell of cells) {
    if (splitTo.length < atomCount) {
      const grown = new Int32Array(atomCount * 2).fill(-1);
      splitTo = grown;
    }
    const touched: number[] = [];
    for (const member of cell.members) {
      const old = atomOf[member] ?? 0;
      let next = splitTo[old] ?? -1;
      if (next < 0) {
        next = atomCount++;
        splitTo[old] = next;
        touched.push(old);
      }
      atomOf[member] = next;
    }
    for (const old of touched) {
      splitTo[old] = -1;
    }
  }
  // Renumber: atoms used by some cell get 0..n−1, respondents in no cell get −1.
  const inCell = new Uint8Array(atomCount);
  for (const cell of cells) {
    for (const member of cell.members) {
      inCell[atomOf[member] ?? 0] = 1;
    }
  }
  const renumber = new Int32Array(atomCount).fill(-1);
  let used = 0;
  for (let a = 0; a < atomCount; a++) {
    if (inCell[a] === 1) {
      renumber[a] = used++;
    }
  }
  const atomSize = new Int32Array(used);
  for (let r = 0; r < respondentCount; r++) {
    const atom = renumber[atomOf[r] ?? 0] ?? -1;
    atomOf[r] = atom;
    if (atom >= 0) {
      atomSize[atom] = (atomSize[atom] ?? 0) + 1;
    }
  }
  const seen = new Int32Array(used).fill(-1);
  const cellAtoms = cells.map((cell, index) => {
    const atoms: number[] = [];
    for (const member of cell.members) {
      const atom = atomOf[member] ?? -1;
      if (seen[atom] !== index) {
        seen[atom] = index;
        atoms.push(atom);
      }
    }
    return Int32Array.from(atoms).sort();
  });
  return { atomOf, atomSize, cellAtoms };
}

const EPSILON = 1e-9;

interface BasisRow {
  values: Float64Array;
  pivot: number;
}

function eliminate(basis: BasisRow[], source: BasisRow): void {
  for (const row of basis) {
    if (row === source) {
      continue;
    }
    const factor = row.values[source.pivot] ?? 0;
    if (factor !== 0) {
      const target = row.values;
      const values = source.values;
      for (let u = 0; u < target.length; u++) {
        target[u] = (target[u] ?? 0) - factor * (values[u] ?? 0);
      }
      target[source.pivot] = 0;
    }
  }
}

function bestBigColumn(values: Float64Array, isBig: Uint8Array): number {
  let best = -1;
  let bestMagnitude = EPSILON;
  for (let u = 0; u < values.length; u++) {
    const magnitude = Math.abs(values[u] ?? 0);
    if (isBig[u] === 1 && magnitude > bestMagnitude) {
      best = u;
      bestMagnitude = magnitude;
    }
  }
  return best;
}

function makePivot(basis: BasisRow[], row: BasisRow, pivot: number): void {
  const scale = row.values[pivot] ?? 1;
  for (let u = 0; u < row.values.length; u++) {
    row.values[u] = (row.values[u] ?? 0) / scale;
  }
  row.values[pivot] = 1;
  row.pivot = pivot;
  eliminate(basis, row);
}

/**
 * Decide, for every cell, whether it can be shown with minimum size `threshold`. Pass the
 * partition when the caller already built it (it must come from the same cells).
 * `differencingThreshold` (≥ threshold) is the smallest group any combination of shown cells may
 * isolate; it is raised when some answers may be known to an attacker (self-declared padding:
 * with m known answers in a group of k, only k − m stay hidden).
 * @returns decisions in the order of `cells`.
 * @example planCells([{ key: 'all', members }, { key: 'team', members: teamMembers }], n, 5)
 */
export function planCells(
  cells: readonly DisclosureCell[],
  respondentCount: number,
  threshold: number,
  partition: AtomPartition = partitionIntoAtoms(cells, respondentCount),
  differencingThreshold = threshold,
): CellDecision[] {
  const bigThreshold = Math.max(threshold, differencingThreshold);
  const { atomSize, cellAtoms } = partition;
  const atomCount = atomSize.length;
  const decisions: CellDecision[] = cells.map(() => ({ status: 'suppressed', reason: 'below-minimum' }));
  const order = cells
    .map((cell, index) => ({ index, n: cell.members.length, key: cell.key, minimum: cell.minimum ?? 0 }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  // Classes of the shown partition. Class 0 holds every atom before any cell is shown.
  const classOf = new Int32Array(atomCount);
  const classWeight: number[] = [atomSize.reduce((sum, size) => sum + size, 0)];
  const isInCell = new Uint8Array(atomCount);
  const isBig = new Uint8Array(atomCount).fill(1);
  let basis: BasisRow[] = [];
  const insideWeight = new Map<number, number>();
  for (const { index, n, minimum } of order) {
    if (n === 0) {
      decisions[index] = { status: 'suppressed', reason: 'no-respondents' };
      continue;
    }
    if (n < threshold) {
      decisions[index] = { status: 'suppressed', reason: 'below-minimum' };
      continue;
    }
    if (n < minimum) {
      decisions[index] = { status: 'suppressed', reason: 'below-self-declared-minimum' };
      continue;
    }
    const atoms = cellAtoms[index] ?? new Int32Array(0);
    isInCell.fill(0);
    for (const atom of atoms) {
      isInCell[atom] = 1;
    }
    insideWeight.clear();
    for (const atom of atoms) {
      const cls = classOf[atom] ?? 0;
      insideWeight.set(cls, (insideWeight.get(cls) ?? 0) + (atomSize[atom] ?? 0));
    }
    // Refine: the part of each touched class inside the cell becomes a new class.
    const newClass = new Map<number, number>();
    const newWeights: number[] = [];
    const nowSmall = new Uint8Array(atomCount);
    let hasNewSmall = false;
    let nextClass = classWeight.length;
    for (const [cls, inside] of insideWeight) {
      const total = classWeight[cls] ?? 0;
      if (inside === total) {
        continue;
      }
      newClass.set(cls, nextClass++);
      newWeights.push(inside);
      const wasBig = total >= bigThreshold;
      if (wasBig && (inside < bigThreshold || total - inside < bigThreshold)) {
        hasNewSmall = true;
      }
    }
    const nextIsBig = hasNewSmall ? isBig.slice() : isBig;
    if (hasNewSmall) {
      for (let atom = 0; atom < atomCount; atom++) {
        const cls = classOf[atom] ?? 0;
        const split = newClass.get(cls);
        if (split === undefined || isBig[atom] === 0) {
          continue;
        }
        const inside = insideWeight.get(cls) ?? 0;
        const total = classWeight[cls] ?? 0;
        const isInside = isInCell[atom] === 1;
        const weight = isInside ? inside : total - inside;
        if (weight < bigThreshold) {
          nextIsBig[atom] = 0;
          nowSmall[atom] = 1;
        }
      }
    }
    let candidate = basis;
    let isSafe = true;
    if (hasNewSmall) {
      candidate = basis.map((row) => ({ values: row.values.slice(), pivot: row.pivot }));
      for (const row of candidate) {
        if (nowSmall[row.pivot] === 1) {
          const pivot = bestBigColumn(row.values, nextIsBig);
          if (pivot < 0) {
            isSafe = false;
            break;
          }
          makePivot(candidate, row, pivot);
        }
      }
    }
    let newRow: BasisRow | null = null;
    if (isSafe) {
      const values = new Float64Array(atomCount);
      for (const atom of atoms) {
        values[atom] = 1;
      }
      for (const row of candidate) {
        const factor = values[row.pivot] ?? 0;
        if (factor !== 0) {
          const source = row.values;
          for (let u = 0; u < atomCount; u++) {
            values[u] = (values[u] ?? 0) - factor * (source[u] ?? 0);
          }
          values[row.pivot] = 0;
        }
      }
      const pivot = bestBigColumn(values, nextIsBig);
      if (pivot >= 0) {
        newRow = { values, pivot };
      } else if (values.some((v) => Math.abs(v) > EPSILON)) {
        isSafe = false;
      }
    }
    if (!isSafe) {
      decisions[index] = { status: 'suppressed', reason: 'differencing-risk' };
      continue;
    }
    if (newRow !== null) {
      if (candidate === basis) {
        candidate = basis.slice();
      }
      candidate.push(newRow);
      makePivot(candidate, newRow, newRow.pivot);
    }
    basis = candidate;
    if (hasNewSmall) {
      isBig.set(nextIsBig);
    }
    for (const atom of atoms) {
      const split = newClass.get(classOf[atom] ?? 0);
      if (split !== undefined) {
        classOf[atom] = split;
      }
    }
    for (const [cls, split] of newClass) {
      classWeight[cls] = (classWeight[cls] ?? 0) - (newWeights[split - classWeight.length] ?? 0);
    }
    classWeight.push(...newWeights);
    decisions[index] = { status: 'shown', reason: 'meets-threshold' };
  }
  return decisions;
}
