// A handler's pair of sockets to mongrel2, modelled on examples/python/mongrel2/handler.py (`Connection`): a
// PULL connected to the server's send_spec (requests in) and a PUB connected to its recv_spec (replies out,
// identity = the sender id, as the Python lib sets it). Replies use the grammar `UUID LEN:ID ID, BODY` (spec
// §3.4): an empty body closes the connection, at most 128 ids per message (limits.handler_targets), extended
// replies `["ctl"|"sendfile", args]` (§3.6). Every send goes through one ordered queue (send-queue.ts).
//
// Slow joiner: a PUB drops what it publishes before the SUB's subscription reaches it, so a reply sent right
// after connecting can vanish. `await conn.ready()` waits until the PUB has shaken hands with mongrel2 plus a
// short settle time (or gives up waiting after `readyTimeoutMs`, e.g. when mongrel2 is not running yet). The
// window reopens briefly if mongrel2 restarts and the PUB reconnects. The PUB is set to noDrop, so when ZeroMQ's
// queue to a slow mongrel2 is full, sends wait in the queue instead of being silently dropped.
import { encodeExtendedReply, encodeHandlerReply, encodeWebSocketFrame, type TnsValue } from '@m2/shared';
import { Publisher, Pull } from 'zeromq';
import { httpResponse, toBuffer, websocketHandshakeResponse, type Body, type HttpHeaders, type HttpReplyOptions } from './reply-builders.js';
import { Request, WsOpcode } from './request.js';
import { SendQueue } from './send-queue.js';

/** ZMQ_IDENTITY (ZMQ_ROUTING_ID). */
const ZMQ_IDENTITY = 5;

/** A connection id as mongrel2 sends it (a decimal string) or as a number. */
export type ConnId = string | number;

/** Tuning for a Connection; every field has a sensible default. */
export interface ConnectionOptions {
  /** Quiet time after the PUB's handshake before `ready()` resolves (default 100 ms). */
  settleMs?: number;
  /** The longest `ready()` waits for a handshake before resolving anyway (default 2000 ms). */
  readyTimeoutMs?: number;
  /** Ids per reply message; mongrel2 rejects more than its limits.handler_targets (default 128). */
  maxTargets?: number;
  /** Messages ZeroMQ queues for mongrel2 before sends wait (default 10000); nothing is dropped. */
  sendHighWaterMark?: number;
  /** How long unsent messages may delay `shutdown()` (default 1000 ms). */
  lingerMs?: number;
  /** Where send failures and undecodable requests are reported (default: stderr). */
  onError?: (e: Error) => void;
}

/** The keys of a `["ctl", {...}]` extended reply: refresh the idle timer, grant upload credits, drop the client. */
export interface CtlArgs {
  'keep-alive'?: boolean;
  credits?: number;
  cancel?: boolean;
}

/** The sockets to one mongrel2 handler endpoint pair: receive requests, send replies. */
export class Connection {
  private readonly pull: Pull;
  private readonly pub: Publisher;
  private readonly queue: SendQueue;
  private readonly maxTargets: number;
  private readonly onError: (e: Error) => void;
  private readonly shaken: Promise<void>;
  private recvChain: Promise<unknown> = Promise.resolve();
  private down = false;

  /** Connects a PULL to `pullSpec` (mongrel2's send_spec) and a PUB to `pubSpec` (its recv_spec). */
  constructor(
    readonly senderId: string,
    readonly pullSpec: string,
    readonly pubSpec: string,
    private readonly opts: ConnectionOptions = {},
  ) {
    this.maxTargets = opts.maxTargets ?? 128;
    this.onError = opts.onError ?? ((e) => process.stderr.write(`handler-lib: ${e.message}\n`));
    this.pull = new Pull({ linger: 0 });
    this.pub = new Publisher({ linger: opts.lingerMs ?? 1000, sendHighWaterMark: opts.sendHighWaterMark ?? 10000, noDrop: true });
    if (senderId !== '') (this.pub as unknown as { setStringOption(o: number, v: string): void }).setStringOption(ZMQ_IDENTITY, senderId);
    this.shaken = new Promise((resolve) => this.pub.events.on('handshake', () => resolve()));
    this.pull.connect(pullSpec);
    this.pub.connect(pubSpec);
    this.queue = new SendQueue(this.pub, this.onError);
  }

