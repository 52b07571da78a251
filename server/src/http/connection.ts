// One client connection, as an explicit state machine (ARCHITECTURE principle 3). Mirrors src/connection.c and
// src/state_machine.rl: read a request head (or a JSON/XML socket message), route it, hand it to Dir, Proxy or a
// handler, write the answer, then read the next pipelined request or close; a WebSocket upgrade moves it to
// reading frames, a large body to an upload. States × events → next state live in one table; every transition
// goes through `fire`, which refuses one the table does not list. (This file is long because every mode shares
// the one read buffer and state; the message formats, Dir, Proxy and the handler sockets live in their rooms.)
import type { Socket } from 'node:net';
import type { Routed } from '../world.js';
import { routeRequest } from '../world.js';
import type { HttpRequest } from './request.js';
import { headerValue } from './request.js';
import { parseRequestHead } from './parser.js';
import { CANNED, type CannedStatus } from './canned.js';
import { CONTINUE_100 } from './responses.js';
import type { ConnectionHost } from './connection-host.js';
import { sendFileFrom, serveDirRequest, serveProxyRequest } from './dispatch.js';
import { encodeCredits, flagsHex, WebSocketDecoder } from '@m2/shared';
import type { HandlerTarget } from '../config/server-config.js';
import type { HandlerChannel } from '../handler/handler-channel.js';
import type { HandlerClient } from '../handler/handler-room.js';
import { encodeFor, httpFields, isWebSocketUpgrade, websocketAccept, type Peer } from './handler-request.js';
import { FLASH_POLICY, isJsonPing, parseSocketMessage, startsSocketMessage } from './socket-message.js';
import { ChunkedDecoder } from './chunked.js';
import { Upload } from '../handler/upload.js';

const EMPTY = Buffer.alloc(0);

/** Where a connection is in its life. */
export type ConnState = 'head' | 'body' | 'serving' | 'socket' | 'closing' | 'closed';
/** What can happen to a connection. */
export type ConnEvent = 'data' | 'head' | 'head-body' | 'upgrade' | 'bad' | 'body-done' | 'served-keep' | 'served-close' | 'handler-close' | 'remote-end' | 'error' | 'kill';

/** The transition table: from each state, the events it accepts and the state each leads to. */
export const TRANSITIONS: Readonly<Record<ConnState, Partial<Record<ConnEvent, ConnState>>>> = {
  head: { data: 'head', head: 'serving', 'head-body': 'body', upgrade: 'socket', bad: 'closing', 'handler-close': 'closing', 'remote-end': 'closed', error: 'closed', kill: 'closed' },
  body: { data: 'body', 'body-done': 'serving', 'handler-close': 'closing', 'remote-end': 'closed', error: 'closed', kill: 'closed' },
  serving: { data: 'serving', 'served-keep': 'head', 'served-close': 'closing', 'handler-close': 'closing', 'remote-end': 'serving', error: 'closed', kill: 'closed' },
  socket: { data: 'socket', bad: 'closing', 'handler-close': 'closing', 'remote-end': 'closed', error: 'closed', kill: 'closed' },
  closing: { data: 'closing', 'served-close': 'closing', 'handler-close': 'closing', 'remote-end': 'closing', error: 'closed', kill: 'closed' },
  closed: { data: 'closed', 'remote-end': 'closed', error: 'closed', kill: 'closed', 'served-close': 'closed', 'served-keep': 'closed', 'handler-close': 'closed' },
};

/** Bytes queued for a handler-served client past which it is too slow and is disconnected (§3.4). */
const DELIVER_BACKLOG = 1024 * 1024;

/** download.flow_control's window: the initial DOWNLOAD_CREDITS and the most a client may be behind (MAX_CREDITS). */
const MAX_CREDITS = 102400;

/** The largest reassembled WebSocket message forwarded to a handler (Mongrel2 allowed INT_MAX). */
const WS_MAX_MESSAGE = 16 * 1024 * 1024;

/** How many bytes of pipelined input a busy connection buffers before it stops reading the socket. */
const PIPELINE_HIGH_WATER = 64 * 1024;

