// Incremental framing parser for a Proxy backend's HTTP/1.x response (spec §7). Mirrors what
// src/http11/httpclient_parser.rl, Proxy_read_and_parse/Proxy_stream_chunks (src/proxy.c) and
// connection_proxy_reply_parse (src/connection.c) learn about a response: status, Content-Length,
// chunked, Connection: close, and so where the response ends. Bytes are never rewritten; the caller
// forwards exactly the `consumed` bytes reported by push(). Pure: no sockets, no timers.

/** Options for one ResponseReader (defaults follow spec §8 limits). */
export interface ResponseReaderOptions {
  /** Method of the request being answered; `HEAD` responses have no body. */
  method?: string;
  /** Largest head (status line + headers, and each trailer section) in bytes; default 64 KiB. */
  maxHeadBytes?: number;
  /** Pushes allowed before a head completes (`limits.proxy_read_retries`); default 100. */
  maxHeadReads?: number;
}

/** What one push() did: how many leading bytes belong to this response and whether it just ended. */
export interface PushResult {
  consumed: number;
  done: boolean;
}

/** Where the reader is in the response. */
export type ReaderPhase = 'head' | 'body' | 'done' | 'error';

const enum B { Fixed, Chunked, Close }
const enum C { Size, Ext, SizeLf, Data, DataCr, DataLf, TrailStart, TrailLine, TrailLf }

const OTHER: string[] = []; // stands for "the last header line was not a framing header"
const STATUS_LINE = /^HTTP\/1\.(\d) ([1-9]\d\d)(?:[ \t][^\r\n]*)?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

function tokens(values: string[]): string[] {
  return values.join(',').split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
}

/** Incremental parser of one backend response at a time; reset() readies it for the next. */
export class ResponseReader {
  /** Final status code, or 0 before the final head has been parsed. */
  status = 0;
  /** Minor HTTP version of the final status line (0 or 1), -1 before it is known. */
  minorVersion = -1;
  /** Content-Length of the final response, -1 when absent or when the body is chunked. */
  contentLength = -1;
  /** Whether the body is chunked transfer-coded. */
  chunked = false;
  /** Whether the body ends only when the backend closes the connection. */
  closeDelimited = false;
  /** Whether the backend cannot serve another request afterwards (close, HTTP/1.0, close-delimited). */
  wantsClose = false;
  /** How many 1xx interim heads preceded the final one. */
  interim = 0;
  /** How many pushes the current head took so far (compare with `limits.proxy_read_retry_warn`). */
  headReads = 0;
  /** Current phase. */
  phase: ReaderPhase = 'head';
  /** Why the response was rejected, when phase is 'error'. */
  error: string | undefined;

  private method = 'GET';
  private readonly maxHeadBytes: number;
  private readonly maxHeadReads: number;
  private line = '';
  private headBytes = 0;
  private started = false;
  private cl: string[] = [];
  private te: string[] = [];
  private conn: string[] = [];
  private last: string[] | null = null;
  private body = B.Close;
  private remaining = 0;
  private cstate = C.Size;
  private digits = 0;

  constructor(opts: ResponseReaderOptions = {}) {
    this.maxHeadBytes = opts.maxHeadBytes ?? 65536;
    this.maxHeadReads = opts.maxHeadReads ?? 100;
    this.reset(opts.method);
  }

  /** Forgets the previous response and expects a new one answering `method`. */
  reset(method = 'GET'): void {
    this.method = method.toUpperCase();
    this.status = 0;
    this.minorVersion = -1;
    this.contentLength = -1;
    this.chunked = this.closeDelimited = this.wantsClose = false;
    this.interim = this.headReads = 0;
    this.phase = 'head';
    this.error = undefined;
    this.newHead();
  }

  /** Parses `chunk[start..]`; bytes past the end of this response are left unconsumed. */
  push(chunk: Buffer, start = 0): PushResult {
    let p = start;
    const end = chunk.length;
    if (this.phase === 'head' && p < end && ++this.headReads > this.maxHeadReads) {
      this.fail(`backend needed more than ${this.maxHeadReads} reads to send a header`, 0);
      return { consumed: 0, done: false };
    }
    while (p < end && (this.phase === 'head' || this.phase === 'body')) {
      p = this.phase === 'head' ? this.parseHead(chunk, p) : this.parseBody(chunk, p);
    }
    return { consumed: p - start, done: this.phase === 'done' };
  }

  /** Reports that the backend closed; returns true when that ends a close-delimited body. */
  end(): boolean {
    if (this.phase === 'body' && this.body === B.Close) this.phase = 'done';
    else if (this.phase === 'head' || this.phase === 'body') {
      this.fail(this.started || this.interim > 0 || this.phase === 'body' ? 'backend closed mid-response' : 'backend closed without responding', 0);
    }
    return this.phase === 'done';
  }

  private fail(msg: string, at: number): number {
    this.phase = 'error';
    this.error = msg;
    return at;
  }

  private newHead(): void {
    this.line = '';
    this.headBytes = 0;
    this.started = false;
    this.cl = [];
    this.te = [];
    this.conn = [];
    this.last = null;
  }

