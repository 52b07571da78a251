// One client connection with everything handlers add to its HTTP life (src/connection.c
// connection_http_to_handler, src/handler.c's deliver task, src/upload.c): requests to handlers, WebSocket
// upgrades and frames, JSON/XML socket messages, uploads to a file or streamed with credits, and the handler's
// replies (raw, base64, close, ctl, sendfile, download credits). The HTTP state machine is http-connection.ts.
import type { Socket } from 'node:net';
import { encodeCredits, flagsHex, utf8ByteString, WebSocketDecoder } from '@m2/shared';
import type { HandlerTarget } from '../config/server-config.js';
import type { HandlerChannel } from '../handler/handler-channel.js';
import type { HandlerClient } from '../handler/handler-room.js';
import { Upload } from '../handler/upload.js';
import type { Routed } from '../world.js';
import { routeRequest } from '../world.js';
import { ChunkedDecoder } from './chunked.js';
import type { ConnectionHost } from './connection-host.js';
import { sendFileFrom } from './dispatch.js';
import { encodeFor, httpFields, isWebSocketUpgrade, websocketAccept, type Peer } from './handler-request.js';
import { HttpConnection } from './http-connection.js';
import type { HttpRequest } from './request.js';
import { headerValue } from './request.js';
import { CONTINUE_100 } from './responses.js';
import { FLASH_POLICY, isJsonPing, parseSocketMessage } from './socket-message.js';

export { TRANSITIONS, type ConnEvent, type ConnState } from './http-connection.js';

const EMPTY = Buffer.alloc(0);

/** Bytes queued for a handler-served client past which it is too slow and is disconnected (§3.4). */
const DELIVER_BACKLOG = 1024 * 1024;

/** download.flow_control's window: the initial DOWNLOAD_CREDITS and the most a client may be behind (MAX_CREDITS). */
const MAX_CREDITS = 102400;

/** The largest reassembled WebSocket message forwarded to a handler (Mongrel2 allowed INT_MAX). */
const WS_MAX_MESSAGE = 16 * 1024 * 1024;

/** A client connection: HTTP, plus what handlers need (HandlerClient). */
export class Connection extends HttpConnection implements HandlerClient {
  /** The handler this connection last sent to; it gets the disconnect notice. */
  handler: HandlerChannel | null = null;
  /** When set, closing sends no disconnect notice (the handler or the control port closed it). */
  private quiet = false;
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

  constructor(socket: Socket, host: ConnectionHost, id: number) {
    super(socket, host, id);
  }

  protected handlerRequest(req: HttpRequest, routed: Routed, target: HandlerTarget): boolean {
    // connection_http_to_handler's checks, in its order.
    const expect = headerValue(req, 'expect');
    if (expect !== undefined && expect !== '100-continue') return this.refuse(417);
    const channel = this.host.handlers.channelFor(target);
    if (!channel) return this.refuse(404);
    if (this.requests === 1 && isWebSocketUpgrade(req)) {
      this.startWebSocket(req, routed, target, channel);
      return true;
    }
    if (req.chunked || req.contentLength > this.host.limits.contentLength) {
      // Larger (or chunked) bodies go to a file through upload.temp_store, or stream with upload.stream; else 413.
      if (!this.host.limits.uploadStream && !this.host.limits.uploadTempStore) return this.refuse(413);
      if (expect === '100-continue') this.write(CONTINUE_100);
      if (this.host.limits.uploadStream) this.startUploadStream(req, routed, target, channel);
      else this.startUpload(req, routed, target, channel);
      return true;
    }
    if (expect === '100-continue') this.write(CONTINUE_100);
    return false;
  }

  private refuse(status: 404 | 413 | 417): true {
    this.fail(status);
    return true;
  }

  protected serveHandler(req: HttpRequest, routed: Routed, target: HandlerTarget, body: Buffer | null): void {
    const channel = this.host.handlers.channelFor(target);
    if (!channel) return this.fail(404);
    this.ensureId();
    this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), body ?? EMPTY, req.method, this.initialCredits())));
    this.host.accessLog.write({ host: routed.host.config.name, addr: this.remoteAddr, port: this.remotePort, method: req.method, path: req.path, version: req.version, status: 200, size: req.contentLength });
    // Mongrel2 never closes a handler-served connection on its own, HTTP/1.0 and Connection: close included.
    this.served(req, false, true);
  }

  protected feedBody(): boolean {
    if (this.uploading) this.feedUpload();
    else if (this.streaming) this.feedStream();
    else return false;
    return true;
  }

  protected onClose(): void {
    this.uploading?.upload?.abort();
    if (this.handlerId >= 0) this.host.handlers.unregister(this.handlerId, this.quiet ? null : this.handler);
  }

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
  protected readSocket(): void {
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
  protected socketMessage(): void {
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
      sender: target.sender, connId: this.handlerId, path: m.path, headers, method: m.kind === 'json' ? 'JSON' : 'XML',
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
      this.toHandler(st.channel, st.target, encodeFor(st.target, { sender: st.target.sender, connId: this.handlerId, path: st.req.path, headers: [], extra, body: data, bare: true }));
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
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), EMPTY, req.method, [['x-mongrel2-upload-start', utf8ByteString(upload.name)]])));
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
      const name = utf8ByteString(upload.name);
      this.toHandler(channel, target, encodeFor(target, httpFields(req, routed, target, this.peer(), EMPTY, req.method,
        [['x-mongrel2-upload-start', name], ['x-mongrel2-upload-done', name]])));
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
        if (this.state !== 'closed') channel.send(encodeCredits(channel.target.sender, this.handlerId, n, channel.target.protocol));
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
