// Pending changes, apply, snapshots, diffs and restore. An apply or a restore changes what the servers serve and
// the history, so both invalidate the whole config namespace, the running view and the commit log.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { keys } from './keys';

/** What differs between the database and what the servers serve. */
export const pendingQuery = queryOptions({ queryKey: keys.pending, queryFn: () => api.config.pending(), refetchInterval: 15000 });

/** Applied, failed and restored snapshots, newest first. */
export const snapshotsQuery = queryOptions({ queryKey: keys.snapshots, queryFn: async () => (await api.config.snapshots()).items });

/** The row diff between two snapshots (or a snapshot and the database). */
export function diffQuery(from: number | 'current', to: number | 'current') {
  return queryOptions({ queryKey: keys.diff(from, to), queryFn: () => api.config.diff(from, to), staleTime: from === 'current' || to === 'current' ? 0 : Infinity });
}

function useConfigChanged() {
  const qc = useQueryClient();
  return () => Promise.all([keys.config, keys.running, keys.log].map((k) => qc.invalidateQueries({ queryKey: k })));
}

/** Applies the database's configuration to the running servers (the error's detail carries the rollback). */
export function useApply() {
  const done = useConfigChanged();
  return useMutation({ mutationFn: (v: { why: string; serverIds?: number[] }) => api.config.apply(v), onSettled: done, meta: { quiet: true } });
}

/** Puts a snapshot back into the database, optionally applying it; `quiet` when the dialog shows the error. */
export function useRestoreSnapshot(opts: { quiet?: boolean } = {}) {
  const qc = useQueryClient();
  const done = useConfigChanged();
  return useMutation({
    mutationFn: (v: { id: number; why: string; apply: boolean }) => api.config.restore(v.id, { why: v.why, apply: v.apply }),
    onSettled: () => Promise.all([done(), qc.invalidateQueries({ queryKey: ['model'] })]),
    meta: { quiet: opts.quiet },
  });
}
