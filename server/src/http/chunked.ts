// An incremental decoder for chunked request bodies (src/chunked.c, RFC 9112 §7.1): chunk-size lines with
// optional extensions, the data, CRLF, the last-chunk and trailer lines. Mongrel2 refuses chunks over 100 KiB.

/** Mongrel2's largest accepted chunk (src/connection.c, MAX_CHUNK_SIZE). */
export const MAX_CHUNK = 100 * 1024;

/** What one push of bytes yielded. */
export interface ChunkedStep {
  /** Body bytes decoded from this push (views into the input). */
  data: Buffer[];
  /** Input bytes consumed. */
  consumed: number;
  /** The body ended (last chunk and trailers read). */
  done: boolean;
  /** Why the body is malformed; the connection must close. */
  error?: string;
}

/** Decodes one chunked body, however it is split across pushes. */
export class ChunkedDecoder {
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private remaining = 0;
  private line = '';

  /** Feeds bytes from `buf[pos..]`. */
  push(buf: Buffer, pos = 0): ChunkedStep {
    const data: Buffer[] = [];
    let i = pos;
    while (i < buf.length && this.state !== 'done') {
      if (this.state === 'data') {
        const n = Math.min(this.remaining, buf.length - i);
        data.push(buf.subarray(i, i + n));
        i += n;
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      const nl = buf.indexOf(0x0a, i);
      const end = nl < 0 ? buf.length : nl;
      this.line += buf.toString('latin1', i, end);
      if (this.line.length > 4096) return { data, consumed: i - pos, done: false, error: 'chunk line too long' };
      i = nl < 0 ? buf.length : nl + 1;
      if (nl < 0) break;
      const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
      this.line = '';
      if (this.state === 'data-end') {
        if (line !== '') return { data, consumed: i - pos, done: false, error: 'chunk data not followed by CRLF' };
        this.state = 'size';
      } else if (this.state === 'size') {
        const m = /^([0-9A-Fa-f]{1,8})[ \t]*(;.*)?$/.exec(line);
        if (!m) return { data, consumed: i - pos, done: false, error: `invalid chunk size line '${line.slice(0, 40)}'` };
        const size = Number.parseInt(m[1]!, 16);
        if (size > MAX_CHUNK) return { data, consumed: i - pos, done: false, error: `chunk of ${size} bytes is over ${MAX_CHUNK}` };
        if (size === 0) this.state = 'trailer';
        else {
          this.remaining = size;
          this.state = 'data';
        }
      } else if (line === '') {
        this.state = 'done';
      }
    }
    return { data, consumed: i - pos, done: this.state === 'done' };
  }
}
