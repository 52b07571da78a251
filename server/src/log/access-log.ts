// The access log (make_log_message in src/log.c): one tnetstring list per request,
// [host name, remote addr, remote port, unix time, method, path, version, status, size] and a newline.
// Lines are buffered and written asynchronously in batches (Mongrel2 used a background thread), flushed on
// close; the file is reopened on reload for rotation.
import { createWriteStream, type WriteStream } from 'node:fs';
import { renderTns, utf8Length } from '@m2/shared';

/** One access-log entry. */
export interface AccessEntry {
  host: string;
  addr: string;
  port: number;
  method: string;
  path: string;
  version: string;
  status: number;
  size: number;
}

/** Renders one entry as its log line: the tnetstring list of the nine fields and a newline. The log itself writes
 *  lines with writeAccessLine (the same bytes, straight into its buffer); this is for a line too long for it. */
export function renderAccessLine(e: AccessEntry, unixTime: number): string {
  return `${renderTns([e.host, e.addr, e.port, unixTime, e.method, e.path, e.version, e.status, e.size])}\n`;
}

/** How many chars `String(n)` has, for an integer. */
function digits(n: number): number {
  if (n < 0) return 1 + digits(-n);
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  let d = 5;
  n = Math.floor(n / 100000);
  while (n > 0) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** Writes `String(n)` (an integer) at `at`; returns the offset after it. */
function putInt(buf: Buffer, at: number, n: number): number {
  if (n < 0) {
    buf[at++] = 0x2d;
    n = -n;
  }
  const end = at + digits(n);
  let i = end;
  do {
    buf[--i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  return end;
}

/** Bytes of a string field `LEN:TEXT,` whose TEXT takes `len` bytes. */
function strSize(len: number): number {
  return digits(len) + len + 2;
}

/** Bytes of an integer field `LEN:DIGITS#`. */
function intSize(n: number): number {
  const d = digits(n);
  return digits(d) + d + 2;
}

function putStr(buf: Buffer, at: number, text: string, len: number): number {
  at = putInt(buf, at, len);
  buf[at++] = 0x3a;
  if (len === text.length) {
    // All ASCII (any other char takes more bytes than UTF-16 units): copied here, not through a native call.
    for (let i = 0; i < len; i++) buf[at++] = text.charCodeAt(i);
  } else {
    at += buf.write(text, at, len, 'utf8');
  }
  buf[at++] = 0x2c;
  return at;
}

function putIntField(buf: Buffer, at: number, n: number): number {
  at = putInt(buf, at, digits(n));
  buf[at++] = 0x3a;
  at = putInt(buf, at, n);
  buf[at++] = 0x23;
  return at;
}

/** The most bytes one entry's line can take (a UTF-16 unit is at most 3 UTF-8 bytes; an integer field at most 20). */
export function maxLineBytes(e: AccessEntry): number {
  return 3 * (e.host.length + e.addr.length + e.method.length + e.path.length + e.version.length) + 5 * 12 + 4 * 20 + 24;
}

/** Writes one entry's line (the bytes of renderAccessLine) into `buf` at `at`, which must have maxLineBytes(e)
 *  free; returns the offset after it. Nothing is allocated and ASCII text (the usual) takes no native call: this
 *  runs once per request. */
export function writeAccessLine(buf: Buffer, at: number, e: AccessEntry, unixTime: number): number {
  const host = utf8Length(e.host);
  const addr = utf8Length(e.addr);
  const method = utf8Length(e.method);
  const path = utf8Length(e.path);
  const version = utf8Length(e.version);
  const size = strSize(host) + strSize(addr) + intSize(e.port) + intSize(unixTime) + strSize(method) + strSize(path)
    + strSize(version) + intSize(e.status) + intSize(e.size);
  at = putInt(buf, at, size);
  buf[at++] = 0x3a;
  at = putStr(buf, at, e.host, host);
  at = putStr(buf, at, e.addr, addr);
  at = putIntField(buf, at, e.port);
  at = putIntField(buf, at, unixTime);
  at = putStr(buf, at, e.method, method);
  at = putStr(buf, at, e.path, path);
  at = putStr(buf, at, e.version, version);
  at = putIntField(buf, at, e.status);
  at = putIntField(buf, at, e.size);
  buf[at++] = 0x5d;
  buf[at++] = 0x0a;
  return at;
}

/** Bytes gathered before they are handed to the file in one write. */
const CHUNK = 65536;

/** A buffered access log; disabled (discarding) when opened with a null path. */
export class AccessLog {
  private stream: WriteStream | null = null;
  /** Lines not yet written; a new buffer after each flush, since the stream keeps the one it was given. */
  private pending = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private timer: NodeJS.Timeout | null = null;
  private path: string | null = null;

  /** Appends to `path` from now on; null disables logging. */
  open(path: string | null): void {
    this.flush();
    this.stream?.end();
    this.path = path;
    this.stream = path === null ? null : createWriteStream(path, { flags: 'a', mode: 0o640 });
    this.stream?.on('error', () => { this.stream = null; });
  }

  /** Closes and reopens the same file (log rotation). */
  reopen(): void {
    this.open(this.path);
  }

  /** Queues one entry. */
  write(e: AccessEntry): void {
    if (!this.stream) return;
    const unixTime = Math.floor(Date.now() / 1000);
    const need = maxLineBytes(e);
    if (this.used + need > this.pending.length) {
      this.flush();
      if (need > this.pending.length) {
        this.stream?.write(renderAccessLine(e, unixTime));
        return;
      }
    }
    this.used = writeAccessLine(this.pending, this.used, e, unixTime);
    this.timer ??= setTimeout(() => this.flush(), 50);
  }

  /** Writes what is queued. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.used === 0) return;
    if (this.stream) {
      this.stream.write(this.pending.subarray(0, this.used));
      this.pending = Buffer.allocUnsafe(CHUNK);
    }
    this.used = 0;
  }

  /** Flushes and closes; resolves when the file is written. */
  close(): Promise<void> {
    this.flush();
    const s = this.stream;
    this.stream = null;
    return new Promise((resolve) => (s ? s.end(resolve) : resolve()));
  }
}
