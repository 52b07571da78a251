// The model resources (servers, hosts, routes, handlers, dirs, proxies, settings, mimetypes, filters): list and
// record queries, and create / update / delete mutations. A write changes the resource, what is pending and the
// commit log, so it invalidates exactly those keys (plus the resources a cascade or a new route target touches).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModelRecords, ModelResourceName, Versioned, WriteOptions } from '@m2/shared';
import { api } from '../app/api';
import { keys } from './keys';

/** A model record with its version. */
export type Rec<R extends ModelResourceName> = Versioned<ModelRecords[R]>;

/** The list of a resource (optionally filtered, e.g. `{ hostId: 3 }`). */
export function listQuery<R extends ModelResourceName>(r: R, filters: Record<string, string | number | undefined> = {}) {
  return queryOptions({
    queryKey: keys.modelList(r, filters),
    queryFn: async () => (await api.model.list(r, filters)).items as Rec<R>[],
  });
}

/** What a write to `r` may change besides `r` itself. */
const ALSO: Partial<Record<ModelResourceName, ModelResourceName[]>> = {
  servers: ['hosts', 'routes'],
  hosts: ['routes', 'servers'],
  routes: ['handlers', 'dirs', 'proxies'],
};

function useInvalidate(r: ModelResourceName) {
  const qc = useQueryClient();
  return () => Promise.all([r, ...(ALSO[r] ?? [])].map((x) => qc.invalidateQueries({ queryKey: keys.model(x) }))
    .concat(qc.invalidateQueries({ queryKey: keys.pending }), qc.invalidateQueries({ queryKey: keys.log })));
}

/** Creates a record; `quiet` when the form shows the error inline. */
export function useCreate<R extends ModelResourceName>(r: R, opts: { quiet?: boolean } = {}) {
  const done = useInvalidate(r);
  return useMutation({
    mutationFn: (v: { body: unknown; why?: string }) => api.model.create(r, v.body, { why: v.why }) as Promise<Rec<R>>,
    onSuccess: done,
    meta: { quiet: opts.quiet },
  });
}

/** Replaces a record (If-Match: its version, so a stale edit is refused). */
export function useUpdate<R extends ModelResourceName>(r: R, opts: { quiet?: boolean } = {}) {
  const done = useInvalidate(r);
  return useMutation({
    mutationFn: (v: { id: number; body: unknown } & WriteOptions) => api.model.update(r, v.id, v.body, { why: v.why, version: v.version }) as Promise<Rec<R>>,
    onSuccess: done,
    meta: { quiet: opts.quiet },
  });
}

/** Deletes a record (`cascade` also deletes what belongs to it); `quiet` when the dialog shows the error. */
export function useRemove(r: ModelResourceName, opts: { quiet?: boolean } = {}) {
  const done = useInvalidate(r);
  return useMutation({
    mutationFn: (v: { id: number; version?: string; why?: string; cascade?: boolean }) => api.model.remove(r, v.id, v),
    onSuccess: done,
    meta: { quiet: opts.quiet },
  });
}
