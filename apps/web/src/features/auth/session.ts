/**
 * Who is signed in, and the calls that change it. `useMe()` is the single source for the session:
 * `null` means signed out (the server answered 401), `undefined` means not known yet.
 */
import type { Me, SetupBody, SignInBody } from '@essaim/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { api, isApiError } from '../../lib/api';

export const ME_KEY = ['me'] as const;
export const SETUP_KEY = ['setup'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user's data; only call below the route guard, where it is known to exist. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) {
    throw new Error('useSignedInMe() used outside the signed-in area');
  }
  return data;
}

export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<{ needed: boolean }>('/api/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Applies the account's language the moment someone signs in, then records the new session. */
export function startSession(queryClient: QueryClient, me: Me): void {
  // Anything cached belonged to whoever was signed in before.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SETUP_KEY[0] });
  queryClient.setQueryData(ME_KEY, me);
  if (i18n.resolvedLanguage !== me.user.language) {
    void i18n.changeLanguage(me.user.language);
  }
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => api.post<Me>('/api/auth/sign-in', body),
    onSuccess: (me) => startSession(queryClient, me),
    // Errors are shown inside the form.
    onError: () => {},
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<Me>('/api/setup', body),
    onSuccess: (me) => {
      queryClient.setQueryData(SETUP_KEY, { needed: false });
      startSession(queryClient, me);
    },
    onError: () => {},
  });
}

/** Forgets every cached answer (they were the previous user's) and marks the session as signed out. */
export function endSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SETUP_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

/**
 * Full reload onto the sign-in page: wipes every cached answer and in-memory state of the previous
 * session, and the route guard never sees a half-signed-out app.
 */
export function leaveToSignIn(reason: 'signedOut' | 'accountDeleted', next?: string): void {
  const params = new URLSearchParams({ reason, ...(next ? { next } : {}) });
  window.location.replace(`/sign-in?${params}`);
}

/** Ends the session on the server, then leaves locally (even if the server call failed). */
export function useSignOut(next?: string) {
  return useMutation({
    // The SSO variant also signs out at the identity provider when the session came from one.
    mutationFn: () => api.post<{ ok: true; providerSignOutUrl: string | null }>('/api/auth/sso/sign-out'),
    onSuccess: (result) => {
      if (result.providerSignOutUrl) {
        window.location.assign(result.providerSignOutUrl);
      } else {
        leaveToSignIn('signedOut', next);
      }
    },
    onError: () => leaveToSignIn('signedOut', next),
  });
}

/** Seconds to wait from a 429 RATE_LIMITED error's details, when the server gave them. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'RATE_LIMITED') {
    return null;
  }
  const { details } = error;
  if (typeof details === 'object' && details !== null && 'retryAfterSeconds' in details) {
    const seconds = Number(details.retryAfterSeconds);
    return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
  }
  return null;
}

/** Only same-site paths are followed after sign-in, never an absolute URL (open-redirect guard). */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next;
}
