import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../features/auth/session';
import i18n from '../i18n';
import { isApiError } from '../lib/api';
import { describeError } from '../lib/describe-error';

/** Client errors (4xx) will not fix themselves, so only network and server failures are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
    // Queries show their errors in place; mutations (button presses) get a toast unless they handle it.
    // A 401 anywhere means the session ended (expired, revoked from another device): re-check who is
    // signed in, and the route guard sends the person to sign-in, then back.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== ME_KEY[0]) {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.status === 401) {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        }
        if (mutation.options.onError) {
          return;
        }
        notifications.show({ color: 'red', message: describeError(i18n.t, error) });
      },
    }),
  });
  return queryClient;
}
