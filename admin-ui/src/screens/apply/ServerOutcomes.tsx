// What an apply (or its rollback) did to each server: the action, what the probe request saw, warnings and the
// error, so "applied" is never claimed without evidence.
import type { ProbeResult, ServerOutcome } from '@m2/shared';
import { Badge } from '../../components/bits';

const ACTION_TONE: Record<ServerOutcome['action'], 'ok' | 'info' | 'muted' | 'bad'> = {
  reloaded: 'ok', restarted: 'ok', unchanged: 'info', 'not-running': 'muted', failed: 'bad',
};

/** The probe's result as a sentence. */
export function describeProbe(p: ProbeResult | null): string {
  if (!p) return 'not probed';
  const where = `GET ${p.path} on host ${p.host || '(default)'}`;
  return p.ok ? `probe ${where} answered ${p.status}` : `probe ${where} failed (${p.reason}): ${p.message}`;
}

/** One list item per server outcome; `label` names the list. */
export function ServerOutcomes({ servers, label }: { servers: ServerOutcome[]; label: string }) {
  if (servers.length === 0) return <p className="muted">No servers were involved.</p>;
  return (
    <ul className="outcomes" aria-label={label}>
      {servers.map((o) => (
        <li key={o.serverId} className="outcome">
          <div className="outcome-head">
            <strong>{o.name || o.uuid}</strong> <Badge tone={ACTION_TONE[o.action]}>{o.action}</Badge>
          </div>
          <div className={o.probe && !o.probe.ok ? 'outcome-bad' : 'muted'}>{describeProbe(o.probe)}</div>
          {o.warnings.length > 0 && (
            <ul className="outcome-warnings" aria-label={`Warnings for ${o.name || o.uuid}`}>
              {o.warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          )}
          {o.error && <div className="outcome-bad">{o.error}</div>}
        </li>
      ))}
    </ul>
  );
}
