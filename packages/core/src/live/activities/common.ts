/**
 * @module Shapes shared by every activity: the common activity fields and item lists.
 */
import type { Phase } from '../model';

/** Something participants vote on, rate, rank or choose. */
export interface Item {
  readonly id: string;
  readonly label: string;
}

/** Fields every activity has, whatever its type. */
export interface ActivityCommon {
  readonly id: string;
  title: string;
  phase: Phase;
  /** Participants see results only once revealed; the facilitator always sees them live. */
  isRevealed: boolean;
  /** A locked activity refuses every change except unlock and reveal/hide. */
  isLocked: boolean;
}

export const MAX_ITEMS = 200;
export const MAX_LABEL = 200;
export const MAX_TEXT = 500;

/** Error message for an invalid item list, or `null` when ids are unique and labels sane. */
export function checkItems(items: readonly Item[], what = 'items'): string | null {
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ITEMS) {
    return `${what}: between 1 and ${MAX_ITEMS} required`;
  }
  const seen = new Set<string>();
  for (const item of items) {
    if (
      typeof item.id !== 'string' ||
      !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(item.id) ||
      seen.has(item.id)
    ) {
      return `${what}: ids must be unique and well-formed`;
    }
    if (typeof item.label !== 'string' || item.label.trim() === '' || item.label.length > MAX_LABEL) {
      return `${what}: labels must be 1..${MAX_LABEL} characters`;
    }
    seen.add(item.id);
  }
  return null;
}

/** True when `id` names one of the items. */
export function hasItem(items: readonly Item[], id: string): boolean {
  return items.some((item) => item.id === id);
}

/** Histogram of `size` zero counts. */
export function zeros(size: number): number[] {
  return new Array<number>(size).fill(0);
}

/** An agenda item's starting config, when the workshop can take the activity as it is. */
export function startWith<C>(config: C): { readonly ok: true; readonly config: C } {
  return { ok: true, config };
}

/** Three items for contract samples and previews. */
export const SAMPLE_ITEMS: readonly Item[] = ['a', 'b', 'c'].map((id) => ({ id, label: `label ${id}` }));

/** The facilitator, as samples send commands. */
export const FACILITATOR = { role: 'facilitator' } as const;
