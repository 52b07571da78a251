// One handler's pair of ZeroMQ sockets (src/handler.c: Handler_send_create, Handler_recv_create, Handler_task):
// a PUSH bound at send_spec carrying requests out (identity send_ident), and a SUB bound at recv_spec,
// subscribed to recv_ident, carrying replies in. Binds are retried 10 times, a second apart. Sends never wait
// on the hot path: a message goes straight into ZeroMQ's queue while the socket is writable, and only when it
// is not (no handler connected yet, or the high-water mark reached) does it wait in a JavaScript queue — so a
// request pushed while no handler runs is delivered when one connects. tcp:// (literal address or `*`) and
// ipc:// endpoints are spoken natively as ZMTP 3.0 (zmtp/): zeromq.js's cost per message capped the handler round
// trip below the C server's (issue 4); other transports keep zeromq.js.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Push, Subscriber, type Context } from 'zeromq';
import type { HandlerTarget } from '../config/server-config.js';
import { ipcPath, resolveServerEndpoint } from '../process/endpoint.js';
import { ZmtpPush, ZmtpSub, listenAddressOf } from './zmtp/sockets.js';

/** ZMQ_IDENTITY / ZMQ_ROUTING_ID. */
const ZMQ_ROUTING_ID = 5;
/** How many times a bind is tried, a second apart (Handler_send_create / Handler_recv_create). */
const BIND_ATTEMPTS = 10;

/** What a channel needs from the server. */
export interface ChannelHost {
  /** Called with every message that arrives on the SUB socket. */
  onReply(channel: HandlerChannel, msg: Buffer): void;
  log: { error(m: string): void; info(m: string): void; warn(m: string): void };
}

/** Makes an endpoint absolute for the server (process/endpoint.ts) and creates an ipc socket's directory. */
export function prepareEndpoint(spec: string, root: string, chrooted: boolean): string {
  const endpoint = resolveServerEndpoint(spec, root, chrooted);
  const path = ipcPath(endpoint);
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
  return endpoint;
}

/** The key two handler rows share their sockets by (Config_push_unique_handler: same send_spec and recv_spec). */
export function channelKey(t: HandlerTarget): string {
  return `${t.sendSpec}\u0000${t.recvSpec}`;
}

