// Access-log lines → entries (spec §9's OBSERVED line), and reading only a file's tail: backwards across chunk
// boundaries, with a partial last line, a cap on the bytes read, and appended ranges for the live counters.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAccessLine } from '../../log/access-log.js';
import { completeLines, parseAccessLine, parseAccessLines, readAppended, readLastLines } from './access-tail.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const dir = mkdtempSync(join(tmpdir(), 'm2-tail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseAccessLine', () => {
  it('reads the observed Mongrel2 line', () => {
    expect(parseAccessLine(enc('95:9:localhost,9:127.0.0.1,5:46940#10:1795304640#3:GET,17:/static/hello.txt,8:HTTP/1.1,3:200#2:11#]'))).toEqual({
      host: 'localhost', addr: '127.0.0.1', port: 46940, time: 1795304640, method: 'GET', path: '/static/hello.txt',
      version: 'HTTP/1.1', status: 200, size: 11,
    });
  });

  it('reads what our server writes, JSON socket messages and chunked sizes included', () => {
    const line = renderAccessLine({ host: 'h', addr: '::1', port: 1, method: 'JSON', path: '@chat', version: '', status: 200, size: -1 }, 7);
    expect(parseAccessLine(enc(line.slice(0, -1)))).toEqual({ host: 'h', addr: '::1', port: 1, time: 7, method: 'JSON', path: '@chat', version: '', status: 200, size: -1 });
  });

  it.each([
    ['', 'empty'],
    ['95:9:localhost,9:127.0.0.1,5:46940#10:1795304640#3:GET,17:/static/hello.txt,8:HTTP/1.1,3:200#2:11#', 'cut short'],
    ['9:1:a,1:b,1:c,]', 'too few items'],
    ['12:1:a#1:b,1:c,]', 'wrong types'],
    ['95:9:localhost,9:127.0.0.1,5:46940#10:1795304640#3:GET,17:/static/hello.txt,8:HTTP/1.1,3:200#2:11#]x', 'trailing bytes'],
  ])('refuses %j (%s)', (line) => {
    expect(parseAccessLine(enc(line))).toBeNull();
  });
});

describe('completeLines', () => {
  it('leaves out a trailing partial line, and the first piece of a read that began mid-line', () => {
    expect(completeLines(enc('a\nb\nc'), false).map(dec)).toEqual(['a', 'b']);
    expect(completeLines(enc('a\nb\nc\n'), true).map(dec)).toEqual(['b', 'c']);
    expect(completeLines(enc('abc'), true)).toEqual([]);
    expect(completeLines(enc('\n\n'), false).map(dec)).toEqual(['', '']);
  });
});

const line = (i: number) => renderAccessLine({ host: 'localhost', addr: '127.0.0.1', port: 1000 + i, method: 'GET', path: `/p/${i}`, version: 'HTTP/1.1', status: 200, size: i }, 1700000000 + i);

describe('readLastLines', () => {
  const file = join(dir, 'access.log');
  // 4,000 lines of ~90 bytes: several 64 KiB chunks.
  writeFileSync(file, Array.from({ length: 4000 }, (_, i) => line(i)).join(''));

  it('takes the last n lines across chunk boundaries, oldest first', async () => {
    const tail = await readLastLines(file, 1500);
    const entries = parseAccessLines(tail.lines);
    expect(entries).toHaveLength(1500);
    expect(entries[0]!.path).toBe('/p/2500');
    expect(entries.at(-1)!.path).toBe('/p/3999');
    expect(tail.truncated).toBe(true);
  });

  it('reads only about as much as it needs', async () => {
    const tail = await readLastLines(file, 3);
    expect(parseAccessLines(tail.lines).map((e) => e.port)).toEqual([4997, 4998, 4999]);
    expect(tail.bytesRead).toBe(64 * 1024);
  });

  it('stops at maxBytes, and at the start of the file', async () => {
    const capped = await readLastLines(file, Infinity, 1000);
    expect(capped.bytesRead).toBe(1000);
    expect(capped.lines.length).toBeLessThan(12);
    const all = await readLastLines(file, 5000);
    expect(all.lines).toHaveLength(4000);
    expect(all.truncated).toBe(false);
  });

  it('drops a line still being written, and reports a missing file', async () => {
    const f = join(dir, 'partial.log');
    writeFileSync(f, line(1) + line(2) + line(3).slice(0, 20));
    expect(parseAccessLines((await readLastLines(f, 2)).lines).map((e) => e.size)).toEqual([1, 2]);
    expect(await readLastLines(join(dir, 'none.log'), 5)).toEqual({ exists: false, lines: [], bytesRead: 0, truncated: false, size: 0 });
  });
});

describe('readAppended', () => {
  it('reads complete lines from an offset and says where to go on; a shrunk file starts over', async () => {
    const f = join(dir, 'grow.log');
    writeFileSync(f, line(1));
    const size1 = line(1).length;
    appendFileSync(f, line(2) + line(3).slice(0, 10));
    const a = await readAppended(f, size1);
    expect(parseAccessLines(a.lines).map((e) => e.size)).toEqual([2]);
    expect(a.next).toBe(size1 + line(2).length);
    appendFileSync(f, line(3).slice(10));
    const b = await readAppended(f, a.next);
    expect(parseAccessLines(b.lines).map((e) => e.size)).toEqual([3]);
    writeFileSync(f, line(9));
    const c = await readAppended(f, b.next);
    expect(parseAccessLines(c.lines).map((e) => e.size)).toEqual([9]);
  });

  it('keeps only the last maxBytes of a burst', async () => {
    const f = join(dir, 'burst.log');
    writeFileSync(f, Array.from({ length: 100 }, (_, i) => line(i)).join(''));
    const got = await readAppended(f, 0, 300);
    expect(got.skipped).toBe(true);
    expect(parseAccessLines(got.lines).at(-1)!.size).toBe(99);
    expect(got.lines.length).toBeLessThanOrEqual(3);
  });
});
