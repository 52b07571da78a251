// One server on the overview: running or stopped, how long it has run, its open connections and requests per
// second (from the live counters), where it listens, whether it serves something other than the database holds,
// and the ways into its live view and control port.
import type { Counters, RunningServer } from '@m2/shared';
import { Link } from '../../app/router';
import { needsRole } from '../../app/session';
import { Badge, Sparkline, formatDuration } from '../../components/bits';
import { Button } from '../../components/Button';
import { serverUrl } from './server-url';

/** A server card's data: the process, where it binds (from the database when stopped), what is pending. */
export interface ServerCardProps {
  server: RunningServer;
  bind: { addr: string; port: number } | null;
  pending: boolean;
  counters: Counters[];
  canStart: boolean;
  starting: boolean;
  onStart: () => void;
}

/** The card of one server, labelled "Server <name or uuid>". */
export function ServerCard({ server, bind, pending, counters, canStart, starting, onStart }: ServerCardProps) {
  const label = server.name || server.uuid;
  const last = counters[counters.length - 1];
  const address = bind && `${bind.addr}:${bind.port}`;
  return (
    <section className="card server-card" aria-label={`Server ${label}`}>
      <div className="server-card-head">
        <h2>{label}</h2>
        {server.running ? <Badge tone="ok">running</Badge> : <Badge tone="muted">stopped</Badge>}
        {pending && <Link to="/apply" className="badge badge-warn">pending changes</Link>}
      </div>
      <div className="server-stats">
        <div><div className="stat-label">Uptime</div><div className="stat">{server.running && server.uptimeSeconds !== null ? formatDuration(server.uptimeSeconds) : '—'}</div></div>
        <div><div className="stat-label">Open connections</div><div className="stat">{server.running && last ? last.openConnections : '—'}</div></div>
        <div>
          <div className="stat-label">Requests per second</div>
          <div className="stat">{server.running && last ? last.requestsPerSecond.toFixed(1) : '—'}</div>
        </div>
      </div>
      {server.running && <Sparkline values={counters.map((c) => c.requestsPerSecond)} label={`Requests per second of ${label}`} />}
      <p className="server-address">
        {address ? (server.running && bind
          ? <a href={serverUrl(bind.addr, bind.port, window.location.hostname)} target="_blank" rel="noreferrer">{address}</a>
          : <span className="muted">{address}</span>) : null}
        {server.pid !== null && <span className="muted"> · PID {server.pid}</span>}
      </p>
      {server.problem && <p className="outcome-bad">{server.problem}</p>}
      <div className="page-actions">
        <Link to={`/live/${server.id}`}>Live connections</Link>
        <Link to={`/control/${server.id}`}>Control</Link>
        {!server.running && (
          <Button kind="primary" busy={starting} disabled={!canStart} title={canStart ? undefined : needsRole('operator')} onClick={onStart}>Start server</Button>
        )}
      </div>
    </section>
  );
}
