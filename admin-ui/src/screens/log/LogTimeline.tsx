// The commit log as a timeline: who changed what, why, when, and how (m2sh or the console), newest first, with a
// filter over every one of those words. m2sh's load writes the config file's name as `how`, so anything but
// `console` is shown as m2sh with the exact `how` beside it.
import { useMemo, useState } from 'react';
import type { Log } from '@m2/shared';
import { Badge } from '../../components/bits';
import { TimeAgo } from './TimeAgo';

/** The entries whose who, what, why or how contains `text` (case-insensitive). */
export function filterLog(entries: Log[], text: string): Log[] {
  const t = text.trim().toLowerCase();
  if (!t) return entries;
  return entries.filter((e) => [e.who, e.what, e.why ?? '', e.how, e.location].some((v) => v.toLowerCase().includes(t)));
}

function How({ how }: { how: string }) {
  if (how === 'console') return <Badge tone="info">console</Badge>;
  return <><Badge tone="muted">m2sh</Badge>{how && how !== 'm2sh' && <span className="muted"> {how}</span>}</>;
}

/** The filterable commit-log timeline. */
export function LogTimeline({ entries, now }: { entries: Log[]; now: Date }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => filterLog(entries, filter), [entries, filter]);
  return (
    <div>
      <input className="table-filter" type="search" aria-label="Filter commit log" placeholder="Filter commit log…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="muted" aria-live="polite">{filter ? `${shown.length} of ${entries.length} entries match` : `${entries.length} entries`}</p>
      <ol className="timeline" aria-label="Commit log">
        {shown.map((e) => (
          <li key={e.id} className="log-entry">
            <div className="log-what"><strong>{e.what}</strong></div>
            <div className="log-meta">
              <span>{e.who}</span> · <TimeAgo text={e.happenedAt} now={now} /> · <How how={e.how} />
              {e.location && <span className="muted"> · {e.location}</span>}
            </div>
            <div className={e.why ? 'log-why' : 'log-why muted'}>{e.why ? `Why: ${e.why}` : 'No reason given'}</div>
          </li>
        ))}
      </ol>
      {shown.length === 0 && <p className="muted">{filter ? 'Nothing matches the filter.' : 'Nothing has been changed yet.'}</p>}
    </div>
  );
}
