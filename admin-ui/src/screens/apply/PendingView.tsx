// What is pending: the snapshot the servers are compared with, each server's state (running, pending or in sync,
// and any problem the console has reading it) and the row-by-row diff of the database against what is served.
import type { Pending, ServerPending } from '@m2/shared';
import { Badge } from '../../components/bits';
import { DiffView } from '../../components/DiffView';

/** Whether there is anything to apply. */
export function hasPending(p: Pending): boolean {
  return p.changed || p.servers.some((s) => s.pending);
}

function ServerState({ s }: { s: ServerPending }) {
  const badge = !s.running ? <Badge tone="muted">not running</Badge>
    : s.pending ? <Badge tone="warn">pending</Badge>
    : s.problem ? <Badge tone="bad">unknown</Badge>
    : <Badge tone="ok">in sync</Badge>;
  return (
    <li className="pending-server">
      <strong>{s.name || s.uuid}</strong> {badge}
      {s.running && s.pending && <span className="muted"> serves a configuration other than the database's</span>}
      {s.problem && <div className="outcome-bad">Problem: {s.problem}</div>}
    </li>
  );
}

/** The pending view of the database against the servers. */
export function PendingView({ pending }: { pending: Pending }) {
  const since = pending.since;
  return (
    <>
      <section className="card" aria-label="Servers">
        <h2>Servers</h2>
        <p className="muted">
          {since
            ? <>Compared with snapshot {since.snapshotId} ({since.kind}, <time dateTime={since.createdAt} title={since.createdAt}>{since.createdAt}</time>).</>
            : 'No snapshot is known to hold what the servers serve.'}
        </p>
        {pending.servers.length === 0
          ? <p className="muted">No servers are configured.</p>
          : <ul className="pending-servers">{pending.servers.map((s) => <ServerState key={s.id} s={s} />)}</ul>}
      </section>
      <section className="card" aria-label="Changes">
        <h2>Changes {pending.diff.count > 0 && <Badge tone="warn">{pending.diff.count} row{pending.diff.count === 1 ? '' : 's'}</Badge>}</h2>
        <DiffView diff={pending.diff} empty="The database holds what the servers were last given." />
      </section>
    </>
  );
}
