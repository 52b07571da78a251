// The one client the SPA talks through (ARCHITECTURE principle 6): the typed client of @m2/shared over the
// browser's fetch, same origin, cookie session + CSRF token. Screens reach it only through src/queries/.
import { createApiClient, type ApiClient, type FetchLike } from '@m2/shared';

const browserFetch: FetchLike = (url, init) => fetch(url, init as RequestInit);

/** The console's API client. */
export const api: ApiClient = createApiClient({ fetch: browserFetch });
