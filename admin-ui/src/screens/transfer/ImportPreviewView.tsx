// What an import would change (or did): row counts before and after per table, then per kind of row the rows
// added, removed and changed (named by their natural keys, a changed row with its changed values), then the
// loader's warnings. Presentational; the same view shows a preview and an import's result.
import { IMPORT_SECTIONS, IMPORT_TABLES, type ImportPreview, type RowValues } from '@m2/shared';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge } from '../../components/bits';

const SECTION_NAMES: Record<(typeof IMPORT_SECTIONS)[number], string> = {
  servers: 'Servers', hosts: 'Hosts', routes: 'Routes', filters: 'Filters', xrequests: 'Xrequests', settings: 'Settings', mimetypes: 'MIME types',
};

const TABLE_NAMES: Record<(typeof IMPORT_TABLES)[number], string> = {
  server: 'Servers', host: 'Hosts', route: 'Routes', handler: 'Handlers', proxy: 'Proxies', directory: 'Dirs',
  filter: 'Filters', xrequest: 'Xrequests', setting: 'Settings', mimetype: 'MIME types',
};

/** A row's natural key as one line: `server uuid › host name › route path`. */
export function keyText(key: string[]): string {
  return key.join(' › ');
}

const show = (v: RowValues[string] | undefined) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? JSON.stringify(v) : String(v));

function Sign({ text, word }: { text: string; word: string }) {
  return <><span className="diff-sign" aria-hidden="true">{text}</span><span className="sr-only">{word}: </span></>;
}

interface Count { table: (typeof IMPORT_TABLES)[number]; before: number; after: number }

const countColumns: Column<Count>[] = [
  { key: 'table', header: 'Table', render: (c) => TABLE_NAMES[c.table] },
  { key: 'before', header: 'Before', className: 'num', render: (c) => c.before },
  { key: 'after', header: 'After', className: 'num', render: (c) => (c.after === c.before ? c.after : <strong>{c.after}</strong>) },
];

/** Renders an import preview (or result); `label` names it for assistive technology. */
export function ImportPreviewView({ preview, label = 'Preview' }: { preview: ImportPreview; label?: string }) {
  const counts: Count[] = IMPORT_TABLES.map((t) => ({ table: t, ...preview.counts[t] }));
  const sections = IMPORT_SECTIONS.filter((s) => {
    const d = preview.changes[s];
    return d.added.length + d.removed.length + d.changed.length > 0;
  });
  return (
    <div className="import-preview" role="region" aria-label={label}>
      {preview.unchanged
        ? <p><Badge tone="ok">unchanged</Badge> The file describes exactly the current configuration.</p>
        : <p><Badge tone="warn">changes</Badge> {sections.length ? `Changes in ${sections.map((s) => SECTION_NAMES[s]).join(', ')}.` : 'Only row counts differ.'}</p>}
      <DataTable caption="Row counts before and after" rows={counts} columns={countColumns} rowKey={(c) => c.table} />
      {sections.map((s) => {
        const d = preview.changes[s];
        return (
          <section key={s} className="diff import-changes" aria-label={`${SECTION_NAMES[s]} changes`}>
            <h3>{SECTION_NAMES[s]} <span className="muted">+{d.added.length} −{d.removed.length} ~{d.changed.length}</span></h3>
            <ul>
              {d.added.map((r) => <li key={`a${keyText(r.key)}`} className="diff-added"><Sign text="+" word="added" />{keyText(r.key)}</li>)}
              {d.removed.map((r) => <li key={`r${keyText(r.key)}`} className="diff-removed"><Sign text="−" word="removed" />{keyText(r.key)}</li>)}
              {d.changed.map((c) => (
                <li key={`c${keyText(c.key)}`} className="diff-changed">
                  <Sign text="~" word="changed" />{keyText(c.key)}:{' '}
                  {c.fields.map((f) => <span key={f} className="diff-col"><code>{f}</code> {show(c.before[f])} → {show(c.after[f])}</span>)}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {preview.warnings.length > 0 && (
        <section className="import-warnings" aria-label="Warnings">
          <h3>Warnings</h3>
          <ul>{preview.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </section>
      )}
    </div>
  );
}
