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

const NUMERIC: Record<string, (c: ServerConnection) => number> = {
  id: (c) => c.id, fd: (c) => c.fd, idle: (c) => idleSeconds(c),
  read: (c) => c.bytesRead, written: (c) => c.bytesWritten, bytes: (c) => c.bytesRead + c.bytesWritten,
};

/** One filter word as a test: `idle>30`, `read>=1000`, `written<10`, `bytes>0`, `id=12`, `fd<100`, or text that
 *  the id or the type name contains. */
function wordTest(word: string): (c: ServerConnection) => boolean {
  const m = /^(id|fd|idle|read|written|bytes)(<=|>=|=|<|>)(-?\d+)$/.exec(word);
  if (!m) return (c) => String(c.id).includes(word) || c.typeName.toLowerCase().includes(word);
  const get = NUMERIC[m[1]!]!, n = Number(m[3]);
  switch (m[2]) {
    case '<': return (c) => get(c) < n;
    case '<=': return (c) => get(c) <= n;
    case '>': return (c) => get(c) > n;
    case '>=': return (c) => get(c) >= n;
    default: return (c) => get(c) === n;
  }
}

/** The connections matching every word of `text` (case-insensitive): comparisons on id, fd, idle seconds and
 *  bytes (`idle>30 read>=1000`), or text in the id or type name (`ws`, `12`). */
export function filterConnections(list: ServerConnection[], text: string): ServerConnection[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return list;
  const tests = words.map(wordTest);
  return list.filter((c) => tests.every((t) => t(c)));
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
