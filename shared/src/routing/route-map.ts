// Mirrors src/routing.c: the RouteMap that holds a host's routes (keyed by the text before the first `(`) and the
// server's hosts (keyed by the reversed text after the last `)`), with its chaining of same-key routes and its
// two lookups, simple prefix match (paths) and suffix match (hosts).
import { compilePattern, type CompiledPattern, type PatternError } from './pattern-syntax.js';
import { matchCompiled, type PatternOptions } from './pattern.js';
import { keyBytes, Tst } from './tst.js';

/** One route in a RouteMap, with the fields Mongrel2's Route struct has. */
export interface Route<D> {
  /** Position in insertion order (0 = first inserted). */
  index: number;
  /** The text as inserted (a route path, or a host's `matching`). */
  text: string;
  /** Mongrel2's route->pattern: the path itself, or for a reversed host the text up to its last `)` plus `$`. */
  pattern: string;
  /** The TST key: the path before its first `(`, or the reversed host suffix. */
  prefix: string;
  /** Whether a pattern is checked after the TST lookup. */
  hasPattern: boolean;
  /** Inserted with insertReversed (host style). */
  reversed: boolean;
  /** What the route leads to. */
  data: D;
  /** Set when the pattern this route is normally matched with is malformed (the route then never matches). */
  patternError: PatternError | null;
}

/** How trying one route's pattern went. */
export type AttemptOutcome = 'matched' | 'no-match' | 'too-short' | 'malformed' | 'too-complex';

/** One pattern tried during a lookup. */
export interface PatternAttempt<D> {
  route: Route<D>;
  outcome: AttemptOutcome;
  /** Bytes of the window the pattern matched, when it matched. */
  matchedLength?: number;
}

/** A lookup in detail: what the TST walk found, which patterns were tried, and the route finally chosen. */
export interface RouteLookup<D> {
  found: Route<D> | null;
  attempts: PatternAttempt<D>[];
  route: Route<D> | null;
}

type Compiled = { ok: true; compiled: CompiledPattern } | PatternError;

interface Entry<D> {
  route: Route<D>;
  prefixLength: number; // in bytes
  forPrefix: Compiled | null; // pattern used by simple prefix match (null: matches trivially)
  forSuffix: Compiled | null; // pattern used by suffix match
}

/** Reverses a string by code points (byte reversal, as the C does, cannot be held in a JS string). */
export function reverseText(text: string): string {
  return Array.from(text).reverse().join('');
}

function compileAt(text: string, from: number): Compiled {
  const c = compilePattern(text.slice(from));
  return c.ok ? c : { ...c, index: c.index + from };
}

/** Mongrel2's RouteMap: a TST of route chains, looked up by path prefix or by host suffix. */
export class RouteMap<D> {
  private readonly tree = new Tst<Entry<D>[]>();
  private readonly all: Route<D>[] = [];
  private hasRoot = false; // the C tree has a root node
  private nulRoot = false; // ...and it is the unreachable node of an empty key

  constructor(private readonly options: PatternOptions = {}) {}

  /** Every route, in insertion order. */
  routes(): readonly Route<D>[] {
    return this.all;
  }

  /** Adds a path route: key = text before the first `(`, pattern = the text from that `(` on (RouteMap_insert). */
  insert(routeText: string, data: D): Route<D> {
    const paren = routeText.indexOf('(');
    const prefix = paren < 0 ? routeText : routeText.slice(0, paren);
    const forPrefix = paren < 0 ? null : compileAt(routeText, paren);
    const route = this.makeRoute(routeText, routeText, prefix, paren >= 0, false, data, forPrefix);
    this.link({ route, prefixLength: keyBytes(prefix).length, forPrefix, forSuffix: null });
    return route;
  }

  /** Adds a host-style route: key = the reversed text after the last `)`, pattern = text to that `)` + `$`. */
  insertReversed(matching: string, data: D): Route<D> {
    const paren = matching.lastIndexOf(')');
    const tail = paren < 0 ? matching : matching.slice(paren + 1);
    const pattern = paren < 0 ? matching : `${matching.slice(0, paren + 1)}$`;
    const forSuffix = paren < 0 ? null : compileAt(pattern, 0);
    const prefix = reverseText(tail);
    const route = this.makeRoute(matching, pattern, prefix, paren >= 0, true, data, forSuffix);
    this.link({ route, prefixLength: keyBytes(prefix).length, forPrefix: forSuffix, forSuffix });
    return route;
  }

