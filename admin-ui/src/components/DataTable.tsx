// A sortable, filterable table for the model's lists (tens to thousands of rows). Headers are buttons with
// aria-sort; the filter matches any column's text. Rows are plain <tr>s, so Playwright finds a row by its text.
import { useMemo, useState, type ReactNode } from 'react';

/** One column: how to show a row and, when sortable, what to sort by. */
export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The value sorted and filtered by (default: none, the column does not sort). */
  value?: (row: T) => string | number;
  className?: string;
}

/** The sort order of a table. */
export interface Sort { key: string; dir: 'asc' | 'desc' }

/** Sorts rows by a column's value (numbers numerically, text naturally). */
export function sortRows<T>(rows: T[], columns: Column<T>[], sort: Sort | null): T[] {
  const col = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !col?.value) return rows;
  const v = col.value;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = v(a), y = v(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true }));
  });
}

/** Keeps the rows any of whose column values contains `text` (case-insensitive). */
export function filterRows<T>(rows: T[], columns: Column<T>[], text: string): T[] {
  const t = text.trim().toLowerCase();
  if (!t) return rows;
  return rows.filter((r) => columns.some((c) => c.value && String(c.value(r)).toLowerCase().includes(t)));
}

/** A table with a caption (its accessible name), sortable headers and an optional filter box. */
export function DataTable<T>({ caption, rows, columns, rowKey, filterLabel, empty, initialSort }: {
  caption: string; rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string | number;
  filterLabel?: string; empty?: ReactNode; initialSort?: Sort;
}) {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => sortRows(filterRows(rows, columns, filter), columns, sort), [rows, columns, filter, sort]);
  const toggle = (key: string) => setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div className="table-wrap">
      {filterLabel && (
        <input className="table-filter" type="search" aria-label={filterLabel} placeholder={`${filterLabel}…`} value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className} aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.value ? <button type="button" className="sort" onClick={() => toggle(c.key)}>{c.header}{sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</button> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => <td key={c.key} className={c.className}>{c.render(r)}</td>)}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr><td colSpan={columns.length} className="empty">{filter ? 'Nothing matches the filter.' : (empty ?? 'Nothing here yet.')}</td></tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
