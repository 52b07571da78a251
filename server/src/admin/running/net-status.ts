// A server's open connections from its control port's `status what=net` table (spec §4.3, control/commands.ts):
// headers id, fd, type, last_ping, last_read, last_write, bytes_read, bytes_written; id is -1 until the
// connection talks to a handler; type 0 unknown, 1 HTTP, 2 MSG (JSON/XML socket), 3 SOCKET (a WebSocket).
import { CONNECTION_TYPE_NAMES, type ControlAnswer, type ServerConnection } from '@m2/shared';

const COLUMNS = {
  id: 'id', fd: 'fd', type: 'type', lastPing: 'last_ping', lastRead: 'last_read', lastWrite: 'last_write',
  bytesRead: 'bytes_read', bytesWritten: 'bytes_written',
} as const;

/** The console's name of a connection type number. */
export function connectionTypeName(type: number): ServerConnection['typeName'] {
  return CONNECTION_TYPE_NAMES[type] ?? 'unknown';
}

/** The connections in a `status what=net` answer, by header name (so column order does not matter); an
 *  error string when the answer is not that table. */
export function parseNetStatus(answer: ControlAnswer): ServerConnection[] | string {
  if (answer.kind === 'error') return `the server refused status what=net: ${answer.code}: ${answer.message}`;
  if (answer.kind !== 'table') return 'status what=net did not answer a table';
  const at = {} as Record<keyof typeof COLUMNS, number>;
  for (const [key, header] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const i = answer.headers.indexOf(header);
    if (i < 0) return `status what=net answered without a ${header} column`;
    at[key] = i;
  }
  const num = (row: unknown[], i: number): number => {
    const v = Number(row[i]);
    return Number.isFinite(v) ? v : 0;
  };
  return answer.rows.map((row) => {
    const type = num(row, at.type);
    return {
      id: num(row, at.id), fd: num(row, at.fd), type, typeName: connectionTypeName(type),
      lastPing: num(row, at.lastPing), lastRead: num(row, at.lastRead), lastWrite: num(row, at.lastWrite),
      bytesRead: num(row, at.bytesRead), bytesWritten: num(row, at.bytesWritten),
    };
  });
}
