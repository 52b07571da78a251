// Mirrors Host_match_backend (src/host.c) → RouteMap_simple_prefix_match (src/routing.c): which of a host's routes
// serves a request path, and why. Used by the console's route tester; the server calls RouteMap directly.
import { attemptInfo, describeAttempt, routeInfo, type AttemptInfo, type RouteInfo } from './explain.js';
import type { PatternOptions } from './pattern.js';
import { RouteMap } from './route-map.js';

/**
 * Why a path got its route:
 * `exact` — the path equals the key of a route without pattern;
 * `prefix` — the key of a route without pattern is a prefix of the path (no `/` boundary);
 * `extension` — the path is a proper prefix of the key (the TST quirk: `/us` → `/users`);
 * `pattern` — the key was found and a route of its chain matched the rest of the path;
 * `pattern-failed` — the key was found but no pattern of its chain matched (404, no fallback);
 * `no-route` — the TST walk found nothing (404).
 */
export type PathReason = 'exact' | 'prefix' | 'extension' | 'pattern' | 'pattern-failed' | 'no-route';

/** Which route serves a path and why, in plain data. */
export interface PathExplanation {
  path: string;
  reason: PathReason;
  /** The route chosen, or null for a 404. */
  route: RouteInfo | null;
  /** The route the TST walk landed on (head of its chain), or null. */
  found: RouteInfo | null;
  /** Patterns tried, in order. */
  attempts: AttemptInfo[];
  /** One human-readable sentence. */
  detail: string;
}

/** Explains how a host whose routes were inserted into `map` routes `path`. */
export function explainPathInMap(map: RouteMap<unknown>, path: string): PathExplanation {
  const lookup = map.lookupPrefix(path);
  const attempts = lookup.attempts.map(attemptInfo);
  const found = lookup.found ? routeInfo(lookup.found) : null;
  const route = lookup.route ? routeInfo(lookup.route) : null;
  const base = { path, route, found, attempts };
  if (!found) return { ...base, reason: 'no-route', detail: `no route key is a prefix or an extension of '${path}'` };
  if (!found.hasPattern) {
    if (path === found.prefix) return { ...base, reason: 'exact', detail: `'${path}' is exactly the route '${found.text}'` };
    if (path.startsWith(found.prefix)) {
      return { ...base, reason: 'prefix', detail: `'${found.prefix}' is the longest route key that is a prefix of '${path}'` };
    }
    return {
      ...base,
      reason: 'extension',
      detail: `'${path}' is a prefix of the route key '${found.prefix}', which the lookup returns (Mongrel2 quirk)`,
    };
  }
  if (route) {
    return { ...base, reason: 'pattern', detail: `route '${route.text}' matched '${path}' after the key '${found.prefix}'` };
  }
  return {
    ...base,
    reason: 'pattern-failed',
    detail: `key '${found.prefix}' found but no pattern matched (no fallback): ${attempts.map(describeAttempt).join('; ')}`,
  };
}

/** Explains how a host with these route paths (in DB row order) routes `path`; route indexes refer to `routes`. */
export function explainPath(routes: readonly string[], path: string, options: PatternOptions = {}): PathExplanation {
  const map = new RouteMap<number>(options);
  routes.forEach((text, i) => map.insert(text, i));
  return explainPathInMap(map, path);
}
