// Running servers: their process state, control commands, connections and the live event stream
// (GET /api/servers/:id/events, Server-Sent Events). The stream's `connections` and `counters` events are written
// into the query cache under the same keys a plain fetch would use, so screens read one place either way.
import { useEffect } from 'react';
import { queryOptions, skipToken, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ControlBody, Counters, ServerConnection } from '@m2/shared';
import { api } from '../app/api';
import { keys } from './keys';

/** Every configured server and its process. */
export const runningQuery = queryOptions({ queryKey: keys.running, queryFn: async () => (await api.running.list()).servers, refetchInterval: 5000 });

/** A server's open connections, as the last event (or fetch) saw them. */
export interface ConnectionsView { connections: ServerConnection[]; total: number }

/** The connections of one server (kept fresh by useServerEvents while a screen listens). */
export function connectionsQuery(serverId: number) {
  return queryOptions({
    queryKey: keys.connections(serverId),
    queryFn: async (): Promise<ConnectionsView> => {
      const c = (await api.running.connections(serverId)).connections;
      return { connections: c, total: c.length };
    },
    staleTime: Infinity,
  });
}

/** The recent counters of one server, oldest first (at most COUNTER_HISTORY). */
export const COUNTER_HISTORY = 60;

/** The counters the event stream has written for one server (never fetched: only useServerEvents fills it). */
export function countersQuery(serverId: number) {
  return queryOptions<Counters[]>({ queryKey: keys.counters(serverId), queryFn: skipToken, staleTime: Infinity });
}

/** Per-route traffic from the access log. */
export function statsQuery(serverId: number) {
  return queryOptions({ queryKey: keys.stats(serverId), queryFn: () => api.running.stats(serverId) });
}

/** The last lines of the access log. */
export function accessLogQuery(serverId: number, lines = 200) {
  return queryOptions({ queryKey: keys.accessLog(serverId), queryFn: () => api.running.accessLog(serverId, lines) });
}

/** How often, at most, the full list is fetched when the stream carries only the first EVENT_CONNECTIONS_MAX. */
export const FULL_LIST_REFRESH_MS = 2000;

/** Listens to a server's event stream while mounted; `what` picks the events written into the cache. A server
 *  with more connections than one event carries has its full list fetched instead, every FULL_LIST_REFRESH_MS. */
export function useServerEvents(serverId: number | null, what: { connections?: boolean; counters?: boolean } = { connections: true, counters: true }): void {
  const qc = useQueryClient();
  const wantConnections = what.connections ?? false;
  const wantCounters = what.counters ?? false;
  useEffect(() => {
    if (serverId === null || typeof EventSource === 'undefined') return;
    const es = new EventSource(`/api/servers/${serverId}/events`);
    if (wantConnections) {
      let fetching = false;
      let fetchedAt = 0;
      es.addEventListener('connections', (e) => {
        const d = JSON.parse((e as MessageEvent<string>).data) as { connections: ServerConnection[]; total: number };
        if (d.total <= d.connections.length) {
          qc.setQueryData<ConnectionsView>(keys.connections(serverId), d);
          return;
        }
        if (fetching || Date.now() - fetchedAt < FULL_LIST_REFRESH_MS) return;
        fetching = true;
        api.running.connections(serverId)
          .then((r) => qc.setQueryData<ConnectionsView>(keys.connections(serverId), { connections: r.connections, total: r.connections.length }))
          .catch(() => undefined)
          .finally(() => { fetching = false; fetchedAt = Date.now(); });
      });
    }
    if (wantCounters) {
      es.addEventListener('counters', (e) => {
        const c = JSON.parse((e as MessageEvent<string>).data) as Counters;
        qc.setQueryData<Counters[]>(keys.counters(serverId), (old = []) => [...old.slice(-(COUNTER_HISTORY - 1)), c]);
      });
    }
    es.addEventListener('state', () => { void qc.invalidateQueries({ queryKey: keys.running }); });
    return () => es.close();
  }, [serverId, wantConnections, wantCounters, qc]);
}

function useRunningChanged() {
  const qc = useQueryClient();
  return () => Promise.all([keys.running, keys.pending].map((k) => qc.invalidateQueries({ queryKey: k })));
}

/** Starts, stops or restarts a server's process. */
export function useProcessAction() {
  const done = useRunningChanged();
  return useMutation({
    mutationFn: (v: { id: number; action: 'start' | 'stop' | 'restart' }) =>
      v.action === 'start' ? api.running.start(v.id) : v.action === 'stop' ? api.running.stop(v.id) : api.running.restart(v.id),
    onSettled: done,
  });
}

/** Sends a control-port command through the console (a `reload` changes what is served). */
export function useControl() {
  const done = useRunningChanged();
  return useMutation({
    mutationFn: (v: { id: number; body: ControlBody }) => api.running.control(v.id, v.body),
    onSuccess: (_a, v) => (v.body.command === 'reload' || v.body.command === 'kill' ? done() : undefined),
    meta: { quiet: true },
  });
}

/** Kills one connection. */
export function useKill() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { serverId: number; connId: number }) => api.running.kill(v.serverId, v.connId),
    onSuccess: (_a, v) => qc.setQueryData<ConnectionsView>(keys.connections(v.serverId), (old) =>
      old && { ...old, connections: old.connections.filter((c) => c.id !== v.connId), total: old.total - 1 }),
  });
}
