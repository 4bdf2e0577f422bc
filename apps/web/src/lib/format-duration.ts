/**
 * Durations as people read them: minutes up to 120 ("90 min"), hours beyond ("2 h 30 min", "3 h"),
 * with the same abbreviations in French and English (SI symbols h and min).
 */
export function formatDuration(minutes: number): string {
  if (minutes <= 120) {
    return `${minutes}\u00A0min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}\u00A0h` : `${hours}\u00A0h\u00A0${rest}\u00A0min`;
}

/** A duration range ("30–90 min", "1 h 30 min – 3 h", "60 min +"). */
export function formatDurationRange(range: { min: number; max: number | null }): string {
  if (range.max === null) {
    return `${formatDuration(range.min)}\u00A0+`;
  }
  if (range.min === range.max) {
    return formatDuration(range.min);
  }
  if (range.max <= 120) {
    return `${range.min}–${range.max}\u00A0min`;
  }
  return `${formatDuration(range.min)} – ${formatDuration(range.max)}`;
}
