// One client connection's link to a Proxy backend (spec §7). Mirrors connection_http_to_proxy (dial),
// connection_proxy_deliver (send the request verbatim), connection_proxy_reply_parse plus Proxy_* in
// src/proxy.c (stream the response to the client unchanged) and the keep-alive reuse of conn->proxy_iob.
// The response head is held back until it parses, so a broken or silent backend can still get a 502;
// after the first byte reaches the client a failure can only close the client connection.

import net from 'node:net';
import { ResponseReader } from './response-reader.js';

/** Where a Proxy route sends requests (the `proxy` table's addr and port). */
export interface ProxyTarget {
  addr: string;
  port: number;
}

/** Why a backend could not answer at all; every code means "send 502 and close the client". */
export type BackendErrorCode = 'connect' | 'closed' | 'no-response' | 'malformed';

/** Rejection of open()/forward() when nothing has been written to the client yet. */
export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** Settings for BackendLink.open (spec §8 limits). */
export interface BackendLinkOptions {
  /** Give up dialing after this long; default 10 s. */
  connectTimeoutMs?: number;
  /** `limits.proxy_read_retries`: reads allowed for a response head; default 100. */
  readRetries?: number;
  /** `limits.proxy_read_retry_warn`: warn when a head took more reads than this; default 10. */
  readRetryWarn?: number;
  /** Largest response head in bytes; default 64 KiB. */
  maxHeadBytes?: number;
  /** Receives warnings (slow backend heads). */
  warn?: (msg: string) => void;
}

/** Outcome of one forwarded request whose response (or part of it) reached the client. */
export interface ForwardResult {
  /** Final backend status (for the access log); 0 if only interim heads were seen. */
  status: number;
  /** Backend Content-Length, -1 if none (for the access log). */
  contentLength: number;
  /** The backend socket may serve the next request on this client connection. */
  reusable: boolean;
  /** Close the client connection: close-delimited, backend said close, or the response broke. */
  clientMustClose: boolean;
  /** Bytes written to the client. */
  bytes: number;
  /** Why the response broke after bytes had reached the client. */
  error?: string;
}

const SMALL_BODY = 16 * 1024;

interface Pending {
  client: net.Socket;
  resolve: (r: ForwardResult) => void;
  reject: (e: BackendError) => void;
  held: Buffer[];
  bytes: number;
  opened: boolean;
}

function isCrLf(buf: Buffer, from: number): number {
  let p = from;
  while (p < buf.length && (buf[p] === 0x0a || buf[p] === 0x0d)) p++;
  return p;
}

/** A connected backend socket that forwards one request at a time and streams responses back. */
export class BackendLink {
  private pauseCount = 0;
  private readonly reader: ResponseReader;
  private cur: Pending | null = null;
  private waitingDrain = false;
  private dead = false;
  private lastError = '';

  private constructor(
    readonly target: ProxyTarget,
    private readonly sock: net.Socket,
    private readonly opts: BackendLinkOptions,
  ) {
    this.reader = new ResponseReader({ maxHeadBytes: opts.maxHeadBytes, maxHeadReads: opts.readRetries ?? 100 });
    sock.on('data', (b: Buffer) => this.onData(b));
    sock.on('end', () => this.onGone(false));
    sock.on('close', () => this.onGone(true));
    sock.on('error', (e: Error) => (this.lastError = e.message));
  }

