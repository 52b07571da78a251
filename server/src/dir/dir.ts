// The Dir "room": decides what a static-file request gets, as a plan the connection writes. Mirrors src/dir.c
// (Dir_serve_file, Dir_resolve_file, Dir_find_file, FileRecord_cache_check) and the LRU-ish record cache of
// src/cache.c, with decisions 7-10 applied, byte ranges added, and small files' bytes kept in the cache.

import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { BigIntStats } from 'node:fs';
import { headerValue, type HttpRequest } from '../http/request.js';
import { evaluateConditionals, evaluateRange, type Validators } from './conditional.js';
import {
  DIR_304, DIR_404, DIR_405, DIR_412, dirRedirect, fileHeadTail, httpDate, okHead, partialHead, rangeNotSatisfiable,
} from './dir-responses.js';
import {
  asciiLower, insideBase, percentDecode, redirectLocation, relativeTarget, toFsPath, type MimeTable,
} from './resolve.js';

export { buildMimeTable, type MimeTable } from './resolve.js';

/** A Dir row of the config: base directory, index file name, fallback Content-Type and cache TTL in seconds. */
export interface DirConfig { base: string; indexFile: string; defaultCtype: string; cacheTtl: number }

/** What to send: the exact head bytes (canned responses include their body), the body, and logging/closing facts. */
export interface DirResponse {
  /** 200, 206, 301, 304, 404, 405, 412 or 416. */
  status: number;
  /** Exact head bytes (status line .. blank line); canned responses carry their body too. Shared: do not mutate. */
  head: Buffer;
  /** Nothing, cached bytes (shared: do not mutate), or a file part `[start, end)` for the connection to stream. */
  body: { kind: 'none' } | { kind: 'buffer'; data: Buffer } | { kind: 'file'; path: string; start: number; end: number };
  /** The connection must close after this (405, prefix 404); keep-alive rules beyond that are the connection's. */
  close: boolean;
  /** Access-log status and body size, or null where Mongrel2 logs nothing (405, prefix 404). */
  log: { status: number; size: number } | null;
}

/** Tuning and test hooks: cwd for a relative base, a clock (ms), the cache's entry count and in-memory file limit. */
export interface DirOptions { cwd?: string; now?: () => number; cacheEntries?: number; smallFileMax?: number }

/** One cached resolution of a request path: a directory, or a file with its validators and rendered head tail. */
interface FileRecord {
  fullPath: string;
  isDir: boolean;
  sig: string;
  loadedSec: number;
  v: Validators;
  contentType: string;
  lastModified: string;
  tail: string;
  data: Buffer | null;
  head: Buffer | null;
  headDate: string;
  checking: Promise<FileRecord | null> | null;
}

const NONE = { kind: 'none' } as const;
const reply = (status: number, head: Buffer, close = false, logged = true): DirResponse =>
  ({ status, head, body: NONE, close, log: logged ? { status, size: 0 } : null });

