// "Get started": the four steps from a fresh console to a new route serving traffic — add a host, add a route,
// apply, test it — each ticked off from what the configuration already holds, so a first-time user needs no docs.
import type { Host, RouteRecord } from '@m2/shared';
import { Link } from '../../app/router';
import { Badge } from '../../components/bits';
import { Button } from '../../components/Button';

/** What the steps are judged by. */
export interface GetStartedProps {
  hosts: Host[];
  routes: RouteRecord[];
  /** Whether some server runs, and whether anything waits to be applied. */
  anyRunning: boolean;
  pending: boolean;
  /** Where the first running server is reached (for the final "open it" hint). */
  serverUrl?: string;
  /** Hides the card (offered once there are routes). */
  onHide?: () => void;
}

function Done({ done }: { done: boolean }) {
  return done ? <Badge tone="ok">done</Badge> : null;
}

/** The getting-started card. */
export function GetStarted({ hosts, routes, anyRunning, pending, serverUrl, onHide }: GetStartedProps) {
  const newest = routes.reduce<RouteRecord | undefined>((a, r) => (!a || r.id > a.id ? r : a), undefined);
  const newestHost = newest && hosts.find((h) => h.id === newest.hostId);
  const firstHost = hosts[0];
  const prefix = newest ? (newest.path.split('(')[0] ?? '') : '';
  const open = serverUrl && `${serverUrl}${prefix.replace(/^\//, '')}`;
  const testTo = newest ? `/route-tester?${new URLSearchParams({ url: prefix || '/', ...(newestHost ? { host: newestHost.name } : {}) }).toString()}` : '/route-tester';
  return (
    <section className="card get-started" aria-labelledby="get-started-title">
      <div className="server-card-head">
        <h2 id="get-started-title">Get started</h2>
        {onHide && <Button kind="ghost" onClick={onHide}>Hide getting started</Button>}
      </div>
      <ol className="get-started-steps">
        <li>
          <Link to="/hosts?new=1">Add a host</Link> <Done done={hosts.length > 0} />
          <div className="muted">A host is a name your server answers to, such as <code>localhost</code> or <code>example.com</code>.</div>
        </li>
        <li>
          {firstHost ? <Link to={`/hosts/${firstHost.id}`}>Add a route</Link> : <span>Add a route</span>} <Done done={routes.length > 0} />
          <div className="muted">On the host's page, add a path such as <code>/docs/</code> and what serves it: a Dir (files), a Proxy (another web server) or a Handler (your application over ZeroMQ).</div>
        </li>
        <li>
          <Link to="/apply">Apply</Link> <Done done={routes.length > 0 && anyRunning && !pending} />
          <div className="muted">
            Edits wait in the database until you apply them; applying reloads each running server and checks it answers.
            {!anyRunning && <> No server is running: start one on <Link to="/servers">Servers</Link> first.</>}
          </div>
        </li>
        <li>
          <Link to={testTo}>Test it</Link>
          <div className="muted">
            The route tester shows which host, route and target serve a URL.
            {open && <> Then open <a href={open} target="_blank" rel="noreferrer">{open}</a> (that address reaches the server's default host).</>}
          </div>
        </li>
      </ol>
    </section>
  );
}
