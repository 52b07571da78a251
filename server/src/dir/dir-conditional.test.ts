// Conditional requests (Dir_calculate_response with decision 9) and the byte ranges Mongrel2 never had, on the
// §12.1 file: "hello text\n", 11 bytes, mtime 2020-01-02 03:04:05 UTC, ETag 5e0d5da5-b.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIR_304, DIR_412 } from './dir-responses.js';
import { bodyText, fixture, request, text, type Fixture } from './dir-test-kit.js';

let f: Fixture;
beforeEach(async () => { f = await fixture(); });
afterEach(async () => { await f.cleanup(); });

const MTIME = 'Thu, 02 Jan 2020 03:04:05 GMT';
const status = async (headers: [string, string][], target = '/static/hello.txt') => (await f.get(target, headers)).status;

describe('Dir conditionals', () => {
  it('answers a matching If-None-Match with the exact 304, keeping the connection, logged', async () => {
    const r = await f.get('/static/hello.txt', [['If-None-Match', '5e0d5da5-b']]);
    expect(r).toEqual({ status: 304, head: DIR_304, body: { kind: 'none' }, close: false, log: { status: 304, size: 0 } });
    expect(text(r)).toBe('HTTP/1.1 304 Not Modified\r\nConnection: close\r\nContent-Length: 0\r\nServer: Mongrel2/1.13.0\r\n\r\n');
  });
  it('matches If-None-Match given as *, quoted, weak, in a list, or over two header lines (decision 9)', async () => {
    expect(await status([['If-None-Match', '*']])).toBe(304);
    expect(await status([['If-None-Match', '"5e0d5da5-b"']])).toBe(304);
    expect(await status([['If-None-Match', 'W/"5e0d5da5-b"']])).toBe(304);
    expect(await status([['If-None-Match', '"aaa", W/"5e0d5da5-b" , "bbb"']])).toBe(304);
    expect(await status([['If-None-Match', '"aaa"'], ['if-none-match', '"5e0d5da5-b"']])).toBe(304);
  });
  it('serves 200 when If-None-Match names other tags', async () => {
    expect(await status([['If-None-Match', '"5e0d5da5-c"']])).toBe(200);
    expect(await status([['If-None-Match', '5e0d5da5-b0']])).toBe(200);
    expect(await status([['If-None-Match', 'w/"5e0d5da5-b"']])).toBe(200);
  });
  it('answers If-Modified-Since at or after the mtime (and not in the future) with 304', async () => {
    expect(await status([['If-Modified-Since', MTIME]])).toBe(304);
    expect(await status([['If-Modified-Since', 'Fri, 03 Jan 2020 00:00:00 GMT']])).toBe(304);
    expect(await status([['If-Modified-Since', 'Thu, 02 Jan 2020 03:04:04 GMT']])).toBe(200);
    expect(await status([['If-Modified-Since', 'Sun, 21 Nov 2027 00:00:00 GMT']])).toBe(200);
  });
  it('reads the obsolete date forms and ignores unparseable dates', async () => {
    expect(await status([['If-Modified-Since', 'Thursday, 02-Jan-20 03:04:05 GMT']])).toBe(304);
    expect(await status([['If-Modified-Since', 'Thu Jan  2 03:04:05 2020']])).toBe(304);
    expect(await status([['If-Modified-Since', 'thu, 02 jan 2020 03:04:05 GMT; length=11']])).toBe(304);
    expect(await status([['If-Modified-Since', 'yesterday']])).toBe(200);
    expect(await status([['If-Unmodified-Since', 'not a date']])).toBe(200);
  });
  it('answers an older If-Unmodified-Since with the exact 412, keeping the connection', async () => {
    const r = await f.get('/static/hello.txt', [['If-Unmodified-Since', 'Wed, 01 Jan 2020 00:00:00 GMT']]);
    expect(r).toEqual({ status: 412, head: DIR_412, body: { kind: 'none' }, close: false, log: { status: 412, size: 0 } });
    expect(await status([['If-Unmodified-Since', MTIME]])).toBe(200);
  });
  it('really compares If-Match (decision 9)', async () => {
    for (const ok of ['*', '5e0d5da5-b', '"5e0d5da5-b"', 'W/"5e0d5da5-b"', '"x", "5e0d5da5-b"']) {
      expect(await status([['If-Match', ok]])).toBe(200);
    }
    for (const bad of ['"zzz"', 'abc-def', '5e0d5da5-c', '']) expect(await status([['If-Match', bad]])).toBe(412);
  });
  it('orders the checks like Mongrel2: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since', async () => {
    expect(await status([['If-Match', '"zzz"'], ['If-None-Match', '*']])).toBe(412);
    expect(await status([['If-Unmodified-Since', 'Wed, 01 Jan 2020 00:00:00 GMT'], ['If-None-Match', '*']])).toBe(412);
    expect(await status([['If-Match', '*'], ['If-None-Match', '5e0d5da5-b']])).toBe(304);
    expect(await status([['If-Unmodified-Since', MTIME], ['If-Modified-Since', MTIME]])).toBe(304);
    expect(await status([['If-None-Match', '5e0d5da5-b'], ['If-Modified-Since', 'Wed, 01 Jan 2020 00:00:00 GMT']])).toBe(304);
    // 1.13 consults If-Modified-Since when If-None-Match did not match (kept, spec §6 step 5)
    expect(await status([['If-None-Match', '"other"'], ['If-Modified-Since', MTIME]])).toBe(304);
    expect(await status([['If-None-Match', '"other"'], ['If-Modified-Since', 'Wed, 01 Jan 2020 00:00:00 GMT']])).toBe(200);
  });
  it('applies to HEAD, and not to directories (they redirect)', async () => {
    expect((await f.dir.serve(request('HEAD', '/static/hello.txt', [['If-None-Match', '*']]), '/static/')).status).toBe(304);
    expect(await status([['If-None-Match', '*']], '/static/sub')).toBe(301);
  });
});