/** A client connection and its state. */
export class Connection implements HandlerClient {
  state: ConnState = 'head';
  /** Connection id (server-wide counter; the handler room reuses it). */
  readonly id: number;
  readonly remoteAddr: string;
  readonly remotePort: number;
  readonly openedAt = Date.now();
  lastRead = Date.now();
  lastWrite = Date.now();
  bytesRead = 0;
  bytesWritten = 0;
  /** The request being served, for status reports. */
  current: HttpRequest | null = null;
  /** Whether the client has half-closed its side (decision 11: it still gets its answers). */
  remoteEnded = false;

  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private reads = 0;
  private bodyNeeded = 0;
  private pendingRequest: HttpRequest | null = null;
  private pendingRoute: Routed | null = null;
  private bodyChunks: Buffer[] = [];
  /** Body bytes of a request already answered (a Dir ignores bodies) still to be skipped before the next head. */
  private skip = 0;
  /** Per-connection resources (e.g. a Proxy backend link) that must be released on close. */
  readonly resources = new Map<string, { close(): void }>();
  /** Handler connection id (src/register.c): -1 until this connection first talks to a handler. */
  handlerId = -1;
  /** The handler this connection last sent to; it gets the disconnect notice. */
  handler: HandlerChannel | null = null;
  /** The control port's connection type: 1 HTTP, 2 MSG (JSON/XML socket), 3 SOCKET (WebSocket). */
  type = 1;
  /** When set, closing sends no disconnect notice (the handler or the control port closed it). */
  private quiet = false;
  private requests = 0;
  private ws: { decoder: WebSocketDecoder; req: HttpRequest; routed: Routed; target: HandlerTarget; channel: HandlerChannel } | null = null;
  /** The upload in progress (spec §3.5), while its body is read. */
  private uploading: {
    req: HttpRequest; routed: Routed; target: HandlerTarget; channel: HandlerChannel;
    upload: Upload | null; remaining: number; decoder: ChunkedDecoder | null; waiting: boolean;
  } | null = null;
  /** The upload stream in progress (upload.stream=1). */
  private streaming: {
    req: HttpRequest; routed: Routed; target: HandlerTarget; channel: HandlerChannel;
    remaining: number; decoder: ChunkedDecoder | null; credits: number; offset: number;
  } | null = null;
  /** download.flow_control: bytes written for handlers and not yet flushed, and whether credits were announced. */
  private outstanding = 0;
  private creditsAnnounced = false;
  /** Sendfile streams in progress, and the chain of writes that wait behind them. */
  private sendfiles = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly socket: Socket, readonly host: ConnectionHost, id: number) {
    this.id = id;
    this.remoteAddr = socket.remoteAddress ?? '';
    this.remotePort = socket.remotePort ?? 0;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onRemoteEnd());
    socket.on('error', () => this.fire('error'));
    socket.on('close', () => this.fire('error'));
  }

  /** Moves along the table; an event the current state does not accept is a bug, logged and closed. */
  fire(event: ConnEvent): ConnState {
    const next = TRANSITIONS[this.state][event];
    if (next === undefined) {
      this.host.log.error(`connection ${this.id}: event ${event} is not allowed in state ${this.state}`);
      return this.destroy();
    }
    const was = this.state;
    this.state = next;
    if (next === 'closed' && was !== 'closed') this.cleanup();
    return next;
  }

  /** Closes the connection now (control-port kill, idle sweep, shutdown). */
  destroy(): ConnState {
    if (this.state !== 'closed') {
      this.state = 'closed';
      this.socket.destroy();
      this.cleanup();
    }
    return this.state;
  }

  private cleanup(): void {
    this.uploading?.upload?.abort();
    for (const r of this.resources.values()) r.close();
    this.resources.clear();
    if (this.handlerId >= 0) this.host.handlers.unregister(this.handlerId, this.quiet ? null : this.handler);
    // A connection that ended gracefully (socket.end) flushes what it wrote; anything else is torn down now.
    if (!this.socket.writableEnded) this.socket.destroy();
    this.host.forget(this);
  }

  private onData(chunk: Buffer): void {
    this.lastRead = Date.now();
    this.bytesRead += chunk.length;
    if (this.fire('data') === 'closed' || this.state === 'closing') return;
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
      this.pos = 0;
    }
    if (this.state === 'head') {
      this.reads++;
      this.parseNext();
    } else if (this.state === 'socket') {
      this.readSocket();
    } else if (this.state === 'body') {
      if (this.uploading) this.feedUpload();
      else if (this.streaming) this.feedStream();
      else this.takeBody();
    } else if (this.buf.length - this.pos > PIPELINE_HIGH_WATER) {
      this.socket.pause();
    }
  }

  private onRemoteEnd(): void {
    this.remoteEnded = true;
    // Nothing more can arrive: parse what is buffered (a complete request still gets its answer, decision 11);
    // a connection left waiting for a head or a body it cannot get is done.
    if (this.state === 'head') this.parseNext();
    else if (this.state === 'body') {
      this.uploading?.upload?.abort();
      this.fire('remote-end');
    }
    else this.fire('remote-end');
  }

  /** Parses the next request head out of the buffer, if complete. */
  private parseNext(): void {
    if (this.skip > 0) {
      const n = Math.min(this.skip, this.buf.length - this.pos);
      this.pos += n;
      this.skip -= n;
    }
    if (this.pos >= this.buf.length || this.skip > 0) {
      this.reads = 0;
      if (this.remoteEnded) {
        this.socket.end();
        this.fire('remote-end');
      }
      return;
    }
    const limits = this.host.limits;
    if (startsSocketMessage(this.buf, this.pos)) return this.socketMessage();
    const r = parseRequestHead(this.buf, this.pos, limits);
    if (r.kind === 'incomplete') {
      if (this.remoteEnded) {
        // A client that hangs up mid-head gets no answer (as Mongrel2): there is nobody to read it.
        this.socket.end();
        this.fire('remote-end');
      } else if (this.reads >= limits.clientReadRetries) {
        this.fail(400);
      }
      return;
    }
    if (r.kind === 'error') {
      this.host.log.debug(`connection ${this.id}: bad request (${r.code}): ${r.reason}`);
      this.fail(400);
      return;
    }
    this.reads = 0;
    this.pos = r.headEnd;
    this.startRequest(r.request);
  }

  /** Sends a canned error and closes (Mongrel2's error_unless path). */
  private fail(status: CannedStatus): void {
    this.fire(this.state === 'head' ? 'bad' : 'served-close');
    this.endWith(CANNED[status]);
  }

  private startRequest(req: HttpRequest): void {
    this.current = req;
    this.requests++;
    const hostHeader = req.authority ?? headerValue(req, 'host');
    const routed = routeRequest(this.host.world(), hostHeader, req.path);
    if (!routed) return this.fail(404);
    const kind = routed.route.target.kind;
    // Chunked request bodies are uploads, which only handlers take (through upload.temp_store); Dir and Proxy refuse them.
    if (req.chunked && kind !== 'handler') return this.fail(400);
    if (routed.route.target.kind === 'handler') {
      // connection_http_to_handler's checks, in its order.
      const target = routed.route.target;
      const expect = headerValue(req, 'expect');
      if (expect !== undefined && expect !== '100-continue') return this.fail(417);
      const channel = this.host.handlers.channelFor(target);
      if (!channel) return this.fail(404);
      if (this.requests === 1 && isWebSocketUpgrade(req)) return this.startWebSocket(req, routed, target, channel);
      if (req.chunked || req.contentLength > this.host.limits.contentLength) {
        // Larger (or chunked) bodies go to a file through upload.temp_store; without it, 413.
        if (!this.host.limits.uploadStream && !this.host.limits.uploadTempStore) return this.fail(413);
        if (expect === '100-continue') this.write(CONTINUE_100);
        if (this.host.limits.uploadStream) return this.startUploadStream(req, routed, target, channel);
        return this.startUpload(req, routed, target, channel);
      }
      if (expect === '100-continue') this.write(CONTINUE_100);
    }
    if (req.contentLength > 0 && kind === 'dir') {
      // A Dir ignores the body: answer now and skip the body's bytes before reading the next request.
      this.skip = req.contentLength;
    } else if (req.contentLength > 0) {
      if (req.contentLength > this.host.limits.maxProxyBody) return this.fail(413);
      // The body is read before the request goes to the backend, so the client is told to send it now
      // (the backend's own 100 Continue, if it sends one, is forwarded too: several 1xx are allowed).
      if (kind === 'proxy' && headerValue(req, 'expect')?.toLowerCase() === '100-continue') this.write(CONTINUE_100);
      this.pendingRequest = req;
      this.pendingRoute = routed;
      this.bodyNeeded = req.contentLength;
      this.bodyChunks = [];
      this.fire('head-body');
      this.takeBody();
      return;
    }
    this.fire('head');
    this.serve(req, routed, null);
  }

  private takeBody(): void {
    const avail = this.buf.length - this.pos;
    const take = Math.min(avail, this.bodyNeeded);
    if (take > 0) {
      this.bodyChunks.push(this.buf.subarray(this.pos, this.pos + take));
      this.pos += take;
      this.bodyNeeded -= take;
    }
    if (this.bodyNeeded > 0) return;
    const req = this.pendingRequest!;
    const routed = this.pendingRoute!;
    const body = Buffer.concat(this.bodyChunks);
    this.pendingRequest = null;
    this.pendingRoute = null;
    this.bodyChunks = [];
    this.fire('body-done');
    this.serve(req, routed, body);
  }

  private serve(req: HttpRequest, routed: Routed, body: Buffer | null): void {
    const done = (close: boolean) => this.served(req, close);
    const onError = (e: unknown) => {
      this.host.log.error(`connection ${this.id}: ${e instanceof Error ? e.message : String(e)}`);
      if (this.state === 'serving') this.fail(500);
    };
    const target = routed.route.target;
    if (target.kind === 'dir') serveDirRequest(this, req, routed, target).then(done, onError);
    else if (target.kind === 'proxy') serveProxyRequest(this, req, routed, target, body).then(done, onError);
    else {
      const channel = this.host.handlers.channelFor(target);
      if (!channel) return this.fail(404);
      this.ensureId();
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), body ?? EMPTY, req.method, this.initialCredits())));
      this.host.accessLog.write({ host: routed.host.config.name, addr: this.remoteAddr, port: this.remotePort, method: req.method, path: req.path, version: req.version, status: 200, size: req.contentLength });
      // Mongrel2 never closes a handler-served connection on its own, HTTP/1.0 and Connection: close included.
      this.served(req, false, true);
    }
  }

  /** A response is complete: keep reading (pipelining) or close. */
  private served(req: HttpRequest, close: boolean, handlerServed = false): void {
    if (this.state !== 'serving') return;
    this.current = null;
    if (!handlerServed && (close || this.shouldClose(req))) {
      this.fire('served-close');
      this.socket.end();
      return;
    }
    this.fire('served-keep');
    if (this.socket.isPaused()) this.socket.resume();
    this.parseNext();
  }

  /** Mirrors check_should_close: HTTP/1.0, or `Connection: close` (any case). */
  shouldClose(req: HttpRequest): boolean {
    if (req.version === 'HTTP/1.0') return true;
    const c = headerValue(req, 'connection');
    return c !== undefined && c.toLowerCase() === 'close';
  }

  /** Writes bytes to the client, counting them. Returns false when the socket's buffer is full. */
  write(data: Buffer | string): boolean {
    this.lastWrite = Date.now();
    this.bytesWritten += data.length;
    return this.socket.write(data);
  }

  /** Writes a last response and closes after it is flushed. */
  endWith(data: Buffer): void {
    this.lastWrite = Date.now();
    this.bytesWritten += data.length;
    this.socket.end(data);
  }

  // ---- handlers (src/handler.c, connection_http_to_handler, the deliver task) ----

  private peer(): Peer {
    return { handlerId: this.handlerId, remoteAddr: this.remoteAddr, noClobberXff: this.host.limits.noClobberXff, tls: false };
  }

  /** Sends a message to a handler, registering this connection's id the first time. */
  private toHandler(channel: HandlerChannel, _target: HandlerTarget, msg: Uint8Array): void {
    this.handler = channel;
    channel.send(msg);
  }

  private ensureId(): void {
    if (this.handlerId < 0) this.handlerId = this.host.handlers.register(this);
  }

  private startWebSocket(req: HttpRequest, routed: Routed, target: HandlerTarget, channel: HandlerChannel): void {
    this.fire('upgrade');
    this.type = 3;
    this.ensureId();
    const accept = websocketAccept(headerValue(req, 'sec-websocket-key') ?? '');
    this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), Buffer.from(accept, 'latin1'), 'WEBSOCKET_HANDSHAKE')));
    this.ws = { decoder: new WebSocketDecoder({ maxMessage: WS_MAX_MESSAGE }), req, routed, target, channel };
    this.readSocket();
  }

  /** Frames (WebSocket) or NUL-terminated messages (JSON/XML sockets) on an upgraded connection. */
  private readSocket(): void {
    if (!this.ws) return this.parseNext();
    const { decoder, req, routed, target, channel } = this.ws;
    const bytes = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    for (const ev of decoder.push(bytes)) {
      if (ev.kind === 'error') {
        this.host.log.info(`connection ${this.handlerId}: WebSocket protocol violation: ${ev.reason}`);
        this.destroy();
        return;
      }
      const payload = Buffer.from(ev.payload.buffer, ev.payload.byteOffset, ev.payload.byteLength);
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), payload, 'WEBSOCKET', [['FLAGS', flagsHex(ev.flags)]])));
    }
  }

  /** A JSON or XML socket message (or the Flash policy request) where a request head would be. */
  private socketMessage(): void {
    const r = parseSocketMessage(this.buf, this.pos, this.host.limits.bufferSize);
    if (r.kind === 'incomplete') {
      if (this.remoteEnded) {
        this.socket.end();
        this.fire('remote-end');
      }
      return;
    }
    if (r.kind === 'error') return this.fail(400);
    this.pos = r.end;
    this.reads = 0;
    const m = r.message;
    if (m.kind === 'policy') {
      this.fire('bad');
      this.endWith(FLASH_POLICY);
      return;
    }
    this.type = 2;
    if (isJsonPing(m)) {
      this.lastRead = Date.now();
      return this.parseNext();
    }
    const routed = routeRequest(this.host.world(), undefined, m.path);
    const target = routed?.route.target;
    const channel = target?.kind === 'handler' ? this.host.handlers.channelFor(target) : undefined;
    if (!routed || target?.kind !== 'handler' || !channel) return this.fail(404);
    this.ensureId();
    const headers: [string, string][] = this.host.limits.noClobberXff ? [] : [['x-forwarded-for', this.remoteAddr]];
    this.toHandler(channel, target, encodeFor(target, {
      sender: target.sendIdent, connId: this.handlerId, path: m.path, headers, method: m.kind === 'json' ? 'JSON' : 'XML',
      pattern: routed.pattern, urlScheme: 'http', remoteAddr: this.remoteAddr, body: m.body,
    }));
    this.host.accessLog.write({ host: routed.host.config.name, addr: this.remoteAddr, port: this.remotePort, method: m.kind === 'json' ? 'JSON' : 'XML', path: m.path, version: '', status: 200, size: m.body.length });
    this.parseNext();
  }

  /**
   * upload.stream (Upload_stream in src/upload.c): the first message carries the headers, UPLOAD_STREAM: 0 and
   * whatever body bytes are already here; then, as the handler grants credits (`ctl` credits), bare messages
   * with UPLOAD_STREAM: <offset> carry the next bytes, the last one with UPLOAD_STREAM_DONE: 1.
   */
  private startUploadStream(req: HttpRequest, routed: Routed, target: HandlerTarget, channel: HandlerChannel): void {
    this.ensureId();
    this.fire('head-body');
    const st = { req, routed, target, channel, remaining: req.chunked ? -1 : req.contentLength, decoder: req.chunked ? new ChunkedDecoder() : null, credits: 0, offset: 0 };
    this.streaming = st;
    let data: Buffer = EMPTY;
    if (!st.decoder) {
      const n = Math.min(st.remaining, this.buf.length - this.pos);
      data = this.buf.subarray(this.pos, this.pos + n);
      this.pos += n;
      st.remaining -= n;
    }
    const eof = !st.decoder && st.remaining === 0;
    const extra: [string, string][] = [['UPLOAD_STREAM', '0'], ...(eof ? [['UPLOAD_STREAM_DONE', '1'] as [string, string]] : [])];
    this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), data, req.method, extra)));
    st.offset = data.length;
    if (eof) return this.endStream();
    this.socket.pause();
  }

  /** Sends the next credited bytes of an upload stream. */
  private feedStream(): void {
    const st = this.streaming;
    if (!st || this.state !== 'body') return;
    while (st.credits > 0 && this.pos < this.buf.length) {
      let data: Buffer;
      let eof: boolean;
      if (st.decoder) {
        // As Upload_stream does, a whole chunk goes once there is any credit (credits may go negative).
        const step = st.decoder.push(this.buf, this.pos);
        this.pos += step.consumed;
        if (step.error) {
          this.host.log.info(`connection ${this.handlerId}: bad chunked upload stream: ${step.error}`);
          this.destroy();
          return;
        }
        data = step.data.length === 1 ? step.data[0]! : Buffer.concat(step.data);
        eof = step.done;
        if (data.length === 0 && !eof) {
          if (step.consumed === 0) break;
          continue;
        }
      } else {
        const n = Math.min(st.credits, st.remaining, this.buf.length - this.pos);
        data = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        st.remaining -= n;
        eof = st.remaining === 0;
      }
      st.credits -= data.length;
      const extra: [string, string][] = [['UPLOAD_STREAM', String(st.offset)], ...(eof ? [['UPLOAD_STREAM_DONE', '1'] as [string, string]] : [])];
      this.toHandler(st.channel, st.target, encodeFor(st.target, { sender: st.target.sendIdent, connId: this.handlerId, path: st.req.path, headers: [], extra, body: data, bare: true }));
      st.offset += data.length;
      if (eof) return this.endStream();
    }
    if (st.credits <= 0) this.socket.pause();
  }

  private endStream(): void {
    const st = this.streaming!;
    this.streaming = null;
    this.socket.resume();
    this.host.accessLog.write({ host: st.routed.host.config.name, addr: this.remoteAddr, port: this.remotePort, method: st.req.method, path: st.req.path, version: st.req.version, status: 200, size: st.req.chunked ? -1 : st.req.contentLength });
    this.fire('body-done');
    this.served(st.req, false, true);
  }

  /** DOWNLOAD_CREDITS on a connection's first handler request when download.flow_control is on. */
  private initialCredits(): [string, string][] | undefined {
    if (!this.host.limits.downloadFlowControl || this.creditsAnnounced) return undefined;
    this.creditsAnnounced = true;
    return [['DOWNLOAD_CREDITS', String(MAX_CREDITS)]];
  }

  /** Starts writing a large or chunked body to upload.temp_store and tells the handler (Upload_file). */
  private startUpload(req: HttpRequest, routed: Routed, target: HandlerTarget, channel: HandlerChannel): void {
    this.ensureId();
    this.fire('head-body');
    const state = { req, routed, target, channel, upload: null as Upload | null, remaining: req.chunked ? -1 : req.contentLength, decoder: req.chunked ? new ChunkedDecoder() : null, waiting: false };
    this.uploading = state;
    const limits = this.host.limits;
    Upload.open(limits.uploadTempStore, limits.uploadTempStoreMode, process.cwd()).then((upload) => {
      if (this.state === 'closed') return upload.abort();
      state.upload = upload;
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), EMPTY, req.method, [['x-mongrel2-upload-start', upload.name]])));
      this.feedUpload();
    }, (e: Error) => {
      this.host.log.error(`Failed to create the upload file from ${limits.uploadTempStore}: ${e.message}`);
      this.uploading = null;
      if (this.state === 'body') this.fail(500);
    });
  }

  /** Stops reading the client until the upload file has caught up. */
  private waitForDisk(upload: Upload): void {
    this.socket.pause();
    upload.onDrain(() => {
      if (this.state !== 'closed') this.socket.resume();
    });
  }

  /** Moves buffered body bytes into the upload file; finishes the upload when the body is complete. */
  private feedUpload(): void {
    const u = this.uploading;
    if (!u || !u.upload || u.waiting) return;
    let done = false;
    if (u.decoder) {
      const step = u.decoder.push(this.buf, this.pos);
      this.pos += step.consumed;
      let ok = true;
      for (const d of step.data) ok = u.upload.write(d) && ok;
      if (!ok) this.waitForDisk(u.upload);
      if (step.error) {
        this.host.log.info(`connection ${this.handlerId}: bad chunked upload: ${step.error}`);
        u.upload.abort();
        this.uploading = null;
        this.destroy();
        return;
      }
      done = step.done;
    } else {
      const n = Math.min(u.remaining, this.buf.length - this.pos);
      if (n > 0 && !u.upload.write(this.buf.subarray(this.pos, this.pos + n))) this.waitForDisk(u.upload);
      this.pos += n;
      u.remaining -= n;
      done = u.remaining === 0;
    }
    if (!done) return;
    u.waiting = true;
    const upload = u.upload;
    upload.finish().then(() => {
      this.uploading = null;
      if (this.state !== 'body') return;
      const { req, routed, target, channel } = u;
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), EMPTY, req.method,
        [['x-mongrel2-upload-start', upload.name], ['x-mongrel2-upload-done', upload.name]])));
      this.host.accessLog.write({ host: routed.host.config.name, addr: this.remoteAddr, port: this.remotePort, method: req.method, path: req.path, version: req.version, status: 200, size: req.chunked ? -1 : req.contentLength });
      this.fire('body-done');
      this.served(req, false, true);
    }, (e: Error) => {
      this.host.log.error(`connection ${this.handlerId}: writing the upload failed: ${e.message}`);
      this.destroy();
    });
  }

  /** A handler's message body for this client (HandlerClient). */
  deliver(body: Buffer, channel: HandlerChannel): void {
    if (this.state === 'closed' || this.state === 'closing') return;
    let data = body;
    if (this.type === 2 && channel.target.rawPayload !== 1) {
      const end = data.length > 0 && data[data.length - 1] === 0 ? data.length - 1 : data.length;
      data = Buffer.from(data.subarray(0, end).toString('base64'), 'latin1');
    }
    // Replies go out in arrival order; only while a sendfile streams do they wait behind it.
    if (this.sendfiles > 0) {
      this.tail = this.tail.then(() => this.writeReply(data, channel));
      return;
    }
    this.writeReply(data, channel);
  }

  private writeReply(data: Buffer, channel?: HandlerChannel): void {
    if (this.state === 'closed') return;
    if (channel && this.host.limits.downloadFlowControl) {
      // download.flow_control (§3.3, §3.4): at most MAX_CREDITS bytes outstanding; each flushed write is
      // credited back to the handler.
      this.outstanding += data.length;
      if (this.outstanding > MAX_CREDITS) {
        this.host.log.warn(`connection ${this.handlerId}: handler sent more than its download credits; disconnecting`);
        this.destroy();
        return;
      }
      const n = data.length;
      this.lastWrite = Date.now();
      this.bytesWritten += n;
      this.socket.write(data, () => {
        this.outstanding -= n;
        if (this.state !== 'closed') channel.send(encodeCredits(channel.target.sendIdent, this.handlerId, n, channel.target.protocol));
      });
      return;
    }
    this.write(data);
    if (this.socket.writableLength > DELIVER_BACKLOG) {
      this.host.log.warn(`connection ${this.handlerId}: client is not reading its replies; disconnecting`);
      this.destroy();
    }
  }

  /** An empty reply: flush what is queued, then close, without a disconnect notice (HandlerClient). */
  closeFromHandler(): void {
    this.quiet = true;
    const close = () => {
      if (this.state === 'closed') return;
      this.fire('handler-close');
      this.socket.end();
    };
    if (this.sendfiles > 0) this.tail = this.tail.then(close);
    else close();
  }

  /** `ctl` keep-alive (HandlerClient). */
  touch(): void {
    this.lastRead = Date.now();
  }

  /** `ctl` cancel or a refused extended request: close now, no notice (HandlerClient). */
  cancel(): void {
    this.quiet = true;
    this.destroy();
  }

  /** Closes on the control port's `kill`: no disconnect notice, as Mongrel2. */
  kill(): void {
    this.quiet = true;
    this.fire('kill');
  }

  /** `sendfile`: streams a file from the server's directory after what is already queued (HandlerClient). */
  sendfile(path: string): void {
    this.sendfiles++;
    this.tail = this.tail.then(async () => {
      if (this.state === 'closed') return;
      try {
        await sendFileFrom(this, path);
      } catch (e) {
        this.host.log.warn(`connection ${this.handlerId}: sendfile ${path} failed: ${(e as Error).message}`);
        this.destroy();
      }
    }).finally(() => {
      this.sendfiles--;
    });
  }

  /** `ctl` credits: the handler takes `bytes` more of an upload stream (HandlerClient). */
  credit(bytes: number): void {
    if (!this.streaming) return;
    this.streaming.credits += bytes;
    this.feedStream();
    if (this.streaming && this.streaming.credits > 0 && this.state === 'body') this.socket.resume();
  }
}
