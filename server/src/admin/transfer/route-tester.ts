// The route tester's reasoning (issue 6 §7): which host and route of a server would serve a request, using the
// very matching code the server routes with (shared/src/routing: selectHost mirrors Server_match_backend,
// explainPath mirrors Host_match_backend over the same RouteMap), written out as steps an operator can follow.
import { explainPath, selectHost, type HostSelection, type RouteTestAnswer, type RouteTestTarget } from '@m2/shared';
import type { TestRequest } from './route-request.js';

/** A route of the tested server, in row order, with its target (null when the row it names is missing). */
export interface TesterRoute {
  id: number;
  path: string;
  /** `dir 3`, `handler 1`...: what the row points at, for messages. */
  ref: string;
  target: RouteTestTarget | null;
}

/** A host of the tested server, in row order. */
export interface TesterHost {
  id: number;
  name: string;
  matching: string;
  routes: TesterRoute[];
}

/** The tested server with its hosts. */
export interface TesterServer {
  id: number;
  uuid: string;
  name: string;
  defaultHost: string;
  hosts: TesterHost[];
}

/** How the server was picked, and among how many. */
export interface ServerChoice {
  how: RouteTestAnswer['serverChoice'];
  count: number;
}

/** One line naming a target and its main fields. */
export function describeTarget(t: RouteTestTarget): string {
  switch (t.kind) {
    case 'dir':
      return `Dir ${t.id}: files under '${t.base}' (index '${t.indexFile}', default type '${t.defaultCtype}')`;
    case 'handler':
      return `Handler ${t.id}: send_spec '${t.sendSpec}', recv_spec '${t.recvSpec}' (${t.protocol})`;
    case 'proxy':
      return `Proxy ${t.id}: ${t.addr}:${t.port}`;
  }
}

function serverStep(s: TesterServer, choice: ServerChoice): string {
  const which = `server '${s.name}' (id ${s.id}, uuid ${s.uuid})`;
  if (choice.how === 'given') return `${which}, as asked`;
  if (choice.how === 'only') return `${which}, the only server`;
  return `${which}, the first of ${choice.count} servers (give serverId to test another)`;
}

function hostMatch(sel: HostSelection): NonNullable<RouteTestAnswer['host']>['matched'] | null {
  if (sel.reason === 'none') return null;
  if (sel.reason === 'suffix' && sel.hostname === sel.host?.matching) return 'exact';
  return sel.reason;
}

/** Explains how `server` routes `req`. */
export function testRoute(server: TesterServer, choice: ServerChoice, req: TestRequest): RouteTestAnswer {
  const steps = [serverStep(server, choice)];
  if (req.query !== null) steps.push(`the query string '?${req.query}' is not used for routing`);
  if (req.hostFrom === 'url') {
    steps.push(`the URL's authority '${req.hostHeader}' acts as the Host${req.ignoredHost !== null ? ` (the host '${req.ignoredHost}' given is not used)` : ''}`);
  }
  const sel = selectHost(server.hosts, server.defaultHost, req.hostHeader);
  steps.push(`host: ${sel.detail}`);
  const base = {
    server: { id: server.id, uuid: server.uuid, name: server.name },
    serverChoice: choice.how,
    request: { host: req.hostHeader, path: req.path, query: req.query },
  };
  const matched = hostMatch(sel);
  if (!sel.host || matched === null) {
    steps.push('404 Not Found: no host to route the path in');
    return { ...base, host: null, route: null, target: null, status: 404, steps };
  }
  const host = sel.host;
  const hostAnswer = { id: host.id, name: host.name, matching: host.matching, matched };
  const path = explainPath(host.routes.map((r) => r.path), req.path);
  steps.push(`path: ${path.detail}`);
  const chosen = path.route ? host.routes[path.route.index] : undefined;
  if (!path.route || !chosen || path.reason === 'no-route' || path.reason === 'pattern-failed') {
    steps.push(`404 Not Found: host '${host.name}' has no route for '${req.path}'`);
    return { ...base, host: hostAnswer, route: null, target: null, status: 404, steps };
  }
  const route = { id: chosen.id, path: chosen.path, prefix: path.route.prefix, kind: path.route.hasPattern ? 'pattern' as const : 'prefix' as const, matched: path.reason };
  if (!chosen.target) {
    steps.push(`404 Not Found: route '${chosen.path}' points at ${chosen.ref}, which does not exist (mongrel2 would refuse to start)`);
    return { ...base, host: hostAnswer, route, target: null, status: 404, steps };
  }
  steps.push(`target: ${describeTarget(chosen.target)}`);
  return { ...base, host: hostAnswer, route, target: chosen.target, status: 200, steps };
}
