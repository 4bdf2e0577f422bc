import type { PlanDocument } from '@essaim/core/plans';

/** Editing helpers on the draft plan: every change goes through an updater so React sees a new object. */
export type Update = (change: (draft: PlanDocument) => PlanDocument) => void;

export function replaceById<T extends { id: string }>(items: T[], id: string, patch: Partial<T>): T[] {
  return items.map((x) => (x.id === id ? { ...x, ...patch } : x));
}

export const today = () => new Date().toISOString().slice(0, 10);

/** First and last day of the month `offset` months from now. */
export function monthBounds(offset: number): [string, string] {
  const d = new Date();
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0));
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

export function currentQuarter(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
