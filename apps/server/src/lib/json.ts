/** JSON columns come back as strings on both dialects (see db/connect.ts). */
export function readJson<T>(value: string | null | undefined): T | null {
  if (value === null || value === undefined) {
    return null;
  }
  return JSON.parse(value) as T;
}

export const writeJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);