  /** Resolves when replies will reach mongrel2: after the PUB's handshake plus `settleMs`, or after `readyTimeoutMs`. */
  async ready(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, this.opts.readyTimeoutMs ?? 2000)));
    const settled = this.shaken.then(() => new Promise<void>((r) => setTimeout(r, this.opts.settleMs ?? 100)));
    await Promise.race([settled, timeout]);
    clearTimeout(timer);
  }

  /** Whether `shutdown()` has been called. */
  get closed(): boolean {
    return this.down;
  }

  /** Receives the next request; rejects on a malformed message (or once the connection is shut down). */
  async recv(): Promise<Request> {
    return Request.parse(await this.nextRaw());
  }

  /** The next raw message; receives are chained because zeromq.js allows one receive() in flight per socket. */
  private nextRaw(): Promise<Buffer> {
    const next = this.recvChain.then(async () => {
      const frames = await this.pull.receive();
      return frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    });
    this.recvChain = next.catch(() => undefined);
    return next;
  }

  /** Yields requests until `shutdown()`; malformed messages are reported to `onError` and skipped. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Request, void, undefined> {
    while (!this.down) {
      let raw: Buffer;
      try {
        raw = await this.nextRaw();
      } catch (e) {
        if (this.down) return;
        throw e;
      }
      try {
        yield Request.parse(raw);
      } catch (e) {
        this.onError(new Error(`skipped a malformed request: ${(e as Error).message}`));
      }
    }
  }

  /** Sends `body` to the given ids of one server, split into messages of at most `maxTargets` ids. */
  deliver(uuid: string, ids: readonly ConnId[], body: Body): void {
    const bytes = toBuffer(body);
    this.enqueue(ids, (chunk) => encodeHandlerReply(uuid, chunk, bytes));
  }

  /** Encodes one message per chunk of at most `maxTargets` ids (all or none: encoding errors throw first), then queues them. */
  private enqueue(ids: readonly ConnId[], encode: (chunk: readonly ConnId[]) => Uint8Array): void {
    if (this.down) throw new Error('the connection is shut down; nothing more can be sent');
    const msgs: Buffer[] = [];
    for (let i = 0; i < ids.length; i += this.maxTargets) msgs.push(toBuffer(encode(ids.slice(i, i + this.maxTargets))));
    for (const msg of msgs) this.queue.push(msg);
  }

  /** Sends `body` (raw bytes, written to the client as they are) to the request's connection. */
  reply(req: Request, body: Body): void {
    this.deliver(req.sender, [req.connId], body);
  }

  /** Replies with `JSON.stringify(data)`. */
  replyJson(req: Request, data: unknown): void {
    this.reply(req, JSON.stringify(data));
  }

  /** Delivers `JSON.stringify(data)` to many ids. */
  deliverJson(uuid: string, ids: readonly ConnId[], data: unknown): void {
    this.deliver(uuid, ids, JSON.stringify(data));
  }

  /** Replies with a whole HTTP/1.1 response: status line, headers, Content-Length, body. */
  replyHttp(req: Request, body: Body, opts: HttpReplyOptions = {}): void {
    this.reply(req, httpResponse(body, opts));
  }

  /** Delivers one HTTP/1.1 response to many waiting clients. */
  deliverHttp(uuid: string, ids: readonly ConnId[], body: Body, opts: HttpReplyOptions = {}): void {
    this.deliver(uuid, ids, httpResponse(body, opts));
  }

  /** Asks mongrel2 to close the request's connection once what was sent before is flushed (empty body). */
  close(req: Request): void {
    this.closeIds(req.sender, [req.connId]);
  }

  /** Closes many connections of one server. */
  closeIds(uuid: string, ids: readonly ConnId[]): void {
    this.deliver(uuid, ids, Buffer.alloc(0));
  }

  /** Completes a WebSocket handshake with `101 Switching Protocols`, using the accept key mongrel2 computed. */
  acceptWebSocket(req: Request, headers?: HttpHeaders): void {
    this.reply(req, websocketHandshakeResponse(req.text(), headers));
  }

  /** Sends one unmasked WebSocket frame (FIN set) to the request's connection. */
  replyWebSocket(req: Request, payload: Body, opcode: number = WsOpcode.TEXT): void {
    this.deliverWebSocket(req.sender, [req.connId], payload, opcode);
  }

  /** Sends one unmasked WebSocket frame to many connections. */
  deliverWebSocket(uuid: string, ids: readonly ConnId[], payload: Body, opcode: number = WsOpcode.TEXT): void {
    this.deliver(uuid, ids, encodeWebSocketFrame(opcode, toBuffer(payload)));
  }

  /** Sends an extended reply `["name", args]` to many connections (mongrel2 dispatches it by name). */
  extended(uuid: string, ids: readonly ConnId[], name: string, args: TnsValue): void {
    this.enqueue(ids, (chunk) => encodeExtendedReply(uuid, chunk, name, args));
  }

  /** Sends `["ctl", {...}]`: `keep-alive` refreshes the idle timer, `credits` grants upload bytes, `cancel` drops the client. */
  ctl(req: Request, args: CtlArgs): void {
    const dict = new Map<string, TnsValue>();
    if (args['keep-alive']) dict.set('keep-alive', true);
    if (args.credits !== undefined) dict.set('credits', Math.trunc(args.credits));
    if (args.cancel) dict.set('cancel', true);
    this.extended(req.sender, [req.connId], 'ctl', dict);
  }

  /** Asks mongrel2's sendfile plugin to stream `path` (relative to mongrel2's directory) after the headers you sent. */
  sendfile(req: Request, path: string): void {
    this.extended(req.sender, [req.connId], 'sendfile', path);
  }

  /** Resolves once every queued reply has been handed to ZeroMQ; rejects if a send failed since the last flush. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Refuses further sends, sends what is queued (waiting at most `lingerMs`), then closes both sockets. */
  async shutdown(): Promise<void> {
    if (this.down) return;
    this.down = true;
    const linger = this.opts.lingerMs ?? 1000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.queue.flush().catch(() => undefined),
      new Promise<void>((r) => (timer = setTimeout(r, linger))),
    ]);
    clearTimeout(timer);
    this.queue.stop();
    this.pull.close();
    this.pub.close();
  }
}
