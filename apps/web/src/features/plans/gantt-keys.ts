/** Keyboard editing of the timeline's bars (milestones and phases): pure, so it is tested on its own. */

/** An ISO date moved by days (or, for `months`, by calendar months). */
export function shiftDate(iso: string, days: number, months = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface DateSpan {
  start: string;
  end: string;
}

/**
 * What a key does to a bar of the timeline: ← → move the whole bar by a day (Shift: a week), Page Up/Down
 * by a month; ↑ ↓ move only its end (never before its start). Null for a key that edits nothing.
 */
export function spanAfterKey(span: DateSpan, key: string, shift: boolean): DateSpan | null {
  const step = shift ? 7 : 1;
  const move = (days: number, months = 0) => ({
    start: shiftDate(span.start, days, months),
    end: shiftDate(span.end, days, months),
  });
  switch (key) {
    case 'ArrowRight':
      return move(step);
    case 'ArrowLeft':
      return move(-step);
    case 'PageDown':
      return move(0, 1);
    case 'PageUp':
      return move(0, -1);
    case 'ArrowUp': {
      return { start: span.start, end: shiftDate(span.end, step) };
    }
    case 'ArrowDown': {
      const end = shiftDate(span.end, -step);
      return { start: span.start, end: end < span.start ? span.start : end };
    }
    default:
      return null;
  }
}
