// Dir request flow against real files: the §12.1 observed 200/HEAD/index/redirect/404/405 bytes, the prefix rules
// of Dir_serve_file / Dir_resolve_file, Content-Type selection (MIME_match_ext) and the body plans.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIR_404, DIR_405 } from './dir-responses.js';
import { bodyText, fixture, request, text, type Fixture } from './dir-test-kit.js';

let f: Fixture;
beforeEach(async () => { f = await fixture(); });
afterEach(async () => { await f.cleanup(); });

const HELLO_HEAD =
  'HTTP/1.1 200 OK\r\n' +
  'Date: Sat, 21 Nov 2026 23:44:00 GMT\r\n' +
  'Content-Type: text/plain\r\n' +
  'Content-Length: 11\r\n' +
  'Last-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n' +
  'ETag: 5e0d5da5-b\r\n' +
  'Server: Mongrel2/1.13.0\r\n\r\n';

const REDIRECT = (loc: string) =>
  `HTTP/1.1 301 Moved Permanently\r\nLocation: ${loc}\r\nContent-Length: 0\r\nServer: Mongrel2/1.13.0\r\n\r\n`;

describe('Dir 200', () => {
  it('answers the §12.1 example byte for byte, body in memory, logged with its size', async () => {
    const r = await f.get('/static/hello.txt');
    expect(r.status).toBe(200);
    expect(text(r)).toBe(HELLO_HEAD);
    expect(bodyText(r)).toBe('hello text\n');
    expect(r.close).toBe(false);
    expect(r.log).toEqual({ status: 200, size: 11 });
  });
  it('sends the identical head and no body for HEAD, logged with size 0', async () => {
    const r = await f.dir.serve(request('HEAD', '/static/hello.txt'), '/static/');
    expect(text(r)).toBe(HELLO_HEAD);
    expect(r.body).toEqual({ kind: 'none' });
    expect(r.log).toEqual({ status: 200, size: 0 });
  });
  it('serves the index file for a trailing slash, typed by its own extension', async () => {
    const r = await f.get('/static/');
    expect(r.status).toBe(200);
    expect(text(r)).toContain('\r\nContent-Type: text/html\r\nContent-Length: 15\r\n');
    expect(bodyText(r)).toBe('<h1>index</h1>\n');
    expect(bodyText(await f.get('/static/sub/'))).toBe('<p>sub</p>\n');
  });
  it('types by the longest extension of the lower-cased path, else default_ctype', async () => {
    const ctype = async (t: string) => /Content-Type: ([^\r]*)/.exec(text(await f.get(t)))?.[1];
    expect(await ctype('/static/UP.HTML')).toBe('text/html');
    expect(await ctype('/static/html')).toBe('application/octet-stream');
    expect(await ctype('/static/app.js')).toBe('application/x-javascript');
    expect(await ctype('/static/sub/page.htm')).toBe('text/html');
    expect(await ctype('/static/big.bin')).toBe('application/octet-stream');
    await f.write('static/pkg.TAR.GZ', 'x');
    await f.write('static/one.gz', 'x');
    expect(await ctype('/static/pkg.TAR.GZ')).toBe('application/x-tar-gz');
    expect(await ctype('/static/one.gz')).toBe('application/x-gzip');
  });
  it('uses default_ctype as configured', async () => {
    const d = f.makeDir({ defaultCtype: 'text/x-mine' });
    expect(text(await d.serve(request('GET', '/static/html'), '/static/'))).toContain('Content-Type: text/x-mine\r\n');
  });
  it('streams a 1 MiB file as kind file over its whole length', async () => {
    const r = await f.get('/static/big.bin');
    expect(r.body).toEqual({ kind: 'file', path: `${f.root}/static/big.bin`, start: 0, end: 1048576 });
    expect(text(r)).toContain('Content-Length: 1048576\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\nETag: 5e0d5da5-100000\r\n');
    expect(r.log).toEqual({ status: 200, size: 1048576 });
  });
  it('keeps files up to 64 KiB in memory and streams larger ones', async () => {
    await f.write('static/64k.bin', Buffer.alloc(65536, 1));
    await f.write('static/64k1.bin', Buffer.alloc(65537, 1));
    expect((await f.get('/static/64k.bin')).body.kind).toBe('buffer');
    expect((await f.get('/static/64k1.bin')).body.kind).toBe('file');
  });
  it('serves an empty file with Content-Length 0', async () => {
    const r = await f.get('/static/empty.txt');
    expect(text(r)).toContain('Content-Length: 0\r\n');
    expect(text(r)).toContain('ETag: 5e0d5da5-0\r\n');
    expect(bodyText(r)).toBe('');
  });
  it('percent-decodes %XX but leaves + alone', async () => {
    expect(bodyText(await f.get('/static/a%20b+c.txt'))).toBe('spaced');
    expect(bodyText(await f.get('/static/hell%6F.txt'))).toBe('hello text\n');
    expect((await f.get('/static/a%20b%20c.txt')).status).toBe(404);
  });
  it('decodes UTF-8 escapes to the UTF-8 file name', async () => {
    await f.write('static/café.txt', 'coffee');
    expect(bodyText(await f.get('/static/caf%C3%A9.txt'))).toBe('coffee');
    expect((await f.get('/static/caf%E9.txt')).status).toBe(404);
  });
});