  /** Dials the backend; rejects with BackendError('connect') when that fails or times out. */
  static open(target: ProxyTarget, opts: BackendLinkOptions = {}): Promise<BackendLink> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: target.addr, port: target.port, noDelay: true });
      const fail = (msg: string): void => {
        clearTimeout(timer);
        sock.destroy();
        reject(new BackendError('connect', `cannot connect to proxy backend ${target.addr}:${target.port}: ${msg}`));
      };
      const timer = setTimeout(() => fail('timed out'), opts.connectTimeoutMs ?? 10_000);
      sock.once('error', (e: Error) => fail(e.message));
      sock.once('connect', () => {
        clearTimeout(timer);
        sock.removeAllListeners('error');
        sock.setNoDelay(true);
        resolve(new BackendLink(target, sock, opts));
      });
    });
  }

  /** How many times client backpressure paused the backend socket (diagnostics and tests). */
  get pauses(): number {
    return this.pauseCount;
  }

  /** Whether the backend socket is gone (closed by either side); a closed link cannot forward. */
  get closed(): boolean {
    return this.dead;
  }

  /** Sends head + body verbatim and streams the response to `client` (method defaults to the head's first word). */
  forward(head: Buffer, body: Buffer | null, client: net.Socket, method?: string): Promise<ForwardResult> {
    if (this.cur) throw new Error('BackendLink.forward called while a response is still streaming');
    if (this.dead) return Promise.reject(new BackendError('closed', 'proxy backend connection is closed'));
    if (client.destroyed) {
      this.close();
      return Promise.resolve({ status: 0, contentLength: -1, reusable: false, clientMustClose: true, bytes: 0 });
    }
    const sp = head.indexOf(0x20);
    this.reader.reset(method ?? (sp > 0 ? head.toString('latin1', 0, sp) : 'GET'));
    const size = body === null ? 0 : body.length;
    if (size === 0) this.sock.write(head);
    else if (size <= SMALL_BODY) this.sock.write(Buffer.concat([head, body as Buffer], head.length + size));
    else {
      this.sock.cork();
      this.sock.write(head);
      this.sock.write(body as Buffer);
      this.sock.uncork();
    }
    return new Promise<ForwardResult>((resolve, reject) => {
      this.cur = { client, resolve, reject, held: [], bytes: 0, opened: false };
      client.on('close', this.onClientClose);
    });
  }

  /** Destroys the backend socket (idempotent); an in-flight forward ends with clientMustClose. */
  close(): void {
    this.dead = true;
    this.sock.destroy();
  }

  private readonly onClientClose = (): void => {
    this.close();
    this.finish('client closed mid-response');
  };

  private readonly onDrain = (): void => {
    this.waitingDrain = false;
    if (!this.dead) this.sock.resume();
  };

  private onData(chunk: Buffer): void {
    const cur = this.cur;
    const r = this.reader;
    if (cur === null) {
      // Between responses only stray line ends are tolerated; anything else is unsolicited.
      if (isCrLf(chunk, 0) < chunk.length) this.close();
      return;
    }
    if (cur.client.destroyed) return this.onClientClose();
    const start = cur.opened || cur.held.length > 0 ? 0 : isCrLf(chunk, 0);
    if (start === chunk.length) return;
    const { consumed, done } = r.push(chunk, start);
    if (r.phase === 'error') {
      this.close();
      if (!cur.opened) return this.reject('malformed', `malformed response from proxy backend: ${r.error ?? ''}`);
      return this.finish(`malformed response from proxy backend: ${r.error ?? ''}`);
    }
    let piece = start === 0 && consumed === chunk.length ? chunk : chunk.subarray(start, start + consumed);
    if (!cur.opened) {
      if (r.phase === 'head' && r.interim === 0) {
        cur.held.push(piece);
        return;
      }
      cur.opened = true;
      if (r.headReads > (this.opts.readRetryWarn ?? 10)) {
        this.opts.warn?.(`proxy backend ${this.target.addr}:${this.target.port} needed ${r.headReads} reads for a header`);
      }
      if (cur.held.length > 0) piece = Buffer.concat([...cur.held, piece]);
      cur.held = [];
    }
    cur.bytes += piece.length;
    const flowing = cur.client.write(piece);
    if (done) {
      if (isCrLf(chunk, start + consumed) < chunk.length) this.close();
      return this.finish();
    }
    if (!flowing && !this.waitingDrain) {
      this.waitingDrain = true;
      this.pauseCount++;
      this.sock.pause();
      cur.client.once('drain', this.onDrain);
    }
  }

  private onGone(hard: boolean): void {
    this.dead = true;
    if (!hard) this.sock.destroy();
    const cur = this.cur;
    if (cur === null) return;
    const ended = !hard && this.reader.end();
    if (ended) return this.finish();
    if (!cur.opened) {
      const why = this.lastError || (cur.held.length > 0 ? 'incomplete header' : 'no response');
      return this.reject('no-response', `proxy backend closed before responding: ${why}`);
    }
    this.finish(`proxy backend closed mid-response${this.lastError ? `: ${this.lastError}` : ''}`);
  }

  private detach(cur: Pending): void {
    this.cur = null;
    cur.client.off('close', this.onClientClose);
    if (this.waitingDrain) {
      this.waitingDrain = false;
      cur.client.off('drain', this.onDrain);
      if (!this.dead) this.sock.resume();
    }
  }

  private reject(code: BackendErrorCode, msg: string): void {
    const cur = this.cur;
    if (cur === null) return;
    this.detach(cur);
    cur.reject(new BackendError(code, msg));
  }

  private finish(error?: string): void {
    const cur = this.cur;
    if (cur === null) return;
    this.detach(cur);
    const r = this.reader;
    const ok = error === undefined && r.phase === 'done';
    if (!ok || r.wantsClose) this.close();
    cur.resolve({
      status: r.status,
      contentLength: r.contentLength,
      reusable: ok && !this.dead,
      clientMustClose: !ok || r.wantsClose,
      bytes: cur.bytes,
      ...(error === undefined ? {} : { error }),
    });
  }
}