/** Everything FileRecord_cache_check compares, so any change to the file (or its replacement) is noticed. */
const signature = (s: BigIntStats): string =>
  `${s.dev}:${s.ino}:${s.mode}:${s.uid}:${s.gid}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

const floorSeconds = (ns: bigint): number => {
  const q = ns / 1_000_000_000n;
  return Number(ns % 1_000_000_000n < 0n ? q - 1n : q);
};

/** Serves files below one base directory, with Mongrel2's headers, conditionals, redirects and record cache. */
export class Dir {
  private readonly cfg: DirConfig;
  private readonly mime: MimeTable;
  private readonly cwd: string;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly smallMax: number;
  private readonly ttl: number;
  private readonly cache = new Map<string, FileRecord>();
  private readonly loading = new Map<string, Promise<FileRecord | null>>();
  private base: Promise<string | undefined> | null = null;
  private dateSec = NaN;
  private dateText = '';

  constructor(cfg: DirConfig, mime: MimeTable, opts: DirOptions = {}) {
    this.cfg = cfg;
    this.mime = mime;
    this.cwd = opts.cwd ?? process.cwd();
    this.now = opts.now ?? Date.now;
    this.maxEntries = Math.max(1, opts.cacheEntries ?? 128);
    this.smallMax = opts.smallFileMax ?? 64 * 1024;
    this.ttl = Math.max(0, cfg.cacheTtl);
  }

  /** Answers one GET/HEAD for `req`, routed here by `routePrefix` (the route key's text before any pattern). */
  async serve(req: HttpRequest, routePrefix: string): Promise<DirResponse> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, DIR_405, true, false);
    if (routePrefix.length > req.path.length) return reply(404, DIR_404, true, false);
    const nowSec = Math.floor(this.now() / 1000);
    const rec = await this.lookup(req.path, routePrefix, nowSec);
    if (rec === null) return reply(404, DIR_404);
    if (rec.isDir) {
      const host = req.authority ?? headerValue(req, 'host');
      return reply(301, dirRedirect(redirectLocation(host, req.path, req.query)));
    }
    const cond = evaluateConditionals(req, rec.v, nowSec);
    if (cond === 304) return reply(304, DIR_304);
    if (cond === 412) return reply(412, DIR_412);
    const date = this.dateFor(nowSec);
    if (req.method === 'HEAD') return { status: 200, head: this.head200(rec, date), body: NONE, close: false, log: { status: 200, size: 0 } };
    const range = evaluateRange(req, rec.v);
    if (range.kind === 'unsatisfiable') return reply(416, rangeNotSatisfiable(rec.v.size));
    const [status, start, end] = range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, rec.v.size];
    const head = status === 200
      ? this.head200(rec, date)
      : partialHead(date, rec.contentType, { start, end, size: rec.v.size }, rec.lastModified, rec.v.etag);
    const body: DirResponse['body'] = rec.data !== null
      ? { kind: 'buffer', data: status === 200 ? rec.data : rec.data.subarray(start, end) }
      : { kind: 'file', path: rec.fullPath, start, end };
    return { status, head, body, close: false, log: { status, size: end - start } };
  }

  /** The Date header text for this second (formatted once per second, never frozen per record: decision 8). */
  private dateFor(sec: number): string {
    if (sec !== this.dateSec) {
      this.dateSec = sec;
      this.dateText = httpDate(sec);
    }
    return this.dateText;
  }

  private head200(rec: FileRecord, date: string): Buffer {
    if (rec.head === null || rec.headDate !== date) {
      rec.head = okHead(date, rec.tail);
      rec.headDate = date;
    }
    return rec.head;
  }

  /** The cached record for a request path, re-stat'ed once older than cache_ttl seconds, else a fresh resolution. */
  private async lookup(path: string, prefix: string, nowSec: number): Promise<FileRecord | null> {
    const key = prefix + '\0' + path;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      if (nowSec - cached.loadedSec <= this.ttl) {
        this.cache.delete(key);
        this.cache.set(key, cached);
        return cached;
      }
      const still = await (cached.checking ??= this.revalidate(key, cached, nowSec));
      if (still !== null) return still;
    }
    let pending = this.loading.get(key);
    if (pending === undefined) {
      pending = this.load(key, path, prefix, nowSec);
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async revalidate(key: string, rec: FileRecord, nowSec: number): Promise<FileRecord | null> {
    try {
      const st = await stat(rec.fullPath, { bigint: true });
      if (signature(st) === rec.sig) {
        rec.loadedSec = Math.max(rec.loadedSec, nowSec);
        return rec;
      }
    } catch {
      // gone or unreadable: evict like any change
    } finally {
      rec.checking = null;
    }
    if (this.cache.get(key) === rec) this.cache.delete(key);
    return null;
  }

  private async load(key: string, path: string, prefix: string, nowSec: number): Promise<FileRecord | null> {
    try {
      const rec = await this.resolveFile(path, prefix, nowSec);
      if (rec !== null) {
        this.cache.delete(key);
        this.cache.set(key, rec);
        if (this.cache.size > this.maxEntries) {
          const oldest = this.cache.keys().next();
          if (!oldest.done) this.cache.delete(oldest.value);
        }
      }
      return rec;
    } finally {
      this.loading.delete(key);
    }
  }

  /** The base's real path, resolved once (a failure is retried on the next request, and that request gets 404). */
  private realBase(): Promise<string | undefined> {
    this.base ??= realpath(resolvePath(this.cwd, this.cfg.base)).catch(() => {
      this.base = null;
      return undefined;
    });
    return this.base;
  }

  /** Dir_resolve_file: build the target, decode, realpath, require it inside the base (decision 7), then read it. */
  private async resolveFile(path: string, prefix: string, nowSec: number): Promise<FileRecord | null> {
    if (!prefix.startsWith('/')) return null;
    const base = await this.realBase();
    if (base === undefined) return null;
    const rel = toFsPath(percentDecode(relativeTarget(path, prefix, this.cfg.indexFile)));
    if (rel === undefined) return null;
    let real: string;
    try {
      real = await realpath(base + rel);
    } catch {
      return null;
    }
    if (!insideBase(real, base)) return null;
    return this.readRecord(real, nowSec);
  }

  /** Dir_find_file: stat the target; directories become redirect records, regular files full records. */
  private async readRecord(fullPath: string, nowSec: number): Promise<FileRecord | null> {
    let st: BigIntStats;
    try {
      st = await stat(fullPath, { bigint: true });
    } catch {
      return null;
    }
    if (st.isDirectory()) return this.record(fullPath, st, nowSec, null, true);
    if (!st.isFile()) return null;
    let fh: FileHandle | undefined;
    try {
      fh = await open(fullPath, constants.O_RDONLY | constants.O_NONBLOCK);
      for (let attempt = 0; attempt < 3; attempt++) {
        st = await fh.stat({ bigint: true });
        if (!st.isFile()) return null;
        if (st.size > BigInt(this.smallMax)) return this.record(fullPath, st, nowSec, null, false);
        const data = await readAll(fh, Number(st.size));
        const after = await fh.stat({ bigint: true });
        if (data !== null && signature(after) === signature(st)) return this.record(fullPath, st, nowSec, data, false);
      }
      return this.record(fullPath, st, nowSec, null, false);
    } catch {
      return null;
    } finally {
      await fh?.close().catch(() => undefined);
    }
  }

  private record(fullPath: string, st: BigIntStats, nowSec: number, data: Buffer | null, isDir: boolean): FileRecord {
    const size = Number(st.size);
    const mtimeSec = floorSeconds(st.mtimeNs);
    const etag = `${(mtimeSec >>> 0).toString(16)}-${size.toString(16)}`;
    const lastModified = httpDate(mtimeSec);
    const contentType = this.mime.lookup(asciiLower(fullPath)) ?? this.cfg.defaultCtype;
    return {
      fullPath, isDir, sig: signature(st), loadedSec: nowSec, v: { etag, mtimeSec, size }, contentType, lastModified,
      tail: isDir ? '' : fileHeadTail(contentType, size, lastModified, etag), data, head: null, headDate: '', checking: null,
    };
  }
}

/** Reads exactly `size` bytes from the start of the file, or null when it turned out shorter. */
async function readAll(fh: FileHandle, size: number): Promise<Buffer | null> {
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const { bytesRead } = await fh.read(buf, off, size - off, off);
    if (bytesRead === 0) return null;
    off += bytesRead;
  }
  return buf;
}
