// The route tester's answer: the status the request would get, which server, host and route were chosen and how
// they matched, the target that would serve it (with a link to the route on its host) and the reasoning step by
// step — the server's own routing code run on the database's configuration.
import type { RouteTestAnswer, RouteTestTarget } from '@m2/shared';
import { Link } from '../../app/router';
import { Badge } from '../../components/bits';

const HOST_HOW: Record<NonNullable<RouteTestAnswer['host']>['matched'], string> = {
  exact: 'matched exactly', suffix: 'matched by suffix', extension: 'matched as an extension of its name (the TST quirk)',
  pattern: 'matched by its pattern', default: 'no host matched, so the server\'s default host',
};
const PATH_HOW: Record<NonNullable<RouteTestAnswer['route']>['matched'], string> = {
  exact: 'matched exactly', prefix: 'matched as a prefix', extension: 'the path is a proper prefix of the route', pattern: 'matched by its pattern',
};
const CHOICE: Record<RouteTestAnswer['serverChoice'], string> = { given: 'as chosen', only: 'the only server', first: 'the first of several servers' };

/** A target's fields as name → text (its id and kind left out). */
export function targetFields(t: RouteTestTarget): [string, string][] {
  return Object.entries(t).filter(([k]) => k !== 'kind' && k !== 'id').map(([k, v]) => [k, v === '' ? '(empty)' : String(v)]);
}

/** The "Route test result" region for one answer. */
export function RouteTestResult({ answer }: { answer: RouteTestAnswer }) {
  const { host, route, target, request } = answer;
  return (
    <section className="card route-result" aria-label="Route test result">
      <h2>
        {answer.status === 200 ? <Badge tone="ok">200</Badge> : <Badge tone="bad">404</Badge>}{' '}
        {answer.status === 200 ? 'Would be served' : 'Not Found'}
      </h2>
      <dl className="facts">
        <dt>Server</dt>
        <dd>{answer.server.name || answer.server.uuid} <span className="muted">({CHOICE[answer.serverChoice]})</span></dd>
        <dt>Request</dt>
        <dd>
          <code>{request.path}</code> with {request.host === null ? 'no Host header' : <>Host <code>{request.host}</code></>}
          {request.query !== null && <span className="muted"> (query <code>{request.query}</code> is not used to route)</span>}
        </dd>
        <dt>Host</dt>
        <dd>{host ? <><strong>{host.name}</strong> <span className="muted">(matching <code>{host.matching}</code>; {HOST_HOW[host.matched]})</span></> : 'No host: nothing can serve it'}</dd>
        <dt>Route</dt>
        <dd>{route ? <><code>{route.path}</code> <span className="muted">({route.kind} route, {PATH_HOW[route.matched]})</span></> : 'No route of the host matches the path'}</dd>
        <dt>Target</dt>
        <dd>
          {target ? (
            <>
              <Badge tone="info">{target.kind}</Badge>
              <ul className="target-fields">{targetFields(target).map(([k, v]) => <li key={k}><span className="muted">{k}</span> <code>{v}</code></li>)}</ul>
            </>
          ) : route ? 'The route points at a target that does not exist' : 'None'}
          {host && route && <div><Link to={`/hosts/${host.id}?route=${route.id}`}>Open route {route.path} on host {host.name}</Link></div>}
        </dd>
      </dl>
      <h3>How it was decided</h3>
      <ol className="steps" aria-label="Steps">{answer.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
    </section>
  );
}
