import type { TFunction } from 'i18next';
import { isApiError } from './api';

/** A user-facing, translated message for any thrown value (ApiError codes map to `errors.<CODE>`). */
export function describeError(t: TFunction, error: unknown): string {
  return t(isApiError(error) ? error.i18nKey : 'errors.UNKNOWN');
}
