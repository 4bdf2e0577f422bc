/**
 * @module Governance map: circles, roles, double links and decision areas, and the difference between
 * the current map and a proposed one.
 *
 * Sources: sociocracy's circles and double linking (G. Endenburg, 1998: a circle's leader and an elected
 * representative both sit in the next higher circle); Holacracy Constitution v5 (roles defined by a
 * purpose, domains and accountabilities); delegation levels from J. Appelo, "Management 3.0" (2011):
 * tell, sell, consult, agree, advise, inquire, delegate, agreed per decision area.
 */
import { DECISION_RULES, type DecisionRule } from './record';

export const DELEGATION_LEVELS = [
  'tell',
  'sell',
  'consult',
  'agree',
  'advise',
  'inquire',
  'delegate',
] as const;
export type DelegationLevel = (typeof DELEGATION_LEVELS)[number];

export interface GovCircle {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly parentId: string | null;
}

export interface GovRole {
  readonly id: string;
  readonly circleId: string;
  readonly name: string;
  readonly purpose: string;
  readonly domains: readonly string[];
  readonly accountabilities: readonly string[];
  /** People (names) who hold the role. */
  readonly holders: readonly string[];
}

/** A double link: the circle's `lead` and its elected `rep` both sit in the parent circle. */
export interface GovLink {
  readonly id: string;
  readonly circleId: string;
  readonly kind: 'lead' | 'rep';
  readonly holder: string;
}

export interface GovArea {
  readonly id: string;
  readonly circleId: string;
  readonly name: string;
  readonly level: DelegationLevel;
  readonly rule: DecisionRule;
}

export interface GovernanceMap {
  readonly circles: readonly GovCircle[];
  readonly roles: readonly GovRole[];
  readonly links: readonly GovLink[];
  readonly areas: readonly GovArea[];
}

export const EMPTY_MAP: GovernanceMap = { circles: [], roles: [], links: [], areas: [] };

/**
 * Structural errors (codes with the offending id): duplicate ids, unknown circles, a parent cycle,
 * unknown delegation levels or rules. An empty list means the map is well formed.
 */
export function validateMap(map: GovernanceMap): { code: string; id: string }[] {
  const errors: { code: string; id: string }[] = [];
  const ids = new Set<string>();
  for (const x of [...map.circles, ...map.roles, ...map.links, ...map.areas]) {
    if (ids.has(x.id)) {
      errors.push({ code: 'DUPLICATE_ID', id: x.id });
    }
    ids.add(x.id);
  }
  const circles = new Map(map.circles.map((c) => [c.id, c]));
  for (const c of map.circles) {
    if (c.parentId !== null && !circles.has(c.parentId)) {
      errors.push({ code: 'UNKNOWN_PARENT', id: c.id });
    }
    // Walk up; more steps than circles means a cycle.
    let at: GovCircle | undefined = c;
    for (let steps = 0; at && at.parentId !== null; steps++) {
      if (steps > map.circles.length) {
        errors.push({ code: 'CIRCLE_CYCLE', id: c.id });
        break;
      }
      at = circles.get(at.parentId);
    }
  }
  for (const x of [...map.roles, ...map.links, ...map.areas]) {
    if (!circles.has(x.circleId)) {
      errors.push({ code: 'UNKNOWN_CIRCLE', id: x.id });
    }
  }
  for (const a of map.areas) {
    if (
      !(DELEGATION_LEVELS as readonly string[]).includes(a.level) ||
      !(DECISION_RULES as readonly string[]).includes(a.rule)
    ) {
      errors.push({ code: 'UNKNOWN_LEVEL_OR_RULE', id: a.id });
    }
  }
  return errors;
}

/** Sub-circles missing a lead or a rep link into their parent (sociocracy's double linking). */
export function missingDoubleLinks(map: GovernanceMap): { circleId: string; missing: ('lead' | 'rep')[] }[] {
  const out: { circleId: string; missing: ('lead' | 'rep')[] }[] = [];
  for (const c of map.circles) {
    if (c.parentId === null) {
      continue;
    }
    const kinds = new Set(map.links.filter((l) => l.circleId === c.id).map((l) => l.kind));
    const missing = (['lead', 'rep'] as const).filter((k) => !kinds.has(k));
    if (missing.length > 0) {
      out.push({ circleId: c.id, missing });
    }
  }
  return out;
}

