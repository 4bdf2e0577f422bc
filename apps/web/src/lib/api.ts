/**
 * Small typed JSON client for the Essaim server (`/api/...`, same origin).
 * Every failure becomes an {@link ApiError} whose `code` maps to an `errors.<CODE>` translation.
 *
 * @example
 *   const engagement = await api.get<Engagement>(`/api/engagements/${id}`);
 *   await api.post('/api/engagements', { name });
 */

import { type ErrorCode, ErrorCodeSchema } from '@essaim/contracts';

/**
 * Error codes the server sends in `{ error: { code } }`, each translated under `errors.<CODE>`.
 * The list is owned by the API contract (`@essaim/contracts`), so a new server code fails the locale test
 * until it is translated.
 */
export const SERVER_ERROR_CODES = ErrorCodeSchema.options;

/** Codes produced by the client itself: no response at all, or a code this build does not know. */
export const CLIENT_ERROR_CODES = ['NETWORK', 'UNKNOWN'] as const;

export type ServerErrorCode = ErrorCode;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type KnownErrorCode = ServerErrorCode | ClientErrorCode;

/** The server's error body. `details` is free-form (e.g. field issues for VALIDATION_FAILED). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the request never got a response. */
    readonly status: number,
    /** Server code as sent (may be newer than this build); see {@link ApiError.i18nKey}. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Translation key for this error; unknown server codes fall back to `errors.UNKNOWN`. */
  get i18nKey(): `errors.${KnownErrorCode}` {
    return `errors.${isKnownErrorCode(this.code) ? this.code : 'UNKNOWN'}`;
  }
}

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES].some((known) => known === code);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) {
    return false;
  }
  const { error } = value;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

/** Used when a response carries no usable error body (proxy page, empty 502...). */
function codeFromStatus(status: number): ServerErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'VALIDATION_FAILED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Appended as a query string; `null`/`undefined` entries are skipped. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) {
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Low-level call; prefer the `api.get/post/...` helpers. Resolves to `undefined` for empty bodies (204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, headers, signal } = options;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  };

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }

  const payload = await readJson(response);
  if (!response.ok) {
    if (isApiErrorBody(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, codeFromStatus(response.status), response.statusText);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};
