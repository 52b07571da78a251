// The live connections table's pure logic: how long a connection has been idle (`status what=net` gives
// last_ping/last_read/last_write as seconds ago, spec §4.3), the filter (by id and type) and the sort. Kept apart from React so 10,000
// rows can be checked quickly and the table only memoises the result.
import type { ServerConnection } from '@m2/shared';

/** The columns the table sorts by. */
export type ConnectionSortKey = 'id' | 'type' | 'idle' | 'bytesRead' | 'bytesWritten';

/** A sort of the connections table. */
export interface ConnectionSort { key: ConnectionSortKey; dir: 'asc' | 'desc' }

/** Seconds since the connection last read or wrote (the more recent of the two; 0 = this second). */
export function idleSeconds(c: ServerConnection): number {
  const ago = [c.lastRead, c.lastWrite].filter((v) => v > 0);
  return ago.length ? Math.min(...ago) : 0;
}

/** The connections whose id or type name contains `text` (case-insensitive). */
export function filterConnections(list: ServerConnection[], text: string): ServerConnection[] {
  const t = text.trim().toLowerCase();
  if (!t) return list;
  return list.filter((c) => String(c.id).includes(t) || c.typeName.toLowerCase().includes(t));
}

function valueOf(c: ServerConnection, key: ConnectionSortKey): number | string {
  switch (key) {
    case 'id': return c.id;
    case 'type': return c.typeName;
    case 'idle': return idleSeconds(c);
    case 'bytesRead': return c.bytesRead;
    case 'bytesWritten': return c.bytesWritten;
  }
}

/** A sorted copy (the fd breaks ties, so the order is stable between updates); the input when `sort` is null. */
export function sortConnections(list: ServerConnection[], sort: ConnectionSort | null): ServerConnection[] {
  if (!sort) return list;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = list.map((c) => ({ c, v: valueOf(c, sort.key) }));
  keyed.sort((a, b) => {
    const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
    return d !== 0 ? sign * d : a.c.fd - b.c.fd;
  });
  return keyed.map((k) => k.c);
}

/** The count line: how many connections, how many the filter keeps, and whether the stream carries only some. */
export function describeCount(shown: number, carried: number, total: number, filtered: boolean): string {
  const base = filtered ? `${shown} of ${carried} connections match` : `${total} connection${total === 1 ? '' : 's'}`;
  return carried < total ? `${base} (the live stream carries only the first ${carried} of ${total})` : base;
}
