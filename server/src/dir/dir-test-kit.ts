// Fixtures for the Dir tests: a real temporary tree shaped like the one §12.1 was observed on (a `static/` base
// with hello.txt at mtime 2020-01-02 03:04:05 UTC, an index, a sub-directory, a sibling `static2/`, symlinks), a
// small mimetype table, and a request builder standing in for the HTTP parser. Test-only; not used by the server.

import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest } from '../http/request.js';
import { Dir, buildMimeTable, type DirConfig, type DirOptions, type DirResponse } from './dir.js';

/** 2020-01-02 03:04:05 UTC, the mtime of the §12.1 example (ETag `5e0d5da5-b`). */
export const MTIME_2020 = Date.UTC(2020, 0, 2, 3, 4, 5) / 1000;

/** A fixed clock (2026-11-21 23:44:00 UTC, the observed Date) that tests can move. */
export class TestClock {
  ms = Date.UTC(2026, 10, 21, 23, 44, 0);
  readonly now = (): number => this.ms;
}

/** The mimetype rows the tests use (a slice of the default table, `.js` as Mongrel2 ships it). */
export const TEST_MIME = buildMimeTable([
  ['.html', 'text/html'],
  ['.htm', 'text/html'],
  ['.txt', 'text/plain'],
  ['.js', 'application/x-javascript'],
  ['.xhtml', 'application/xhtml+xml'],
  ['.gz', 'application/x-gzip'],
  ['.tar.gz', 'application/x-tar-gz'],
]);

/** Builds the HttpRequest the parser would: path/query/fragment split, uri = path + `?query`. */
export function request(method: string, target: string, headers: [string, string][] = [], version: HttpRequest['version'] = 'HTTP/1.1'): HttpRequest {
  const hash = target.indexOf('#');
  const noFrag = hash < 0 ? target : target.slice(0, hash);
  const q = noFrag.indexOf('?');
  const path = q < 0 ? noFrag : noFrag.slice(0, q);
  const query = q < 0 ? undefined : noFrag.slice(q + 1);
  const head = `${method} ${target} ${version}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return {
    method, target, path, query, fragment: hash < 0 ? undefined : target.slice(hash + 1), uri: noFrag,
    authority: undefined, version, headers, head: Buffer.from(head, 'latin1'), contentLength: 0, chunked: false,
  };
}

/** A temporary tree plus a Dir on its `static/` base; `cleanup` removes it all. */
export interface Fixture {
  root: string;
  clock: TestClock;
  dir: Dir;
  get(target: string, headers?: [string, string][], prefix?: string): Promise<DirResponse>;
  makeDir(cfg?: Partial<DirConfig>, opts?: DirOptions): Dir;
  write(rel: string, data: string | Buffer, mtimeSec?: number): Promise<string>;
  cleanup(): Promise<void>;
}

/** Creates the standard tree; every file gets MTIME_2020 unless another mtime is given. */
export async function fixture(): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'm2-dir-'));
  const clock = new TestClock();
  const write = async (rel: string, data: string | Buffer, mtimeSec = MTIME_2020): Promise<string> => {
    const full = join(root, rel);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, data);
    await utimes(full, mtimeSec, mtimeSec);
    return full;
  };
  await write('static/hello.txt', 'hello text\n');
  await write('static/index.html', '<h1>index</h1>\n');
  await write('static/sub/index.html', '<p>sub</p>\n');
  await write('static/sub/page.htm', 'page');
  await write('static/UP.HTML', 'upper');
  await write('static/html', 'no dot');
  await write('static/app.js', 'alert(1);');
  await write('static/a b+c.txt', 'spaced');
  await write('static/empty.txt', '');
  await write('static/big.bin', Buffer.alloc(1024 * 1024, 7));
  await write('static2/x.txt', 'sibling secret');
  await write('secret.txt', 'outside secret');
  await symlink('hello.txt', join(root, 'static/link-in.txt'));
  await symlink('../secret.txt', join(root, 'static/link-out.txt'));
  await symlink('../static2', join(root, 'static/link-dir-out'));
  const makeDir = (cfg: Partial<DirConfig> = {}, opts: DirOptions = {}): Dir =>
    new Dir(
      { base: 'static/', indexFile: 'index.html', defaultCtype: 'application/octet-stream', cacheTtl: 0, ...cfg },
      TEST_MIME,
      { cwd: root, now: clock.now, ...opts },
    );
  const dir = makeDir();
  return {
    root, clock, dir, makeDir, write,
    get: (target, headers = [], prefix = '/static/') => dir.serve(request('GET', target, headers), prefix),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The head as text, for exact comparisons. */
export const text = (r: DirResponse): string => r.head.toString('latin1');

/** The body bytes of a buffer body as text (undefined for other kinds). */
export const bodyText = (r: DirResponse): string | undefined => (r.body.kind === 'buffer' ? r.body.data.toString('latin1') : undefined);
