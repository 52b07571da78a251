// A server's open connections as a virtualised table (ARIA table/row/cell roles on divs): only the rows in view
// are in the DOM, and the filtered, sorted array is memoised, so a 10,000-row update stays well under 100 ms.
// Headers sort; the filter matches id and type; each connection with an id can be killed (operators).
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ServerConnection } from '@m2/shared';
import { needsRole } from '../../app/session';
import { Button } from '../../components/Button';
import { formatBytes, formatDuration } from '../../components/bits';
import { describeCount, filterConnections, idleSeconds, sortConnections, type ConnectionSort, type ConnectionSortKey } from './connections';

const ROW_HEIGHT = 36;
const NO_ID = 'Only connections that talked to a handler have an id, and only those can be killed';

const COLUMNS: { header: string; sort?: ConnectionSortKey; num?: boolean }[] = [
  { header: 'Id', sort: 'id', num: true }, { header: 'FD', num: true }, { header: 'Type', sort: 'type' },
  { header: 'Idle', sort: 'idle', num: true }, { header: 'Last ping', num: true }, { header: 'Bytes read', sort: 'bytesRead', num: true },
  { header: 'Bytes written', sort: 'bytesWritten', num: true }, { header: 'Actions' },
];

/** The connections table; `onKill` asks to kill one. */
export function ConnectionsTable({ connections, total, canKill, onKill }: {
  connections: ServerConnection[]; total: number; canKill: boolean; onKill: (c: ServerConnection) => void;
}) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<ConnectionSort | null>(null);
  const rows = useMemo(() => sortConnections(filterConnections(connections, filter), sort), [connections, filter, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, getItemKey: (i) => rows[i]!.fd });
  const toggle = (key: ConnectionSortKey) => setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div className="table-wrap">
      <div className="conn-tools">
        <input className="table-filter" type="search" aria-label="Filter connections" placeholder="Filter: id or type, idle>30, read>=1000, written<10…" title="Words all must match: text in the id or type, or id/fd/idle/read/written/bytes compared with < <= = >= >" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <p className="muted conn-count">{describeCount(rows.length, connections.length, total, filter.trim() !== '')}</p>
      </div>
      <div className="table-scroll conn-scroll" ref={scroller}>
        <div role="table" aria-label="Connections" aria-rowcount={rows.length + 1} className="conn-table">
          <div role="rowgroup" className="conn-head">
            <div role="row" aria-rowindex={1} className="conn-row">
              {COLUMNS.map((c) => (
                <div key={c.header} role="columnheader" className={c.num ? 'num' : undefined}
                  aria-sort={c.sort && sort?.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.sort ? (
                    <button type="button" className="sort" onClick={() => toggle(c.sort!)}>
                      {c.header}<span aria-hidden="true">{sort?.key === c.sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : c.header}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="conn-body" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const c = rows[item.index]!;
              const idle = idleSeconds(c);
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className="conn-row"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <div role="cell" className="num">{c.id}</div>
                  <div role="cell" className="num">{c.fd}</div>
                  <div role="cell">{c.typeName}</div>
                  <div role="cell" className="num">{idle === null ? '—' : formatDuration(idle)}</div>
                  <div role="cell" className="num">{`${formatDuration(c.lastPing)} ago`}</div>
                  <div role="cell" className="num" title={`${c.bytesRead} bytes`}>{formatBytes(c.bytesRead)}</div>
                  <div role="cell" className="num" title={`${c.bytesWritten} bytes`}>{formatBytes(c.bytesWritten)}</div>
                  <div role="cell">
                    {c.id >= 0
                      ? <Button kind="danger" className="btn-small" aria-label={`Kill connection ${c.id}`} disabled={!canKill} title={canKill ? undefined : needsRole('operator')} onClick={() => onKill(c)}>Kill</Button>
                      : <Button kind="danger" className="btn-small" aria-label={`Kill connection on fd ${c.fd}`} disabled title={NO_ID}>Kill</Button>}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 && <p className="empty">{filter ? 'Nothing matches the filter.' : 'No open connections.'}</p>}
      </div>
    </div>
  );
}
