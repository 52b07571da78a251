// The commit log (m2sh's and the console's changes alike), newest first.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../app/api';
import { keys } from './keys';

/** The newest `limit` log rows. */
export function logQuery(limit = 200) {
  return queryOptions({ queryKey: keys.logPage(limit), queryFn: async () => (await api.log({ limit })).items });
}