  /** RouteMap_simple_prefix_match: the route for a request path, or null. */
  simplePrefixMatch(path: string): Route<D> | null {
    return this.lookupPrefix(path).route;
  }

  /** RouteMap_match_suffix: the route for a host name, or null. */
  matchSuffix(target: string): Route<D> | null {
    return this.lookupSuffix(target).route;
  }

  /**
   * simplePrefixMatch in detail: a TST prefix search, then (if the found route has a pattern) each route of its
   * chain in turn, its pattern matched against the path after the prefix; the first success wins, no fallback.
   */
  lookupPrefix(path: string): RouteLookup<D> {
    const chain = this.tree.searchPrefix(path);
    const head = chain?.[0];
    if (!chain || !head) return { found: null, attempts: [], route: null };
    if (!head.route.hasPattern) return { found: head.route, attempts: [], route: head.route };
    const subject = keyBytes(path);
    const attempts: PatternAttempt<D>[] = [];
    for (const entry of chain) {
      // A route without a pattern inside a chain: the C reads the byte before its pattern buffer, in practice a
      // NUL (the end of pattern), so it matches whenever the path is at least as long as the prefix.
      const attempt = this.attempt(entry, entry.forPrefix, subject, entry.prefixLength, subject.length);
      attempts.push(attempt);
      if (attempt.outcome === 'matched') return { found: head.route, attempts, route: entry.route };
    }
    return { found: head.route, attempts, route: null };
  }

  /**
   * matchSuffix in detail: a TST suffix search, then (if the found route has a pattern) that one route's pattern
   * matched against the first len(target) - len(key) bytes of the target; the chain is not consulted.
   */
  lookupSuffix(target: string): RouteLookup<D> {
    // Walking the reversed target forwards is the C's backwards walk; for non-ASCII text it keeps UTF-8
    // characters whole, as the byte-reversed C keys do.
    const chain = this.tree.searchPrefix(reverseText(target));
    const head = chain?.[0];
    if (!head) return { found: null, attempts: [], route: null };
    if (!head.route.hasPattern) return { found: head.route, attempts: [], route: head.route };
    head.forSuffix ??= compileAt(head.route.pattern, 0);
    const subject = keyBytes(target);
    const attempt = this.attempt(head, head.forSuffix, subject, 0, subject.length - head.prefixLength);
    return { found: head.route, attempts: [attempt], route: attempt.outcome === 'matched' ? head.route : null };
  }

  private attempt(entry: Entry<D>, pattern: Compiled | null, subject: Int8Array, start: number, end: number): PatternAttempt<D> {
    const route = entry.route;
    if (end < start) return { route, outcome: 'too-short' };
    if (pattern === null) return { route, outcome: 'matched', matchedLength: 0 };
    if (!pattern.ok) return { route, outcome: 'malformed' };
    const result = matchCompiled(pattern.compiled, subject, start, end, this.options);
    if (result.kind === 'match') return { route, outcome: 'matched', matchedLength: result.length };
    return { route, outcome: result.kind === 'too-complex' ? 'too-complex' : 'no-match' };
  }

  private makeRoute(
    text: string,
    pattern: string,
    prefix: string,
    hasPattern: boolean,
    reversed: boolean,
    data: D,
    used: Compiled | null,
  ): Route<D> {
    const patternError = used && !used.ok ? used : null;
    const route: Route<D> = { index: this.all.length, text, pattern, prefix, hasPattern, reversed, data, patternError };
    this.all.push(route);
    return route;
  }

  /** RouteMap_insert_base: a new key starts a chain; a known key gets the route linked right after the head. */
  private link(entry: Entry<D>): void {
    const key = entry.route.prefix;
    if (key === '' && (this.nulRoot || !this.hasRoot)) {
      // The C stores an empty key on a NUL node no lookup can reach (and later empty keys chain onto it).
      this.nulRoot = this.hasRoot = true;
      return;
    }
    // For an empty key the C exact search answers with the root's chain, so the route joins that chain.
    const chain = this.tree.search(key);
    if (chain) chain.splice(1, 0, entry);
    else this.tree.insert(key, [entry]);
    this.hasRoot = true;
  }
}