async function bindWithRetries(bind: () => Promise<void>, what: string, host: ChannelHost, stopped: () => boolean, failed: (m: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= BIND_ATTEMPTS && !stopped(); attempt++) {
    try {
      await bind();
      return true;
    } catch (e) {
      failed(`${what}: ${(e as Error).message}`);
      host.log.error(`Failed to bind ${what} (attempt ${attempt}/${BIND_ATTEMPTS}): ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  host.log.error(`Too many bind attempts for ${what}, giving up on this handler.`);
  return false;
}

/** A handler's sockets, its send queue and its receive loop. */
export class HandlerChannel {
  private readonly push: Push | ZmtpPush;
  private readonly sub: Subscriber | ZmtpSub;
  private readonly queue: Buffer[] = [];
  private draining = false;
  private stopped = false;
  /** Whether both sockets are bound. */
  ready = false;
  /** Whether start() has finished (bound, or given up). */
  settled = false;
  /** The latest bind failure ('' when none). */
  bindError = '';

  constructor(readonly target: HandlerTarget, private readonly host: ChannelHost, private readonly root: string, private readonly chrooted: boolean, context?: Context) {
    const native = (spec: string) => listenAddressOf(resolveServerEndpoint(spec, root, chrooted)) !== null;
    if (native(target.sendSpec)) this.push = new ZmtpPush(target.sendIdent);
    else {
      this.push = new Push({ linger: 0, sendHighWaterMark: 10000, ...(context ? { context } : {}) });
      // Mongrel2 sets ZMQ_IDENTITY on its PUSH; zeromq.js keeps the option setter protected.
      if (target.sendIdent !== '') (this.push as unknown as { setStringOption(o: number, v: string): void }).setStringOption(ZMQ_ROUTING_ID, target.sendIdent);
    }
    if (native(target.recvSpec)) {
      this.sub = new ZmtpSub();
      this.sub.onReceive = (frames) => this.received(frames);
    } else this.sub = new Subscriber({ linger: 0, receiveHighWaterMark: 10000, ...(context ? { context } : {}) });
    this.sub.subscribe(target.recvIdent);
  }

  /** Binds both sockets (with retries) and starts reading replies. */
  async start(): Promise<void> {
    const t = this.target;
    const send = prepareEndpoint(t.sendSpec, this.root, this.chrooted);
    const recv = prepareEndpoint(t.recvSpec, this.root, this.chrooted);
    const failed = (m: string) => { this.bindError = m; };
    const push = this.push, sub = this.sub;
    const okSend = await bindWithRetries(() => push.bind(send), `handler send_spec ${t.sendSpec}`, this.host, () => this.stopped, failed);
    const okRecv = await bindWithRetries(() => sub.bind(recv), `handler recv_spec ${t.recvSpec}`, this.host, () => this.stopped, failed);
    this.ready = okSend && okRecv;
    this.settled = true;
    if (this.ready) this.bindError = '';
    if (okRecv && sub instanceof Subscriber) void this.receiveLoop(sub);
    this.drain();
  }

  private received(frames: Buffer[]): void {
    const msg = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    try {
      this.host.onReply(this, msg);
    } catch (e) {
      this.host.log.error(`handler ${this.target.sendIdent}: reply failed: ${(e as Error).message}`);
    }
  }

  private async receiveLoop(sub: Subscriber): Promise<void> {
    try {
      for await (const frames of sub) this.received(frames);
    } catch (e) {
      if (!this.stopped) this.host.log.error(`handler ${this.target.recvSpec} receive loop ended: ${(e as Error).message}`);
    }
  }

  /** Sends one request message; never blocks the caller, never reorders messages. */
  send(msg: Buffer | Uint8Array): void {
    if (this.stopped) return;
    const buf = Buffer.isBuffer(msg) ? msg : Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength);
    if (this.push instanceof ZmtpPush) {
      // Kept by the socket until a handler connects; written at the end of this tick otherwise.
      this.push.send(buf);
      return;
    }
    if (this.draining || this.queue.length > 0 || !this.ready) {
      this.queue.push(buf);
      this.drain();
      return;
    }
    try {
      // Queued by ZeroMQ at once when it can be; otherwise this promise stays pending (no handler connected,
      // or the high-water mark reached) and the next send throws EBUSY, which sends us to the queue.
      this.lastSend = this.push.send(buf);
      this.lastSend.catch(this.onSendError);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EBUSY') throw e;
      this.queue.push(buf);
      this.drain();
    }
  }

  private lastSend: Promise<void> = Promise.resolve();
  private readonly onSendError = (e: Error): void => {
    if (!this.stopped) this.host.log.error(`handler send failed: ${e.message}`);
  };

  /** How many messages wait for a handler to take them. */
  get queued(): number {
    return this.push instanceof ZmtpPush ? this.push.queued : this.queue.length;
  }

  private drain(): void {
    const push = this.push;
    if (push instanceof ZmtpPush || this.draining || this.queue.length === 0 || !this.ready) return;
    this.draining = true;
    void (async () => {
      try {
        await this.lastSend.catch(() => undefined);
        while (this.queue.length > 0 && !this.stopped) {
          this.lastSend = push.send(this.queue[0]!);
          await this.lastSend;
          this.queue.shift();
        }
      } catch (e) {
        if (!this.stopped) this.host.log.error(`handler send queue stopped: ${(e as Error).message}`);
      } finally {
        this.draining = false;
      }
    })();
  }

  /** Closes both sockets. */
  close(): void {
    this.stopped = true;
    this.push.close();
    this.sub.close();
  }
}
