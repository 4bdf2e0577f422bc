/** Calendar helpers on ISO dates (YYYY-MM-DD), months (YYYY-MM) and quarters (YYYY-Qn); UTC, no time zone. */

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The month (YYYY-MM) of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Months from the month of `from` to the month of `to`, both included; empty when reversed. */
export function monthsBetween(from: string, to: string): string[] {
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  const out: string[] = [];
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The three months of a quarter (YYYY-Qn); empty for a malformed period. */
export function monthsOfQuarter(period: string): string[] {
  const match = QUARTER_PATTERN.exec(period);
  if (!match) {
    return [];
  }
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${match[1]}-${String(first + i).padStart(2, '0')}`);
}

export function yearOfQuarter(period: string): string {
  return period.slice(0, 4);
}

/** Whether `date` lies in [from, to], inclusive (ISO dates compare as strings). */
export function within(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

/** Number of days of a month (YYYY-MM). */
export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days of `month` (YYYY-MM) covered by at least one of the periods (inclusive ISO dates); overlaps count once. */
export function coveredDaysOfMonth(month: string, periods: readonly { from: string; to: string }[]): number {
  const last = daysInMonth(month);
  let covered = 0;
  for (let d = 1; d <= last; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    if (periods.some((p) => within(date, p.from, p.to))) {
      covered++;
    }
  }
  return covered;
}
