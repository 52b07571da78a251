// A routing world: one server configuration made ready to serve — the host map (hosts inserted reversed, as
// src/server.c does), each host's route map (src/host.c), one Dir per directory row and the mimetype table.
// Immutable once built; a reload builds a new world and swaps it in (ARCHITECTURE principle 4). Dir objects of
// unchanged directory rows are carried over so their file caches survive a reload.
import { RouteMap, defaultHostIndex, hostnameOf, utf8ByteString } from '@m2/shared';
import type { DirTarget, HostConfig, RouteConfig, ServerConfig, Target } from './config/server-config.js';
import { Dir, buildMimeTable, type MimeTable } from './dir/dir.js';

/** A host ready to route paths. */
export interface HostWorld {
  config: HostConfig;
  routes: RouteMap<RouteConfig>;
  /** Paths already routed in this host (a world never changes, so neither does a lookup's answer). */
  memo: Map<string, Routed | null>;
}

/** A served request's destination: the host, the route and its target. */
export interface Routed {
  /** The world the request was routed in; it is served from it even if a reload swaps in another. */
  world: World;
  host: HostWorld;
  route: RouteConfig;
  /** The route's prefix (the text before its first `(`). */
  prefix: string;
  /** The full route key that matched, as Mongrel2's PATTERN goes into messages: its UTF-8 bytes, one char each. */
  pattern: string;
}

/** One immutable routing world. */
export interface World {
  config: ServerConfig;
  hosts: RouteMap<HostWorld>;
  defaultHost: HostWorld | undefined;
  mime: MimeTable;
  /** The Dir serving each directory row, by row id. */
  dirs: ReadonlyMap<number, Dir>;
  /** Host headers already matched (the host, or null for the default). */
  hostMemo: Map<string, HostWorld | null>;
}

/** How many answers a memo keeps before it starts over (a bound on memory when clients send endless variety). */
const MEMO_SIZE = 2048;

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

function sameDir(a: DirTarget, b: DirTarget): boolean {
  return a.base === b.base && a.indexFile === b.indexFile && a.defaultCtype === b.defaultCtype && a.cacheTtl === b.cacheTtl;
}

/** Builds a world from a configuration, reusing `previous`'s Dir objects where the row did not change. */
export function buildWorld(config: ServerConfig, previous?: World, cwd?: string): World {
  const mime = buildMimeTable(config.mimetypes);
  const mimeChanged = !previous || JSON.stringify(previous.config.mimetypes) !== JSON.stringify(config.mimetypes);
  const dirs = new Map<number, Dir>();
  const hosts = new RouteMap<HostWorld>();
  const worlds = config.hosts.map((h) => {
    const routes = new RouteMap<RouteConfig>();
    for (const r of h.routes) {
      routes.insert(r.path, r);
      const t: Target = r.target;
      if (t.kind === 'dir' && !dirs.has(t.id)) {
        const old = previous?.dirs.get(t.id);
        const oldCfg = previous ? findDir(previous.config, t.id) : undefined;
        dirs.set(t.id, old && oldCfg && !mimeChanged && sameDir(oldCfg, t) ? old : new Dir(t, mime, { cwd }));
      }
    }
    const hw: HostWorld = { config: h, routes, memo: new Map() };
    hosts.insertReversed(h.matching, hw);
    return hw;
  });
  const idx = defaultHostIndex(config.hosts, config.server.defaultHost);
  return { config, hosts, defaultHost: idx >= 0 ? worlds[idx] : undefined, mime, dirs, hostMemo: new Map() };
}

function findDir(config: ServerConfig, id: number): DirTarget | undefined {
  for (const h of config.hosts) for (const r of h.routes) if (r.target.kind === 'dir' && r.target.id === id) return r.target;
  return undefined;
}

/**
 * Mirrors connection_route_request: the host by the Host header (up to `:`, case-sensitive, reversed-suffix
 * match, else the default host; no header → default host), then the route by the path. Null → 404.
 */
export function routeRequest(world: World, hostHeader: string | undefined, path: string): Routed | null {
  let host = world.defaultHost;
  if (hostHeader !== undefined) {
    let found = world.hostMemo.get(hostHeader);
    if (found === undefined) found = remember(world.hostMemo, hostHeader, world.hosts.matchSuffix(hostnameOf(hostHeader))?.data ?? null);
    if (found) host = found;
  }
  if (!host) return null;
  const known = host.memo.get(path);
  if (known !== undefined) return known;
  const route = host.routes.simplePrefixMatch(path);
  return remember(host.memo, path, route ? { world, host, route: route.data, prefix: route.prefix, pattern: utf8ByteString(route.text) } : null);
}
