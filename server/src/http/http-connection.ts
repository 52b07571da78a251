// One client connection's HTTP life, as an explicit state machine (ARCHITECTURE principle 3). Mirrors
// src/connection.c and src/state_machine.rl: read a request head, route it, hand it to Dir or Proxy, write the
// answer, then read the next pipelined request or close. States × events → next state live in one table; every
// transition goes through `fire`, which refuses one the table does not list. What handlers add (WebSocket frames,
// JSON/XML socket messages, uploads, replies) is the subclass in connection.ts, through the abstract hooks here.
import type { Socket } from 'node:net';
import type { HandlerTarget } from '../config/server-config.js';
import type { Routed } from '../world.js';
import { routeRequest } from '../world.js';
import type { HttpRequest } from './request.js';
import { headerValue } from './request.js';
import { parseRequestHead } from './parser.js';
import { CANNED, type CannedStatus } from './canned.js';
import { CONTINUE_100 } from './responses.js';
import type { ConnectionHost } from './connection-host.js';
import { serveDirRequest, serveProxyRequest } from './dispatch.js';
import { startsSocketMessage } from './socket-message.js';

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

/** How many bytes of pipelined input a busy connection buffers before it stops reading the socket. */
const PIPELINE_HIGH_WATER = 64 * 1024;

/** A client connection and its HTTP state; connection.ts adds what handlers need. */
export abstract class HttpConnection {
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

  protected buf: Buffer = Buffer.alloc(0);
  protected pos = 0;
  protected reads = 0;
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
  /** The control port's connection type: 1 HTTP, 2 MSG (JSON/XML socket), 3 SOCKET (WebSocket). */
  type = 1;
  /** Requests read on this connection so far. */
  protected requests = 0;

  constructor(readonly socket: Socket, readonly host: ConnectionHost, id: number) {
    this.id = id;
    this.remoteAddr = socket.remoteAddress ?? '';
    this.remotePort = socket.remotePort ?? 0;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.onData(chunk);
      } catch (e) {
        this.fault(e);
      }
    });
    socket.on('end', () => {
      try {
        this.onRemoteEnd();
      } catch (e) {
        this.fault(e);
      }
    });
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

  /** A fault of ours while serving this connection: logged and the connection closed; the server keeps serving. */
  private fault(e: unknown): void {
    const what = e instanceof Error ? (e.stack ?? e.message) : String(e);
    this.host.log.error(`connection ${this.id}: internal error, closing the connection: ${what}`);
    this.destroy();
  }

  private cleanup(): void {
    this.onClose();
    for (const r of this.resources.values()) r.close();
    this.resources.clear();
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
      if (!this.feedBody()) this.takeBody();
    } else if (this.buf.length - this.pos > PIPELINE_HIGH_WATER) {
      this.socket.pause();
    }
  }

  private onRemoteEnd(): void {
    this.remoteEnded = true;
    // Nothing more can arrive: parse what is buffered (a complete request still gets its answer, decision 11);
    // a connection left waiting for a head or a body it cannot get is done.
    if (this.state === 'head') this.parseNext();
    else this.fire('remote-end');
  }

  /** Parses the next request head out of the buffer, if complete. */
  protected parseNext(): void {
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
  protected fail(status: CannedStatus): void {
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
    if (routed.route.target.kind === 'handler' && this.handlerRequest(req, routed, routed.route.target)) return;
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
    else this.serveHandler(req, routed, target, body);
  }

  /** A response is complete: keep reading (pipelining) or close. */
  protected served(req: HttpRequest, close: boolean, handlerServed = false): void {
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

  /** Takes a handler-routed request over (WebSocket, upload, refusals); false lets the HTTP path read its body. */
  protected abstract handlerRequest(req: HttpRequest, routed: Routed, target: HandlerTarget): boolean;
  /** Sends a complete handler-routed request to its handler. */
  protected abstract serveHandler(req: HttpRequest, routed: Routed, target: HandlerTarget, body: Buffer | null): void;
  /** A JSON/XML socket message (or the Flash policy request) where a request head would be. */
  protected abstract socketMessage(): void;
  /** Reads frames or messages on an upgraded (`socket` state) connection. */
  protected abstract readSocket(): void;
  /** Feeds a body that goes somewhere other than memory (an upload); false when there is none. */
  protected abstract feedBody(): boolean;
  /** Releases what the subclass holds when the connection closes. */
  protected abstract onClose(): void;
}
