// Mirrors host selection in connection_route_request / Server_match_backend (src/server.c) over a RouteMap of hosts
// inserted reversed (Server_add_host): the Host header up to its first `:`, case-sensitive, matched by suffix
// key then pattern, else the default host (the host whose *name* equals the server's default_host).
import { attemptInfo, describeAttempt, routeInfo, type AttemptInfo, type RouteInfo } from './explain.js';
import type { PatternOptions } from './pattern.js';
import { reverseText, RouteMap } from './route-map.js';

/** A host row: its name and the `matching` text it is keyed by (DB rows, in rowid order). */
export interface HostSpec {
  name: string;
  matching: string;
}

/**
 * Why a host was chosen:
 * `suffix` — the reversed key of a host without pattern is a suffix of the host name (no dot boundary);
 * `extension` — the host name is a proper suffix of that key (the TST quirk: `ample.com` → `example.com`);
 * `pattern` — the key was found and the host's pattern matched the rest of the name;
 * `default` — nothing matched (or no Host header), so the default host was taken;
 * `none` — nothing matched and no host is named like the default host.
 */
export type HostReason = 'suffix' | 'extension' | 'pattern' | 'default' | 'none';

/** Which host serves a request and why, in plain data. */
export interface HostSelection<H extends HostSpec = HostSpec> {
  /** The raw Host header, or null when absent. */
  header: string | null;
  /** The name looked up: the header up to its first `:`. */
  hostname: string | null;
  reason: HostReason;
  /** The host chosen and its index in the list, or null. */
  host: H | null;
  index: number | null;
  /** For `default`: why nothing matched. */
  fallback?: 'no-host-header' | 'no-key' | 'pattern-failed';
  /** The host route the TST walk landed on, and the pattern attempt made on it. */
  found: RouteInfo | null;
  attempts: AttemptInfo[];
  /** One human-readable sentence. */
  detail: string;
}

/** The host name Mongrel2 routes on: the Host header value up to its first `:`, not lower-cased. */
export function hostnameOf(header: string): string {
  const colon = header.indexOf(':');
  return colon < 0 ? header : header.slice(0, colon);
}

/** Index of the default host: the last row named `defaultHost` (the C config loader keeps the last), or -1. */
export function defaultHostIndex(hosts: readonly HostSpec[], defaultHost: string): number {
  for (let i = hosts.length - 1; i >= 0; i--) if (hosts[i]!.name === defaultHost) return i;
  return -1;
}

/** Chooses the host for a request with this Host header (undefined/null = no header) and explains the choice. */
export function selectHost<H extends HostSpec>(
  hosts: readonly H[],
  defaultHost: string,
  header: string | null | undefined,
  options: PatternOptions = {},
): HostSelection<H> {
  const map = new RouteMap<number>(options);
  hosts.forEach((h, i) => map.insertReversed(h.matching, i));
  const hostname = header == null ? null : hostnameOf(header);
  const lookup = hostname == null ? null : map.lookupSuffix(hostname);
  const found = lookup?.found ? routeInfo(lookup.found) : null;
  const attempts = (lookup?.attempts ?? []).map(attemptInfo);
  const base = { header: header ?? null, hostname, found, attempts };

  if (lookup?.route) {
    const index = lookup.route.data;
    const host = hosts[index]!;
    const key = lookup.route.prefix;
    if (lookup.route.hasPattern) {
      return { ...base, reason: 'pattern', host, index, detail: `'${hostname}' ends with the key of '${host.matching}' and its pattern matched` };
    }
    const suffix = reverseText(key);
    if (hostname!.endsWith(suffix)) {
      return { ...base, reason: 'suffix', host, index, detail: `'${hostname}' ends with '${suffix}' (host '${host.name}')` };
    }
    return {
      ...base,
      reason: 'extension',
      host,
      index,
      detail: `'${hostname}' is a suffix of '${suffix}', which the lookup returns (Mongrel2 quirk; host '${host.name}')`,
    };
  }

  const fallback = hostname == null ? 'no-host-header' : found ? 'pattern-failed' : 'no-key';
  const why =
    fallback === 'no-host-header'
      ? 'no Host header'
      : fallback === 'no-key'
        ? `no host key is a suffix of '${hostname}'`
        : `pattern failed: ${attempts.map(describeAttempt).join('; ')}`;
  const index = defaultHostIndex(hosts, defaultHost);
  if (index < 0) return { ...base, reason: 'none', host: null, index: null, fallback, detail: `${why}, and no host is named '${defaultHost}'` };
  return { ...base, reason: 'default', host: hosts[index]!, index, fallback, detail: `${why}: default host '${defaultHost}'` };
}
