// Per-route traffic from access-log entries (issue 6 §5). An entry names the Host that served it by its
// configured name (spec §9), so each entry is routed again inside that host with the server's own route matcher
// (shared/src/routing RouteMap.simplePrefixMatch, as world.ts routes requests): the counts land on the route
// that served the request, patterns and Mongrel2's prefix quirks included.
import { RouteMap, type AccessLogEntry, type RouteStats } from '@m2/shared';
import type { AdminContext } from '../context.js';

/** A host's routes as the stats need them. */
export interface HostRoutes {
  name: string;
  routes: { id: number; path: string }[];
}

/** The hosts and routes of a server, in row order (as the server builds its world). */
export function loadHostRoutes(ctx: AdminContext, serverId: number): HostRoutes[] {
  const hosts = ctx.db.prepare('SELECT id, name FROM host WHERE server_id = ? ORDER BY id').all(serverId) as { id: number; name: string }[];
  const routes = ctx.db.prepare('SELECT id, path FROM route WHERE host_id = ? ORDER BY id');
  return hosts.map((h) => ({ name: h.name, routes: routes.all(h.id) as { id: number; path: string }[] }));
}

/** The query part of a logged path is not routed on (the server routes the path alone). */
function routedPath(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/** Counts requests, bytes and statuses per (host, route); entries of unknown hosts or matching no route count
 *  under route null. Busiest first. */
export function routeStats(entries: readonly AccessLogEntry[], hosts: readonly HostRoutes[]): RouteStats[] {
  const maps = new Map<string, RouteMap<{ id: number; path: string }>>();
  for (const h of hosts) {
    const map = new RouteMap<{ id: number; path: string }>();
    for (const r of h.routes) map.insert(r.path, r);
    maps.set(h.name, map); // two hosts of one name: the later row, as a reload would leave it
  }
  const byKey = new Map<string, RouteStats>();
  for (const e of entries) {
    const route = maps.get(e.host)?.simplePrefixMatch(routedPath(e.path))?.data ?? null;
    const key = `${e.host}\0${route?.id ?? ''}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { host: e.host, route: route?.path ?? null, routeId: route?.id ?? null, requests: 0, bytes: 0, status: {} }));
    s.requests++;
    if (e.size > 0) s.bytes += e.size;
    s.status[String(e.status)] = (s.status[String(e.status)] ?? 0) + 1;
  }
  return [...byKey.values()].sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host) || (a.route ?? '').localeCompare(b.route ?? ''));
}