  private parseHead(chunk: Buffer, p: number): number {
    const nl = chunk.indexOf(0x0a, p);
    const stop = nl < 0 ? chunk.length : nl + 1;
    this.headBytes += stop - p;
    if (this.headBytes > this.maxHeadBytes) return this.fail(`response head exceeds ${this.maxHeadBytes} bytes`, stop);
    this.started = true;
    if (nl < 0) {
      this.line += chunk.toString('latin1', p, stop);
      return stop;
    }
    let text = this.line + chunk.toString('latin1', p, nl);
    this.line = '';
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (this.status === 0) {
      const m = STATUS_LINE.exec(text);
      if (!m) return this.fail(`malformed status line: ${JSON.stringify(text.slice(0, 80))}`, stop);
      this.minorVersion = Number(m[1]);
      this.status = Number(m[2]);
    } else if (text === '') {
      this.headComplete();
    } else if (text[0] === ' ' || text[0] === '\t') {
      if (this.last === null) return this.fail('header continuation without a header', stop);
      if (this.last.length > 0) this.last.push(`${this.last.pop() as string} ${text.trim()}`);
    } else {
      const m = HEADER_LINE.exec(text);
      if (!m) return this.fail(`malformed header line: ${JSON.stringify(text.slice(0, 80))}`, stop);
      const name = (m[1] as string).toLowerCase();
      const list = name === 'content-length' ? this.cl : name === 'transfer-encoding' ? this.te : name === 'connection' ? this.conn : null;
      list?.push(m[2] as string);
      this.last = list ?? OTHER;
    }
    return stop;
  }

  private headComplete(): void {
    const status = this.status;
    if (status >= 100 && status < 200 && status !== 101) {
      this.interim++;
      this.status = 0;
      this.headReads = 0;
      this.newHead();
      return;
    }
    const conn = tokens(this.conn);
    this.wantsClose = conn.includes('close') || (this.minorVersion === 0 && !conn.includes('keep-alive'));
    const te = tokens(this.te);
    if (te.length > 0) {
      this.chunked = te[te.length - 1] === 'chunked';
      if (te.indexOf('chunked') !== (this.chunked ? te.length - 1 : -1)) {
        this.fail('chunked is not the final transfer-coding', 0);
        return;
      }
    } else if (this.cl.length > 0) {
      const vals = this.cl.join(',').split(',').map((v) => v.trim());
      const n = Number(vals[0]);
      if (!vals.every((v) => v === vals[0] && /^\d+$/.test(v)) || !Number.isSafeInteger(n)) {
        this.fail(`invalid Content-Length: ${JSON.stringify(this.cl.join(', '))}`, 0);
        return;
      }
      this.contentLength = n;
    }
    this.newHead();
    if (this.method === 'HEAD' || status === 204 || status === 304) {
      this.phase = 'done';
    } else if (this.chunked) {
      this.body = B.Chunked;
      this.cstate = C.Size;
      this.remaining = this.digits = 0;
      this.phase = 'body';
    } else if (this.contentLength >= 0 && te.length === 0) {
      this.body = B.Fixed;
      this.remaining = this.contentLength;
      this.phase = this.remaining === 0 ? 'done' : 'body';
    } else {
      this.body = B.Close;
      this.closeDelimited = this.wantsClose = true;
      this.phase = 'body';
    }
  }

  private parseBody(chunk: Buffer, p: number): number {
    const end = chunk.length;
    if (this.body === B.Close) return end;
    if (this.body === B.Fixed) {
      const take = Math.min(this.remaining, end - p);
      this.remaining -= take;
      if (this.remaining === 0) this.phase = 'done';
      return p + take;
    }
    while (p < end) {
      if (this.cstate === C.Data) {
        const take = Math.min(this.remaining, end - p);
        this.remaining -= take;
        p += take;
        if (this.remaining === 0) this.cstate = C.DataCr;
        continue;
      }
      const b = chunk[p++] as number;
      switch (this.cstate) {
        case C.Size: {
          const v = hexValue(b);
          if (v >= 0) {
            this.digits++;
            this.remaining = this.remaining * 16 + v;
            if (this.remaining > 0xffffffffffff) return this.fail('chunk size too large', p);
          } else if (this.digits === 0) return this.fail('malformed chunk size', p);
          else if (b === 0x0d) this.cstate = C.SizeLf;
          else if (b === 0x0a) this.sizeLineDone();
          else if (b === 0x3b || b === 0x20 || b === 0x09) this.cstate = C.Ext;
          else return this.fail('malformed chunk size', p);
          break;
        }
        case C.Ext:
          if (b === 0x0d) this.cstate = C.SizeLf;
          else if (b === 0x0a) this.sizeLineDone();
          else if ((b < 0x20 && b !== 0x09) || b === 0x7f) return this.fail('malformed chunk extension', p);
          else if (++this.headBytes > this.maxHeadBytes) return this.fail('chunk extension too long', p);
          break;
        case C.SizeLf:
          if (b !== 0x0a) return this.fail('chunk size line not ended by CRLF', p);
          this.sizeLineDone();
          break;
        case C.DataCr:
          if (b === 0x0d) this.cstate = C.DataLf;
          else if (b === 0x0a) this.cstate = C.Size;
          else return this.fail('chunk data not followed by CRLF', p);
          break;
        case C.DataLf:
          if (b !== 0x0a) return this.fail('chunk data not followed by CRLF', p);
          this.cstate = C.Size;
          break;
        case C.TrailStart:
          if (b === 0x0d) this.cstate = C.TrailLf;
          else if (b === 0x0a) return this.allChunksDone(p);
          else this.cstate = C.TrailLine;
          break;
        case C.TrailLine:
          if (++this.headBytes > this.maxHeadBytes) return this.fail('chunked trailer too large', p);
          if (b === 0x0a) this.cstate = C.TrailStart;
          break;
        case C.TrailLf:
          if (b !== 0x0a) return this.fail('chunked trailer not ended by CRLF', p);
          return this.allChunksDone(p);
      }
    }
    return p;
  }

  private sizeLineDone(): void {
    this.digits = 0;
    this.headBytes = 0;
    this.cstate = this.remaining === 0 ? C.TrailStart : C.Data;
  }

  private allChunksDone(p: number): number {
    this.phase = 'done';
    return p;
  }
}
