// The routing public API: Mongrel2's pattern language, RouteMap (src/routing.c) and the host/path explainers.
export { checkPattern, compilePattern } from './pattern-syntax.js';
export type { CompiledPattern, PatternError, PatternErrorCode } from './pattern-syntax.js';
export { DEFAULT_PATTERN_BUDGET, matchCompiled, matchPattern, runPattern } from './pattern.js';
export type { PatternOptions, PatternOutcome } from './pattern.js';
export { RouteMap, reverseText } from './route-map.js';
export type { AttemptOutcome, PatternAttempt, Route, RouteLookup } from './route-map.js';
export { attemptInfo, routeInfo } from './explain.js';
export type { AttemptInfo, RouteInfo } from './explain.js';
export { explainPath, explainPathInMap } from './path-match.js';
export type { PathExplanation, PathReason } from './path-match.js';
export { defaultHostIndex, hostnameOf, selectHost } from './host-match.js';
export type { HostReason, HostSelection, HostSpec } from './host-match.js';
export { Tst, keyBytes } from './tst.js';
