// The access log (make_log_message in src/log.c): one tnetstring list per request,
// [host name, remote addr, remote port, unix time, method, path, version, status, size] and a newline.
// Lines are buffered and written asynchronously in batches (Mongrel2 used a background thread), flushed on
// close; the file is reopened on reload for rotation.
import { createWriteStream, type WriteStream } from 'node:fs';
import { utf8Length } from '@m2/shared';

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

/** `LEN:TEXT,` for a string field, LEN in UTF-8 bytes (as the line is written). */
function str(v: string): string {
  return `${utf8Length(v)}:${v},`;
}

/** `LEN:TEXT,` for a field known to be ASCII (LEN = chars). */
function ascii(v: string): string {
  return `${v.length}:${v},`;
}

function int(v: number): string {
  const t = String(v);
  return `${t.length}:${t}#`;
}

/** Renders one entry as its log line: the tnetstring list renderTns would make of the nine fields, written out
 *  by hand because it runs once per request. Lengths count UTF-8 bytes; the line is first built as if every
 *  field were ASCII (the common case) and rebuilt with exact lengths only when a char above 0x7f shows up. */
export function renderAccessLine(e: AccessEntry, unixTime: number): string {
  const body = ascii(e.host) + ascii(e.addr) + int(e.port) + int(unixTime) + ascii(e.method) + ascii(e.path) + ascii(e.version) + int(e.status) + int(e.size);
  if (!ABOVE_ASCII.test(body)) return `${body.length}:${body}]\n`;
  const exact = str(e.host) + str(e.addr) + int(e.port) + int(unixTime) + str(e.method) + str(e.path) + str(e.version) + int(e.status) + int(e.size);
  return `${utf8Length(exact)}:${exact}]\n`;
}

// eslint-disable-next-line no-control-regex
const ABOVE_ASCII = /[^\x00-\x7f]/;

/** Chars gathered before they are handed to the file in one write. */
const CHUNK = 65536;

/** A buffered access log; disabled (discarding) when opened with a null path. */
export class AccessLog {
  private stream: WriteStream | null = null;
  private pending = '';
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
    this.pending += renderAccessLine(e, Math.floor(Date.now() / 1000));
    if (this.pending.length > CHUNK) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), 50);
  }

  /** Writes what is queued. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending && this.stream) this.stream.write(this.pending);
    this.pending = '';
  }

  /** Flushes and closes; resolves when the file is written. */
  close(): Promise<void> {
    this.flush();
    const s = this.stream;
    this.stream = null;
    return new Promise((resolve) => (s ? s.end(resolve) : resolve()));
  }
}
