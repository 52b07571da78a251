// `status what=net` → connection objects, from the exact reply bytes Mongrel2 sent (spec §4.4 OBSERVED).
import { describe, expect, it } from 'vitest';
import { decodeControlAnswer } from './control.js';
import { connectionTypeName, parseNetStatus } from './net-status.js';

const OBSERVED = '191:7:headers,86:2:id,2:fd,4:type,9:last_ping,9:last_read,10:last_write,10:bytes_read,13:bytes_written,]4:rows,80:35:2:25#2:29#1:1#1:0#1:0#1:0#2:47#1:0#]37:2:-1#2:30#1:1#1:0#1:0#1:0#2:51#3:202#]]}';

describe('parseNetStatus', () => {
  it('maps each row by header name', () => {
    const answer = decodeControlAnswer(new TextEncoder().encode(OBSERVED));
    if (answer.kind === 'invalid') throw new Error(answer.problem);
    expect(parseNetStatus(answer)).toEqual([
      { id: 25, fd: 29, type: 1, typeName: 'HTTP', lastPing: 0, lastRead: 0, lastWrite: 0, bytesRead: 47, bytesWritten: 0 },
      { id: -1, fd: 30, type: 1, typeName: 'HTTP', lastPing: 0, lastRead: 0, lastWrite: 0, bytesRead: 51, bytesWritten: 202 },
    ]);
  });

  it('does not depend on column order', () => {
    expect(parseNetStatus({
      kind: 'table',
      headers: ['bytes_written', 'bytes_read', 'last_write', 'last_read', 'last_ping', 'type', 'fd', 'id'],
      rows: [[9, 8, 7, 6, 5, 3, 2, 1]],
    })).toEqual([{ id: 1, fd: 2, type: 3, typeName: 'WS', lastPing: 5, lastRead: 6, lastWrite: 7, bytesRead: 8, bytesWritten: 9 }]);
  });

  it('gives an empty list for no connections, and says what is wrong otherwise', () => {
    const empty = decodeControlAnswer(new TextEncoder().encode('110:7:headers,86:2:id,2:fd,4:type,9:last_ping,9:last_read,10:last_write,10:bytes_read,13:bytes_written,]4:rows,0:]}'));
    if (empty.kind === 'invalid') throw new Error(empty.problem);
    expect(parseNetStatus(empty)).toEqual([]);
    expect(parseNetStatus({ kind: 'error', code: 'INVALID_ARGUMENT', message: 'Invalid argument type.' })).toBe('the server refused status what=net: INVALID_ARGUMENT: Invalid argument type.');
    expect(parseNetStatus({ kind: 'table', headers: ['id'], rows: [] })).toBe('status what=net answered without a fd column');
    expect(parseNetStatus({ kind: 'msg', values: { time: '1' } })).toBe('status what=net did not answer a table');
  });

  it('names the type numbers of spec §4.3', () => {
    expect([0, 1, 2, 3, 4].map(connectionTypeName)).toEqual(['unknown', 'HTTP', 'MSG', 'WS', 'unknown']);
  });
});
