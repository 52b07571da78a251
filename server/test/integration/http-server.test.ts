// Our server as a real process, on what the C one does not do or does differently on purpose: decisions 7-11
// (traversal, redirects, bad Content-Length, Host rules, half-close), pipelining and keep-alive, byte ranges,
// slow and idle clients, and clients that vanish mid-response.
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/processes.js';
import { comparable, exchange } from '../helpers/raw-http.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const UUID = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const tmp = tempDir();
let srv: RunningServer;

beforeAll(async () => {
  const dir = tmp.dir;
  mkdirSync(join(dir, 'static', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'static2'));
  mkdirSync(join(dir, 'secret'));
  writeFileSync(join(dir, 'static', 'hello.txt'), 'hello text\n');
  writeFileSync(join(dir, 'static', 'sub', 'index.html'), '<p>sub</p>\n');
  writeFileSync(join(dir, 'static', 'digits.txt'), '0123456789');
  writeFileSync(join(dir, 'static', 'big.bin'), Buffer.alloc(4 * 1024 * 1024, 0x61));
  writeFileSync(join(dir, 'static2', 's.txt'), 'sibling\n');
  writeFileSync(join(dir, 'secret', 'key.txt'), 'secret\n');
  symlinkSync(join(dir, 'secret', 'key.txt'), join(dir, 'static', 'link-out.txt'));
  const when = new Date('2020-01-02T03:04:05Z');
  utimesSync(join(dir, 'static', 'hello.txt'), when, when);
  const db = makeSite(dir, `main = Server(uuid="${UUID}", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={'/static/': Dir(base='static/', index_file='index.html', default_ctype='text/plain')})])
servers = [main]
`, { 'limits.client_read_retries': '5' });
  srv = await startServer('ours', dir, db, UUID);
});
afterAll(async () => {
  await srv?.stop();
  tmp.cleanup();
});

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`;
const status = (b: Buffer) => comparable(b).status;

describe('path traversal in every form is a 404 (decision 7)', () => {
  const attempts = ['/static/../secret/key.txt', '/static/%2e%2e/secret/key.txt', '/static/%2E%2E/secret/key.txt',
    '/static/..%2fsecret/key.txt', '/static/%2e%2e%2fsecret%2fkey.txt', '/static/..%5csecret%5ckey.txt', '/static/..\\secret\\key.txt',
    '/static/hello.txt%00.html', '/static/link-out.txt', '/static/../static2/s.txt', '/static/%2e%2e/static2/s.txt',
    '/static/./../secret/key.txt', '/static/sub/../../secret/key.txt', '/static//../secret/key.txt',
    `/static/${'../'.repeat(20)}etc/passwd`, '/static/%252e%252e/secret/key.txt'];
  it.each(attempts)('%s', async (path) => {
    const r = await exchange(srv.port, get(path));
    expect(status(r.bytes)).toMatch(/^HTTP\/1\.1 (404 Not Found|400 Bad Request)$/);
    expect(r.bytes.toString()).not.toContain('secret\n');
    expect(r.bytes.toString()).not.toContain('sibling');
  });
});

describe('decisions 9-11 and the request rules', () => {
  it('redirects a directory with the / before the query, and path-only without a Host (decision 10)', async () => {
    const withQuery = await exchange(srv.port, get('/static/sub?x=1'));
    expect(withQuery.bytes.toString()).toContain('\r\nLocation: //localhost/static/sub/?x=1\r\n');
    const noHost = await exchange(srv.port, 'GET /static/sub HTTP/1.0\r\n\r\n');
    expect(noHost.bytes.toString()).toContain('\r\nLocation: /static/sub/\r\n');
  });

  it('matches quoted and weak ETags in If-None-Match (decision 9)', async () => {
    for (const tag of ['"5e0d5da5-b"', 'W/"5e0d5da5-b"', 'abc, "5e0d5da5-b"']) {
      expect(status((await exchange(srv.port, get('/static/hello.txt', `If-None-Match: ${tag}\r\n`))).bytes)).toBe('HTTP/1.1 304 Not Modified');
    }
  });

  it('answers 400 to a bad or conflicting Content-Length (decision 11)', async () => {
    for (const cl of ['abc', '-1', '5, 6', '99999999999999999999']) {
      const r = await exchange(srv.port, `POST /static/hello.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${cl}\r\n\r\n`);
      expect(status(r.bytes), cl).toBe('HTTP/1.1 400 Bad Request');
      expect(r.closed).toBe(true);
    }
  });

  it('answers 400 to HTTP/1.1 without Host or with two, and to chunked HTTP/1.0 (decision 11)', async () => {
    expect(status((await exchange(srv.port, 'GET /static/hello.txt HTTP/1.1\r\n\r\n')).bytes)).toBe('HTTP/1.1 400 Bad Request');
    expect(status((await exchange(srv.port, 'GET /static/hello.txt HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n')).bytes)).toBe('HTTP/1.1 400 Bad Request');
    expect(status((await exchange(srv.port, 'POST /static/hello.txt HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')).bytes)).toBe('HTTP/1.1 400 Bad Request');
    expect(status((await exchange(srv.port, 'GET /static/hello.txt HTTP/1.0\r\n\r\n')).bytes)).toBe('HTTP/1.1 200 OK');
  });

  it('routes an absolute-form target by its path, with its authority as the host (decision 11)', async () => {
    const r = await exchange(srv.port, 'GET http://localhost/static/hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(comparable(r.bytes).body).toBe('hello text\n');
  });

  it('still answers a client that half-closed after its request (decision 11)', async () => {
    const r = await exchange(srv.port, get('/static/hello.txt'), { halfClose: true, waitClose: true });
    expect(comparable(r.bytes).body).toBe('hello text\n');
    expect(r.closed).toBe(true);
  });
});

describe('connections', () => {
  it('answers pipelined requests in order on one connection, and keeps HTTP/1.1 open', async () => {
    const r = await exchange(srv.port, get('/static/hello.txt') + get('/static/digits.txt') + get('/static/nope'), { quietMs: 300 });
    const text = r.bytes.toString();
    expect(text.indexOf('hello text')).toBeGreaterThan(0);
    expect(text.indexOf('0123456789')).toBeGreaterThan(text.indexOf('hello text'));
    expect(text.indexOf('404 Not Found')).toBeGreaterThan(text.indexOf('0123456789'));
    expect(r.closed).toBe(false);
  });

  it('closes after HTTP/1.0 and after Connection: close', async () => {
    expect((await exchange(srv.port, 'GET /static/hello.txt HTTP/1.0\r\n\r\n', { waitClose: true })).closed).toBe(true);
    expect((await exchange(srv.port, get('/static/hello.txt', 'Connection: CLOSE\r\n'), { waitClose: true })).closed).toBe(true);
  });

  it('serves byte ranges (206, 416, If-Range)', async () => {
    const part = await exchange(srv.port, get('/static/digits.txt', 'Range: bytes=2-4\r\n'));
    expect(status(part.bytes)).toBe('HTTP/1.1 206 Partial Content');
    expect(comparable(part.bytes).headers).toContain('Content-Range: bytes 2-4/10');
    expect(comparable(part.bytes).body).toBe('234');
    const tail = await exchange(srv.port, get('/static/big.bin', 'Range: bytes=-3\r\n'));
    expect(comparable(tail.bytes).body).toBe('aaa');
    const bad = await exchange(srv.port, get('/static/digits.txt', 'Range: bytes=50-60\r\n'));
    expect(status(bad.bytes)).toBe('HTTP/1.1 416 Range Not Satisfiable');
    const stale = await exchange(srv.port, get('/static/hello.txt', 'Range: bytes=0-1\r\nIf-Range: "other-tag"\r\n'));
    expect(status(stale.bytes)).toBe('HTTP/1.1 200 OK');
  });

  it('a client sending its head one byte at a time gets 400 after limits.client_read_retries reads, and others are served meanwhile', async () => {
    const slow = connect(srv.port, '127.0.0.1');
    const got: Buffer[] = [];
    slow.on('data', (d) => got.push(d));
    const closed = new Promise<void>((r) => slow.on('close', () => r()));
    await new Promise<void>((r) => slow.once('connect', () => r()));
    for (const ch of 'GET /static/hello.txt HTTP/1.1\r\n') {
      if (slow.destroyed) break;
      slow.write(ch);
      const other = await exchange(srv.port, get('/static/hello.txt'));
      expect(comparable(other.bytes).body).toBe('hello text\n');
      await new Promise((r) => setTimeout(r, 20));
    }
    await closed;
    expect(status(Buffer.concat(got))).toBe('HTTP/1.1 400 Bad Request');
  });

  it('1,000 connections that send nothing do not stop others being served', async () => {
    const idle = await Promise.all(Array.from({ length: 1000 }, () => new Promise<import('node:net').Socket>((resolve) => {
      const s = connect(srv.port, '127.0.0.1');
      s.on('error', () => {});
      s.once('connect', () => resolve(s));
    })));
    try {
      const r = await exchange(srv.port, get('/static/hello.txt'));
      expect(comparable(r.bytes).body).toBe('hello text\n');
    } finally {
      for (const s of idle) s.destroy();
    }
  });

  it('a client that disconnects mid-response does not disturb the server', async () => {
    await new Promise<void>((resolve) => {
      const s = connect(srv.port, '127.0.0.1');
      s.once('connect', () => s.write(get('/static/big.bin')));
      s.once('data', () => {
        s.destroy();
        resolve();
      });
    });
    const r = await exchange(srv.port, get('/static/hello.txt'));
    expect(comparable(r.bytes).body).toBe('hello text\n');
  });

  it('streams a 4 MiB file whole to a slow reader', async () => {
    const body = await new Promise<number>((resolve) => {
      let n = 0;
      const s = connect(srv.port, '127.0.0.1');
      s.once('connect', () => s.write('GET /static/big.bin HTTP/1.0\r\n\r\n'));
      s.on('data', (d) => {
        n += d.length;
        s.pause();
        setTimeout(() => s.resume(), 1);
      });
      s.on('close', () => resolve(n));
    });
    expect(body).toBeGreaterThan(4 * 1024 * 1024);
  });
});

describe('a client that hangs up mid-head', () => {
  it('gets no answer, as from Mongrel2, and the connection closes', async () => {
    const r = await exchange(srv.port, 'GET /static/hello.txt HTTP/1.1\r\nHost: loc', { halfClose: true, waitClose: true });
    expect(r.bytes.length).toBe(0);
    expect(r.closed).toBe(true);
  });
});

describe('request bodies on Dir routes', () => {
  it('answers a POST to a Dir at once (405) without waiting for its body', async () => {
    const r = await exchange(srv.port, 'POST /static/hello.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n', { waitClose: true });
    expect(comparable(r.bytes).status).toBe('HTTP/1.1 405 Method Not Allowed');
  });

  it('skips the body of a GET with one and serves the pipelined request after it', async () => {
    const r = await exchange(srv.port, 'GET /static/hello.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nxxxxx' + get('/static/digits.txt'), { quietMs: 300 });
    const text = r.bytes.toString();
    expect(text).toContain('hello text\n');
    expect(text).toContain('0123456789');
    expect(text).not.toContain('400 Bad Request');
  });
});
