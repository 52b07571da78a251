// The access-log line is make_log_message's tnetstring list; renderAccessLine writes it out by hand (it runs
// once per request), so it is checked here against exact bytes and against the generic tnetstring renderer.
import { describe, expect, it } from 'vitest';
import { renderTns } from '@m2/shared';
import { renderAccessLine, type AccessEntry } from './access-log.js';

const entry: AccessEntry = { host: 'localhost', addr: '127.0.0.1', port: 54321, method: 'GET', path: '/handler', version: 'HTTP/1.1', status: 200, size: 0 };

describe('renderAccessLine', () => {
  it('writes the nine fields as one tnetstring list and a newline', () => {
    expect(renderAccessLine(entry, 1700000000)).toBe(
      '84:9:localhost,9:127.0.0.1,5:54321#10:1700000000#3:GET,8:/handler,8:HTTP/1.1,3:200#1:0#]\n',
    );
  });

  it('matches the generic renderer for negative sizes, empty fields and bytes above 0x7f', () => {
    const cases: AccessEntry[] = [
      { ...entry, method: 'JSON', path: '@chat', version: '', size: -1 },
      { ...entry, host: '', addr: '::1', port: 0, status: 404, size: 123456789 },
      { ...entry, path: '/caf\u00e9/\u00ff', method: 'PROPFIND' },
    ];
    for (const e of cases) {
      const fields = [e.host, e.addr, e.port, 7, e.method, e.path, e.version, e.status, e.size];
      expect(renderAccessLine(e, 7)).toBe(`${renderTns(fields)}\n`);
    }
  });
});
