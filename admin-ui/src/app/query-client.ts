// TanStack Query defaults: reads stay fresh for a few seconds (screens prefetch their neighbours), 4xx answers
// are not retried, a 401 anywhere sends the operator back to sign-in, and every failed mutation is toasted with
// the API's real message unless the mutation says its form shows the error itself.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiClientError } from '@m2/shared';
import { describeError, isSignedOut } from './errors';
import { keys } from '../queries/keys';

/** Builds the console's query client; `toast` shows mutation failures, `signedOut` reacts to a 401. */
export function buildQueryClient(toast: (t: { kind: 'error'; title: string; detail?: string }) => void): QueryClient {
  let client: QueryClient;
  const onAnyError = (e: unknown) => {
    if (isSignedOut(e)) client.setQueryData(keys.session, null);
  };
  client = new QueryClient({
    queryCache: new QueryCache({ onError: onAnyError }),
    mutationCache: new MutationCache({
      onError: (e, _v, _c, m) => {
        onAnyError(e);
        if (!isSignedOut(e) && !m.meta?.quiet) toast({ kind: 'error', ...describeError(e) });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5000,
        refetchOnWindowFocus: true,
        retry: (n, e) => !(e instanceof ApiClientError && e.status < 500) && n < 2,
      },
    },
  });
  return client;
}
