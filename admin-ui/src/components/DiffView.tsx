// A configuration diff, table by table: added rows, removed rows, and changed rows with only their changed
// columns (before → after). Used by pending changes, the commit log's history and restore previews.
import type { ConfigDiff } from '@m2/shared';

const TABLE_NAMES: Record<string, string> = {
  server: 'Servers', host: 'Hosts', route: 'Routes', handler: 'Handlers', directory: 'Dirs', proxy: 'Proxies',
  setting: 'Settings', mimetype: 'MIME types', filter: 'Filters', xrequest: 'Xrequests',
};

/** A row's short name: its most telling column. */
function rowName(r: Record<string, unknown>): string {
  for (const k of ['path', 'name', 'key', 'extension', 'send_spec', 'base', 'addr', 'uuid']) if (r[k] !== undefined && r[k] !== null && r[k] !== '') return `${k} ${String(r[k])}`;
  return `id ${String(r.id)}`;
}

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Renders a ConfigDiff; `empty` is said when nothing differs. */
export function DiffView({ diff, empty = 'No differences.' }: { diff: ConfigDiff; empty?: string }) {
  const tables = Object.entries(diff.tables).filter(([, d]) => d && d.added.length + d.removed.length + d.changed.length > 0);
  if (tables.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="diff" aria-label="Differences">
      {tables.map(([t, d]) => (
        <section key={t} className="diff-table" aria-label={`${TABLE_NAMES[t] ?? t} differences`}>
          <h3>{TABLE_NAMES[t] ?? t}</h3>
          <ul>
            {d!.added.map((r) => <li key={`a${String(r.id)}`} className="diff-added"><span className="diff-sign">+</span> {rowName(r)}</li>)}
            {d!.removed.map((r) => <li key={`r${String(r.id)}`} className="diff-removed"><span className="diff-sign">−</span> {rowName(r)}</li>)}
            {d!.changed.map((c) => (
              <li key={`c${c.id}`} className="diff-changed">
                <span className="diff-sign">~</span> {rowName(c.after)}:{' '}
                {c.columns.map((col) => <span key={col} className="diff-col"><code>{col}</code> {show(c.before[col])} → {show(c.after[col])}</span>)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
