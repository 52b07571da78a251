// The Dir record cache (FileRecord_cache_check + src/cache.c): records keyed by request path, re-stat'ed after
// cache_ttl seconds (each new second for ttl 0), evicted on any change; plus decision 8's live Date header.

import { mkdir, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MTIME_2020, bodyText, fixture, request, text, type Fixture } from './dir-test-kit.js';

let f: Fixture;
beforeEach(async () => { f = await fixture(); });
afterEach(async () => { await f.cleanup(); });

const etag = async (target = '/static/hello.txt') => /ETag: ([^\r]*)/.exec(text(await f.get(target)))?.[1];

describe('Dir cache', () => {
  it('stamps the current Date on every response, not the one of the cached record (decision 8)', async () => {
    expect(text(await f.get('/static/hello.txt'))).toContain('Date: Sat, 21 Nov 2026 23:44:00 GMT\r\n');
    f.clock.ms += 125_000;
    const later = await f.get('/static/hello.txt');
    expect(text(later)).toContain('Date: Sat, 21 Nov 2026 23:46:05 GMT\r\n');
    expect(text(later)).toContain('ETag: 5e0d5da5-b\r\n');
  });
  it('serves the cached bytes within the same second, even if the file just went away', async () => {
    expect(bodyText(await f.get('/static/hello.txt'))).toBe('hello text\n');
    await unlink(`${f.root}/static/hello.txt`);
    expect(bodyText(await f.get('/static/hello.txt'))).toBe('hello text\n');
    f.clock.ms += 1000;
    expect((await f.get('/static/hello.txt')).status).toBe(404);
  });
  it('notices a changed file once a second has passed (cache_ttl 0)', async () => {
    expect(await etag()).toBe('5e0d5da5-b');
    await f.write('static/hello.txt', 'new content, longer', MTIME_2020 + 60);
    expect(await etag()).toBe('5e0d5da5-b');
    f.clock.ms += 1000;
    const r = await f.get('/static/hello.txt');
    expect(bodyText(r)).toBe('new content, longer');
    expect(text(r)).toContain('Content-Length: 19\r\nLast-Modified: Thu, 02 Jan 2020 03:05:05 GMT\r\nETag: 5e0d5de1-13\r\n');
  });
  it('notices a same-size rewrite that keeps the mtime (ctime/inode change)', async () => {
    await f.get('/static/hello.txt');
    await f.write('static/hello.txt', 'HELLO TEXT\n');
    f.clock.ms += 1000;
    expect(bodyText(await f.get('/static/hello.txt'))).toBe('HELLO TEXT\n');
  });
  it('waits cache_ttl seconds before re-checking', async () => {
    const d = f.makeDir({ cacheTtl: 5 });
    const get = async () => bodyText(await d.serve(request('GET', '/static/hello.txt'), '/static/'));
    expect(await get()).toBe('hello text\n');
    await f.write('static/hello.txt', 'changed\n', MTIME_2020 + 1);
    f.clock.ms += 5000;
    expect(await get()).toBe('hello text\n');
    f.clock.ms += 1000;
    expect(await get()).toBe('changed\n');
  });
  it('keeps serving an unchanged record after re-checking it', async () => {
    await f.get('/static/hello.txt');
    for (let i = 0; i < 3; i++) {
      f.clock.ms += 1500;
      expect(bodyText(await f.get('/static/hello.txt'))).toBe('hello text\n');
    }
  });
  it('follows a directory turning into a file and back', async () => {
    expect((await f.get('/static/sub')).status).toBe(301);
    await rm(`${f.root}/static/sub`, { recursive: true });
    await writeFile(`${f.root}/static/sub`, 'now a file');
    f.clock.ms += 1000;
    expect(bodyText(await f.get('/static/sub'))).toBe('now a file');
    await unlink(`${f.root}/static/sub`);
    await mkdir(`${f.root}/static/sub`);
    await utimes(`${f.root}/static/sub`, MTIME_2020, MTIME_2020);
    f.clock.ms += 1000;
    expect((await f.get('/static/sub')).status).toBe(301);
  });
  it('does not cache misses: a file created later is served at once', async () => {
    expect((await f.get('/static/new.txt')).status).toBe(404);
    await f.write('static/new.txt', 'fresh');
    expect(bodyText(await f.get('/static/new.txt'))).toBe('fresh');
  });
  it('is bounded: the least recently used record is dropped', async () => {
    const d = f.makeDir({}, { cacheEntries: 2 });
    const get = async (name: string) => bodyText(await d.serve(request('GET', `/static/${name}`), '/static/'));
    await f.write('static/a.txt', 'a1');
    await f.write('static/b.txt', 'b1');
    await f.write('static/c.txt', 'c1');
    expect([await get('a.txt'), await get('b.txt'), await get('a.txt'), await get('c.txt')]).toEqual(['a1', 'b1', 'a1', 'c1']);
    await f.write('static/a.txt', 'a2', MTIME_2020 + 1);
    await f.write('static/b.txt', 'b2', MTIME_2020 + 1);
    expect(await get('a.txt')).toBe('a1');
    expect(await get('b.txt')).toBe('b2');
  });
  it('keys records by route prefix as well as path', async () => {
    await f.write('static/static/hello.txt', 'nested');
    expect(bodyText(await f.get('/static/hello.txt', [], '/static/'))).toBe('hello text\n');
    expect(bodyText(await f.get('/static/hello.txt', [], '/'))).toBe('nested');
  });
  it('answers many concurrent first requests for one file alike', async () => {
    const all = await Promise.all(Array.from({ length: 25 }, () => f.get('/static/hello.txt')));
    expect(new Set(all.map((r) => `${r.status} ${bodyText(r)}`))).toEqual(new Set(['200 hello text\n']));
    const heads = await Promise.all(Array.from({ length: 5 }, () => f.get('/static/big.bin')));
    expect(heads.every((r) => r.body.kind === 'file')).toBe(true);
  });
  it('re-checks concurrently without losing requests', async () => {
    await f.get('/static/hello.txt');
    f.clock.ms += 1000;
    await f.write('static/hello.txt', 'v2', MTIME_2020 + 2);
    const all = await Promise.all(Array.from({ length: 10 }, () => f.get('/static/hello.txt')));
    expect(all.map(bodyText)).toEqual(Array(10).fill('v2'));
  });
});
