// Plain, serialisable views of RouteMap lookups, shared by the path and host explainers (the console's route
// tester shows them); they carry no route data, only each route's insertion index.
import type { PatternError } from './pattern-syntax.js';
import type { AttemptOutcome, PatternAttempt, Route } from './route-map.js';

/** A route as the explainers report it. */
export interface RouteInfo {
  /** Position in insertion order: the index in the list the map was built from. */
  index: number;
  text: string;
  pattern: string;
  prefix: string;
  hasPattern: boolean;
  patternError: PatternError | null;
}

/** One pattern tried during a lookup, as the explainers report it. */
export interface AttemptInfo {
  route: RouteInfo;
  outcome: AttemptOutcome;
  matchedLength?: number;
}

/** The serialisable view of a route. */
export function routeInfo(route: Route<unknown>): RouteInfo {
  const { index, text, pattern, prefix, hasPattern, patternError } = route;
  return { index, text, pattern, prefix, hasPattern, patternError };
}

/** The serialisable view of a pattern attempt. */
export function attemptInfo(attempt: PatternAttempt<unknown>): AttemptInfo {
  const info: AttemptInfo = { route: routeInfo(attempt.route), outcome: attempt.outcome };
  if (attempt.matchedLength !== undefined) info.matchedLength = attempt.matchedLength;
  return info;
}

/** A sentence saying why one attempt failed. */
export function describeAttempt(a: AttemptInfo): string {
  switch (a.outcome) {
    case 'matched':
      return `'${a.route.text}' matched`;
    case 'no-match':
      return `'${a.route.text}': pattern did not match`;
    case 'too-short':
      return `'${a.route.text}': the text is shorter than the key '${a.route.prefix}'`;
    case 'malformed':
      return `'${a.route.text}': ${a.route.patternError?.message ?? 'malformed pattern'}`;
    case 'too-complex':
      return `'${a.route.text}': pattern gave up (too many matching steps)`;
  }
}
