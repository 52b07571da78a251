// The access-log line is make_log_message's tnetstring list. The log writes it by hand into its buffer
// (writeAccessLine, once per request), so that is checked here against exact bytes and the tnetstring renderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTns } from '@m2/shared';
import { AccessLog, maxLineBytes, renderAccessLine, writeAccessLine, type AccessEntry } from './access-log.js';

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

const varied: AccessEntry[] = [
  entry,
  { ...entry, method: 'JSON', path: '@chat', version: '', size: -1 },
  { ...entry, host: '', addr: '::1', port: 0, status: 404, size: 123456789012 },
  { ...entry, path: '/caf\u00e9/\u00ff', method: 'PROPFIND' },
  { ...entry, host: 'h\u00e9h', path: '/\u{1f600}/\ud800x', size: 9, status: 9 },
  { ...entry, port: 10, size: 99, status: 100 },
];

describe('writeAccessLine', () => {
  it('writes the very bytes of renderAccessLine, within maxLineBytes, after what the buffer holds', () => {
    for (const e of varied) {
      for (const t of [0, 7, 1700000000]) {
        const buf = Buffer.alloc(3 + maxLineBytes(e), 0xee);
        buf.write('abc');
        const end = writeAccessLine(buf, 3, e, t);
        expect(buf.subarray(0, 3).toString()).toBe('abc');
        expect(buf.subarray(3, end)).toEqual(Buffer.from(renderAccessLine(e, t), 'utf8'));
      }
    }
  });

  it('counts digits right on every power-of-ten boundary and the ASCII/non-ASCII edge (0x7f, 0x80)', () => {
    const numbers = [0, -1];
    for (let p = 10; p <= 1e15; p *= 10) numbers.push(p - 1, p, -p);
    for (const n of numbers) {
      for (const path of ['/\u007f', '/\u0080', '/' + 'x'.repeat(n > 0 && n < 200 ? n : 3)]) {
        const e = { ...entry, size: n, status: Math.abs(n) % 1000, port: Math.abs(n) % 65536, path };
        const buf = Buffer.alloc(maxLineBytes(e));
        const end = writeAccessLine(buf, 0, e, Math.abs(n));
        expect(buf.subarray(0, end).toString('latin1')).toBe(Buffer.from(renderAccessLine(e, Math.abs(n)), 'utf8').toString('latin1'));
      }
    }
  });
});

describe('AccessLog', () => {
  it('appends every line to the file in order, across flushes and a line longer than its buffer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'm2-access-'));
    try {
      const path = join(dir, 'access.log');
      const log = new AccessLog();
      log.open(path);
      const long = { ...entry, path: '/' + 'p'.repeat(70000) };
      const entries: AccessEntry[] = [];
      for (let i = 0; i < 1500; i++) entries.push({ ...varied[i % varied.length]!, port: i });
      entries.splice(700, 0, long);
      for (const e of entries) log.write(e);
      await log.close();
      const bytes = readFileSync(path);
      expect(bytes[bytes.length - 1]).toBe(0x0a);
      const lines: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const nl = bytes.indexOf(0x0a, at);
        lines.push(bytes.subarray(at, nl + 1));
        at = nl + 1;
      }
      expect(lines).toHaveLength(entries.length);
      // The unix time is the clock's: each line is compared with the time it carries.
      lines.forEach((line, i) => {
        const t = Number(/#10:(\d{10})#/.exec(line.toString('latin1'))![1]);
        expect(line).toEqual(Buffer.from(renderAccessLine(entries[i]!, t), 'utf8'));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
