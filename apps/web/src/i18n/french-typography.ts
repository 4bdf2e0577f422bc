import { frenchTypography } from '@essaim/core';

/**
 * French typography (`frenchTypography` in core) applied to the whole French catalogue once, at
 * start-up, so every string — today's and those added later — follows it without anyone typing
 * invisible characters. Interpolated values are not touched: only the catalogue's own text.
 */
/** The catalogue with {@link frenchTypography} applied to every string (same shape, same keys). */
export function withFrenchTypography<T>(catalogue: T): T {
  if (typeof catalogue === 'string') {
    return frenchTypography(catalogue) as T;
  }
  if (typeof catalogue === 'object' && catalogue !== null && !Array.isArray(catalogue)) {
    return Object.fromEntries(
      Object.entries(catalogue).map(([key, value]) => [key, withFrenchTypography(value)]),
    ) as T;
  }
  return catalogue;
}
