// The MIME types table (857 rows by default, migrations/0002): a search over extension and type, then one page
// of 50 rows at a time, so the screen stays fast and every shown row is a plain <tr>. Presentational.
import { useMemo, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Button } from '../../components/Button';
import { needsRole } from '../../app/session';
import type { Rec } from '../../queries/model';

/** Rows per page. */
export const PAGE_SIZE = 50;

type Row = Rec<'mimetypes'>;

/** The rows whose extension or type contains `text` (case-insensitive): exact extensions first, then prefixes. */
export function searchMimetypes(rows: Row[], text: string): Row[] {
  const t = text.trim().toLowerCase();
  if (!t) return rows;
  const ext = t.startsWith('.') ? t : `.${t}`;
  const rank = (r: Row) => {
    const e = r.extension.toLowerCase();
    return e === ext ? 0 : e.startsWith(ext) ? 1 : 2;
  };
  return rows
    .filter((r) => r.extension.toLowerCase().includes(t) || r.mimetype.toLowerCase().includes(t))
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

/** The searchable, paged table; `onEdit` and `onDelete` act on one row. */
export function MimetypeTable({ rows, canEdit, onEdit, onDelete }: {
  rows: Row[]; canEdit: boolean; onEdit: (row: Row) => void; onDelete: (row: Row) => void;
}) {
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const found = useMemo(() => searchMimetypes(rows, text), [rows, text]);
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const at = Math.min(page, pages - 1);
  const shown = found.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE);
  const why = canEdit ? undefined : needsRole('operator');
  const columns: Column<Row>[] = [
    { key: 'extension', header: 'Extension', render: (r) => <code>{r.extension}</code> },
    { key: 'mimetype', header: 'MIME type', render: (r) => r.mimetype },
    {
      key: 'actions', header: 'Actions', render: (r) => (
        <div className="row-actions">
          <button type="button" className="btn" aria-label={`Edit ${r.extension}`} disabled={!canEdit} title={why} onClick={() => onEdit(r)}>Edit</button>
          <button type="button" className="btn btn-danger" aria-label={`Delete ${r.extension}`} disabled={!canEdit} title={why} onClick={() => onDelete(r)}>Delete</button>
        </div>
      ),
    },
  ];
  const from = found.length ? at * PAGE_SIZE + 1 : 0;
  return (
    <div className="mimetypes">
      <input className="table-filter" type="search" aria-label="Search MIME types" placeholder="Search MIME types (extension or type)…"
        value={text} onChange={(e) => { setText(e.target.value); setPage(0); }} />
      <DataTable caption="MIME types" rows={shown} columns={columns} rowKey={(r) => r.id}
        empty={text.trim() ? 'No MIME type matches the search.' : 'No MIME types.'} />
      <nav className="mime-pager" aria-label="MIME type pages">
        <Button onClick={() => setPage(at - 1)} disabled={at === 0}>Previous page</Button>
        <span aria-live="polite">
          Page {at + 1} of {pages} · {from}–{from ? from + shown.length - 1 : 0} of {found.length}
        </span>
        <Button onClick={() => setPage(at + 1)} disabled={at >= pages - 1}>Next page</Button>
      </nav>
    </div>
  );
}