const RANGE_HEAD = (len: number, range: string) =>
  'HTTP/1.1 206 Partial Content\r\n' +
  'Date: Sat, 21 Nov 2026 23:44:00 GMT\r\n' +
  'Content-Type: text/plain\r\n' +
  `Content-Length: ${len}\r\n` +
  `Content-Range: bytes ${range}\r\n` +
  `Last-Modified: ${MTIME}\r\n` +
  'ETag: 5e0d5da5-b\r\n' +
  'Server: Mongrel2/1.13.0\r\n\r\n';

const range = (spec: string, more: [string, string][] = [], target = '/static/hello.txt') =>
  f.get(target, [['Range', spec], ...more]);

describe('Dir byte ranges', () => {
  it('answers bytes=a-b with an exact 206, logged with the part size', async () => {
    const r = await range('bytes=0-4');
    expect(r.status).toBe(206);
    expect(text(r)).toBe(RANGE_HEAD(5, '0-4/11'));
    expect(bodyText(r)).toBe('hello');
    expect(r.log).toEqual({ status: 206, size: 5 });
    expect(r.close).toBe(false);
  });
  it('answers open and suffix ranges, clamping past the end', async () => {
    expect(bodyText(await range('bytes=6-'))).toBe('text\n');
    expect(bodyText(await range('bytes=-5'))).toBe('text\n');
    expect(bodyText(await range('bytes=-50'))).toBe('hello text\n');
    const r = await range('bytes=3-999');
    expect(text(r)).toBe(RANGE_HEAD(8, '3-10/11'));
    expect(text(await range('BYTES = 10-10'))).toBe(RANGE_HEAD(1, '10-10/11'));
  });
  it('answers an unsatisfiable range with the 416 naming the size', async () => {
    for (const spec of ['bytes=11-', 'bytes=11-20', 'bytes=-0', 'bytes=99999999999999999999-']) {
      const r = await range(spec);
      expect(r.status).toBe(416);
      expect(text(r)).toBe('HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */11\r\nContent-Length: 0\r\nServer: Mongrel2/1.13.0\r\n\r\n');
      expect(r.log).toEqual({ status: 416, size: 0 });
      expect(r.body).toEqual({ kind: 'none' });
    }
  });
  it('ignores invalid, foreign-unit and multiple ranges, serving the full 200', async () => {
    for (const spec of ['bytes=5-2', 'items=0-1', 'bytes=a-b', 'bytes=0-1,3-4', 'bytes=', 'bytes=1', 'bytes 0-1', 'bytes=- 1']) {
      const r = await range(spec);
      expect([spec, r.status, bodyText(r)]).toEqual([spec, 200, 'hello text\n']);
    }
  });
  it('ignores Range on HEAD', async () => {
    const r = await f.dir.serve(request('HEAD', '/static/hello.txt', [['Range', 'bytes=0-1']]), '/static/');
    expect(r.status).toBe(200);
  });
  it('plans a file part for large files', async () => {
    const r = await range('bytes=1000-1999', [], '/static/big.bin');
    expect(r.body).toEqual({ kind: 'file', path: `${f.root}/static/big.bin`, start: 1000, end: 2000 });
    expect(text(r)).toContain('Content-Length: 1000\r\nContent-Range: bytes 1000-1999/1048576\r\n');
    const tail = await range('bytes=-10', [], '/static/big.bin');
    expect(tail.body).toEqual({ kind: 'file', path: `${f.root}/static/big.bin`, start: 1048566, end: 1048576 });
  });
  it('treats an empty file: int ranges 416, suffix ranges the (empty) 200', async () => {
    expect((await range('bytes=0-', [], '/static/empty.txt')).status).toBe(416);
    expect((await range('bytes=-5', [], '/static/empty.txt')).status).toBe(200);
  });
  it('honours If-Range with our strong ETag or exact Last-Modified, else serves it all', async () => {
    const st = async (ifRange: string) => (await range('bytes=0-4', [['If-Range', ifRange]])).status;
    expect(await st('5e0d5da5-b')).toBe(206);
    expect(await st('"5e0d5da5-b"')).toBe(206);
    expect(await st(MTIME)).toBe(206);
    expect(await st('W/"5e0d5da5-b"')).toBe(200);
    expect(await st('"5e0d5da5-c"')).toBe(200);
    expect(await st('Thu, 02 Jan 2020 03:04:06 GMT')).toBe(200);
    expect(await st('garbage')).toBe(200);
  });
  it('evaluates conditionals before the range', async () => {
    expect((await range('bytes=0-4', [['If-None-Match', '5e0d5da5-b']])).status).toBe(304);
    expect((await range('bytes=0-4', [['If-Match', '"nope"']])).status).toBe(412);
    expect((await range('bytes=50-', [['If-None-Match', '*']])).status).toBe(304);
    expect((await range('bytes=0-4', [['If-Match', '"5e0d5da5-b"']])).status).toBe(206);
  });
});