describe('Dir prefix rules', () => {
  it('answers a non GET/HEAD with the 405 and closes, unlogged', async () => {
    for (const m of ['POST', 'DELETE', 'PUT', 'get', 'OPTIONS']) {
      const r = await f.dir.serve(request(m, '/static/hello.txt'), '/static/');
      expect(r).toEqual({ status: 405, head: DIR_405, body: { kind: 'none' }, close: true, log: null });
    }
  });
  it('answers a path shorter than the prefix with 404 and closes, unlogged', async () => {
    const r = await f.get('/static', [], '/static/');
    expect(r).toEqual({ status: 404, head: DIR_404, body: { kind: 'none' }, close: true, log: null });
  });
  it('answers a missing file with a 404 that keeps the connection, logged', async () => {
    const r = await f.get('/static/nope.txt');
    expect(r).toEqual({ status: 404, head: DIR_404, body: { kind: 'none' }, close: false, log: { status: 404, size: 0 } });
    expect(text(r)).toBe('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 9\r\nServer: Mongrel2/1.13.0\r\n\r\nNot Found');
  });
  it('maps a path equal to a slash-less prefix to <base> + the whole path (the /foo quirk)', async () => {
    await f.write('static/foo', 'foo file');
    expect(bodyText(await f.get('/foo', [], '/foo'))).toBe('foo file');
    expect(bodyText(await f.get('/foo/hello.txt', [], '/foo'))).toBe('hello text\n');
  });
  it('404s a prefix that does not start with /, keeping the connection', async () => {
    expect((await f.get('/static/hello.txt', [], 'static/')).status).toBe(404);
  });
  it('serves from a root route', async () => {
    expect(bodyText(await f.get('/hello.txt', [], '/'))).toBe('hello text\n');
  });
  it('404s every request while the base does not exist, then serves once it does', async () => {
    const d = f.makeDir({ base: 'later/' });
    expect((await d.serve(request('GET', '/s/x.txt'), '/s/')).status).toBe(404);
    await f.write('later/x.txt', 'late');
    expect(bodyText(await d.serve(request('GET', '/s/x.txt'), '/s/'))).toBe('late');
  });
  it('accepts an absolute base', async () => {
    const d = f.makeDir({ base: `${f.root}/static2/` }, { cwd: '/nonexistent' });
    expect(bodyText(await d.serve(request('GET', '/s/x.txt'), '/s/'))).toBe('sibling secret');
  });
});

describe('Dir directory redirect (decision 10)', () => {
  it('sends //Host/path/ exactly as observed', async () => {
    const r = await f.get('/static/sub', [['Host', 'localhost:16767']]);
    expect(text(r)).toBe(REDIRECT('//localhost:16767/static/sub/'));
    expect(r.status).toBe(301);
    expect(r.close).toBe(false);
    expect(r.log).toEqual({ status: 301, size: 0 });
  });
  it('puts the / before the query', async () => {
    expect(text(await f.get('/static/sub?x=1', [['Host', 'localhost:16767']]))).toBe(REDIRECT('//localhost:16767/static/sub/?x=1'));
    expect(text(await f.get('/static/sub?', [['host', 'h']]))).toBe(REDIRECT('//h/static/sub/?'));
  });
  it('uses a path-only Location without a Host header (or with an empty one)', async () => {
    expect(text(await f.get('/static/sub'))).toBe(REDIRECT('/static/sub/'));
    expect(text(await f.get('/static/sub?q=1', [['Host', '']]))).toBe(REDIRECT('/static/sub/?q=1'));
  });
  it('uses the absolute-form authority as the host', async () => {
    const req = { ...request('GET', '/static/sub'), authority: 'example.com:8080' };
    expect(text(await f.dir.serve(req, '/static/'))).toBe(REDIRECT('//example.com:8080/static/sub/'));
  });
  it('redirects HEAD the same way, and the base itself through a slash-less prefix', async () => {
    const r = await f.dir.serve(request('HEAD', '/static/sub', [['Host', 'h']]), '/static/');
    expect(text(r)).toBe(REDIRECT('//h/static/sub/'));
    expect(text(await f.get('/static/.', [['Host', 'h']]))).toBe(REDIRECT('//h/static/./'));
  });
});
