/**
 * @module Cuts: the groups of respondents a report can be asked for.
 *
 * A cut is a collective (including every collective nested below it) and/or attribute filters
 * (all must match). A cut with neither is the whole campaign.
 */

/** A group a report may be requested for. */
export interface CutDefinition {
  /** Collective id; its descendants are included. Absent = every respondent. */
  readonly collectiveId?: string;
  /** Attribute equality filters, all of which must match. */
  readonly filters?: Readonly<Record<string, string>>;
}

/** A node of the collective hierarchy. */
export interface CollectiveNode {
  readonly id: string;
  readonly parentId?: string | null;
}

/** What the disclosure planner knows of a respondent (never their answers). */
export interface DisclosureRespondent {
  readonly id: string;
  /** Collectives the respondent belongs to directly. */
  readonly collectiveIds: readonly string[];
  /** Attribute values, e.g. { site: 'Lyon', role: 'manager' }. */
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * True when the respondent declared collective and attributes themselves (shared link): nobody
   * vouches for them, so cells holding such a member need `minSelfDeclared` respondents.
   */
  readonly selfDeclared?: boolean;
}

/**
 * Canonical key of a cut: same groups, same key, whatever the filter order.
 * @example cutKey({ collectiveId: 'team-a', filters: { site: 'Lyon' } }) // 'collective=team-a|site=Lyon'
 */
export function cutKey(cut: CutDefinition): string {
  const parts = [`collective=${cut.collectiveId ?? '*'}`];
  const filters = Object.entries(cut.filters ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of filters) {
    parts.push(`${name}=${value}`);
  }
  return parts.join('|');
}

/** Props of {@link enumerateRequestableCuts}. */
export interface RequestableCutsProps {
  readonly collectives: readonly CollectiveNode[];
  /** Filterable attributes and their values. */
  readonly attributes: readonly { readonly name: string; readonly values: readonly string[] }[];
  /** Most filters combined in one cut (default 2). */
  readonly maxFilters?: number;
  /** Include the whole-campaign cut and filter-only cuts (default true). */
  readonly includeWhole?: boolean;
}

/**
 * Every cut a report screen lets a user request: each collective (and the whole campaign)
 * crossed with every combination of up to `maxFilters` attribute filters. Pass this as the
 * requestable universe so that the plan covers what a user could combine.
 */
export function enumerateRequestableCuts(props: RequestableCutsProps): CutDefinition[] {
  const maxFilters = props.maxFilters ?? 2;
  const combos: Record<string, string>[] = [{}];
  const extend = (start: number, current: Record<string, string>, depth: number) => {
    if (depth === maxFilters) {
      return;
    }
    for (let a = start; a < props.attributes.length; a++) {
      const attribute = props.attributes[a]!;
      for (const value of attribute.values) {
        const next = { ...current, [attribute.name]: value };
        combos.push(next);
        extend(a + 1, next, depth + 1);
      }
    }
  };
  extend(0, {}, 0);
  const scopes: (string | undefined)[] = [
    ...(props.includeWhole === false ? [] : [undefined]),
    ...props.collectives.map((c) => c.id),
  ];
  return scopes.flatMap((collectiveId) =>
    combos.map((filters): CutDefinition => {
      const cut: CutDefinition = collectiveId === undefined ? {} : { collectiveId };
      return Object.keys(filters).length === 0 ? cut : { ...cut, filters };
    }),
  );
}

/**
 * Members of each cut, as sorted respondent indexes. Collective membership includes nested
 * collectives through `parentId` links (cycles are ignored).
 */
export function computeCutMembers(
  respondents: readonly DisclosureRespondent[],
  cuts: readonly CutDefinition[],
  collectives: readonly CollectiveNode[] = [],
): Int32Array[] {
  const parentOf = new Map(collectives.map((c) => [c.id, c.parentId ?? null]));
  const needed = new Set(cuts.flatMap((cut) => (cut.collectiveId === undefined ? [] : [cut.collectiveId])));
  const inCollective = new Map<string, Uint8Array>();
  for (const id of needed) {
    inCollective.set(id, new Uint8Array(respondents.length));
  }
  // Masks to set for each direct collective: its own and its ancestors' (cycles ignored).
  const masksFor = new Map<string, Uint8Array[]>();
  const ancestorMasks = (direct: string) => {
    let masks = masksFor.get(direct);
    if (masks === undefined) {
      masks = [];
      const seen = new Set<string>();
      let current: string | null = direct;
      while (current !== null && !seen.has(current)) {
        seen.add(current);
        const mask = inCollective.get(current);
        if (mask !== undefined) {
          masks.push(mask);
        }
        current = parentOf.get(current) ?? null;
      }
      masksFor.set(direct, masks);
    }
    return masks;
  };
  respondents.forEach((respondent, index) => {
    for (const direct of respondent.collectiveIds) {
      for (const mask of ancestorMasks(direct)) {
        mask[index] = 1;
      }
    }
  });
  const codes = new Map<string, { column: Int32Array; valueCodes: Map<string, number> }>();
  const codeOf = (name: string) => {
    let entry = codes.get(name);
    if (entry === undefined) {
      const valueCodes = new Map<string, number>();
      const column = new Int32Array(respondents.length);
      respondents.forEach((respondent, index) => {
        const value = Object.hasOwn(respondent.attributes, name) ? respondent.attributes[name] : undefined;
        if (value === undefined) {
          column[index] = -1;
          return;
        }
        let code = valueCodes.get(value);
        if (code === undefined) {
          code = valueCodes.size;
          valueCodes.set(value, code);
        }
        column[index] = code;
      });
      entry = { column, valueCodes };
      codes.set(name, entry);
    }
    return entry;
  };
  const everyone = Int32Array.from({ length: respondents.length }, (_, index) => index);
  const collectiveMembers = new Map<string, Int32Array>();
  for (const [id, mask] of inCollective) {
    const members = new Int32Array(respondents.length);
    let count = 0;
    for (let index = 0; index < mask.length; index++) {
      if (mask[index] === 1) {
        members[count++] = index;
      }
    }
    collectiveMembers.set(id, members.slice(0, count));
  }
  return cuts.map((cut) => {
    const scope =
      cut.collectiveId === undefined
        ? everyone
        : (collectiveMembers.get(cut.collectiveId) ?? new Int32Array(0));
    const filters = Object.entries(cut.filters ?? {}).map(([name, value]) => {
      const entry = codeOf(name);
      return { column: entry.column, code: entry.valueCodes.get(value) ?? -2 };
    });
    if (filters.length === 0) {
      return scope;
    }
    const members = new Int32Array(scope.length);
    let count = 0;
    for (const index of scope) {
      let isMatch = true;
      for (let f = 0; f < filters.length && isMatch; f++) {
        const filter = filters[f]!;
        isMatch = filter.column[index] === filter.code;
      }
      if (isMatch) {
        members[count++] = index;
      }
    }
    return members.slice(0, count);
  });
}
