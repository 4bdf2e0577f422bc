import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
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
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
    // Queries show their errors in place; mutations (button presses) get a toast unless they handle it.
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.options.onError) {
          return;
        }
        notifications.show({ color: 'red', message: describeError(i18n.t, error) });
      },
    }),
  });
}