export type ChangeKind = 'added' | 'removed' | 'changed';
export interface MapChange {
  readonly entity: 'circle' | 'role' | 'link' | 'area';
  readonly id: string;
  readonly name: string;
  readonly change: ChangeKind;
  /** Fields whose values differ (for `changed`). */
  readonly fields: readonly string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffList<T extends { readonly id: string }>(
  entity: MapChange['entity'],
  current: readonly T[],
  proposed: readonly T[],
  nameOf: (x: T) => string,
): MapChange[] {
  const out: MapChange[] = [];
  const before = new Map(current.map((x) => [x.id, x]));
  const after = new Map(proposed.map((x) => [x.id, x]));
  for (const x of proposed) {
    const old = before.get(x.id);
    if (!old) {
      out.push({ entity, id: x.id, name: nameOf(x), change: 'added', fields: [] });
      continue;
    }
    const fields = Object.keys(x).filter(
      (k) => !sameValue((x as Record<string, unknown>)[k], (old as Record<string, unknown>)[k]),
    );
    if (fields.length > 0) {
      out.push({ entity, id: x.id, name: nameOf(x), change: 'changed', fields });
    }
  }
  for (const x of current) {
    if (!after.has(x.id)) {
      out.push({ entity, id: x.id, name: nameOf(x), change: 'removed', fields: [] });
    }
  }
  return out;
}

/** Every difference between two maps, matched by id: what a group reviews before adopting a proposal. */
export function diffMaps(current: GovernanceMap, proposed: GovernanceMap): MapChange[] {
  return [
    ...diffList('circle', current.circles, proposed.circles, (c) => c.name),
    ...diffList('role', current.roles, proposed.roles, (r) => r.name),
    ...diffList('link', current.links, proposed.links, (l) => `${l.kind}: ${l.holder}`),
    ...diffList('area', current.areas, proposed.areas, (a) => a.name),
  ];
}

export interface CircleLayout {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly depth: number;
}

const LEAF_RADIUS = 48;
const PADDING = 14;
/** Room kept at the top of a parent circle for its name: children sit this much lower. */
const LABEL = 24;

/**
 * Nested-circles layout: each circle's sub-circles sit on a ring inside it, sized so neighbours do not
 * overlap (ring radius ρ ≥ r_i + r_j over 2·sin(π/k) for k children); roots sit side by side.
 */
export function layoutCircles(map: GovernanceMap): CircleLayout[] {
  const children = new Map<string | null, GovCircle[]>();
  for (const c of map.circles) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const radius = new Map<string, number>();
  const ring = new Map<string, number>();
  const measure = (c: GovCircle, seen: Set<string>): number => {
    if (seen.has(c.id)) {
      return LEAF_RADIUS;
    }
    seen.add(c.id);
    const kids = children.get(c.id) ?? [];
    const roleCount = map.roles.filter((r) => r.circleId === c.id).length;
    const own = LEAF_RADIUS + 4 * Math.min(roleCount, 6);
    if (kids.length === 0) {
      radius.set(c.id, own);
      return own;
    }
    const radii = kids.map((k) => measure(k, seen));
    const rMax = Math.max(...radii);
    const rho = kids.length === 1 ? 0 : (rMax + PADDING / 2) / Math.sin(Math.PI / kids.length);
    ring.set(c.id, rho);
    const r = Math.max(own, rho + rMax + PADDING + LABEL);
    radius.set(c.id, r);
    return r;
  };
  const out: CircleLayout[] = [];
  const place = (c: GovCircle, x: number, y: number, depth: number, seen: Set<string>): void => {
    if (seen.has(c.id)) {
      return;
    }
    seen.add(c.id);
    out.push({ id: c.id, x, y, r: radius.get(c.id) ?? LEAF_RADIUS, depth });
    const kids = children.get(c.id) ?? [];
    const rho = ring.get(c.id) ?? 0;
    kids.forEach((k, i) => {
      const angle = (2 * Math.PI * i) / kids.length - Math.PI / 2;
      place(k, x + rho * Math.cos(angle), y + LABEL + rho * Math.sin(angle), depth + 1, seen);
    });
  };
  const roots = (children.get(null) ?? []).concat(
    map.circles.filter((c) => c.parentId !== null && !map.circles.some((p) => p.id === c.parentId)),
  );
  let cursor = 0;
  const measured = new Set<string>();
  const placed = new Set<string>();
  for (const root of roots) {
    const r = measure(root, measured);
    place(root, cursor + r, r, 0, placed);
    cursor += 2 * r + PADDING;
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A standalone SVG of the nested circles (for export). `highlight` marks circles changed by a proposal:
 * added in green, changed in amber, with a dashed stroke so the difference does not rely on colour.
 */
export function renderMapSvg(
  map: GovernanceMap,
  options: { readonly title: string; readonly highlight?: readonly MapChange[] } = { title: '' },
): string {
  const layout = layoutCircles(map);
  const width = Math.max(200, ...layout.map((l) => l.x + l.r + 10));
  const height = Math.max(120, ...layout.map((l) => l.y + l.r + 10));
  const changes = new Map(
    (options.highlight ?? []).filter((c) => c.entity === 'circle').map((c) => [c.id, c.change]),
  );
  const names = new Map(map.circles.map((c) => [c.id, c.name]));
  const fills = ['#eef4ff', '#dde9ff', '#c9dcff', '#b5cfff'];
  const shapes = layout
    .map((l) => {
      const change = changes.get(l.id);
      const stroke = change === 'added' ? '#2f9e44' : change === 'changed' ? '#e67700' : '#364fc7';
      const dash = change ? ' stroke-dasharray="6 4"' : '';
      const roles = map.roles.filter((r) => r.circleId === l.id).length;
      return `<g><circle cx="${l.x.toFixed(1)}" cy="${l.y.toFixed(1)}" r="${l.r.toFixed(1)}" fill="${fills[l.depth % fills.length]}" stroke="${stroke}" stroke-width="2"${dash}/><text x="${l.x.toFixed(1)}" y="${(l.y - l.r + 18).toFixed(1)}" text-anchor="middle" font-family="sans-serif" font-size="13">${escapeXml(names.get(l.id) ?? '')} (${roles})</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" role="img" aria-label="${escapeXml(options.title)}"><title>${escapeXml(options.title)}</title>${shapes}</svg>`;
}
