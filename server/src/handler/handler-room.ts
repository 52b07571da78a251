// The handlers of a running server: one channel per distinct handler (shared by every route whose handler row
// has the same send_spec and recv_spec, as Config_push_unique_handler shares them), the connection-id registry
// (src/register.c: ids from 1, assigned the first time a connection talks to a handler), and the delivery of
// handler replies to connections (Handler_task, §3.4): raw bytes to HTTP and WebSocket clients, base64 to JSON
// and XML socket clients unless raw_payload, an empty body closes after flushing, an unknown id earns the
// handler a disconnect notice, extended replies (`X` ids) carry `ctl` and `sendfile` requests.
import { Context } from 'zeromq';
import { encodeDisconnect, parseExtendedBody, parseHandlerReply, type TnsDict } from '@m2/shared';
import type { HandlerTarget } from '../config/server-config.js';
import type { World } from '../world.js';
import { channelKey, HandlerChannel, type ChannelHost } from './handler-channel.js';

/** What the room needs from a connection a handler answers. */
export interface HandlerClient {
  /** The connection's handler id (assigned by register). */
  readonly handlerId: number;
  /** The handler this connection last sent a request to (disconnect notices go there). */
  handler: HandlerChannel | null;
  /** A message's body for this client: raw for HTTP/WebSocket, base64 for JSON/XML sockets. */
  deliver(body: Buffer, channel: HandlerChannel): void;
  /** The handler asked to close (empty body): flush what is queued, then close, without a disconnect notice. */
  closeFromHandler(): void;
  /** `ctl` keep-alive: count as activity for the idle sweep. */
  touch(): void;
  /** `ctl` cancel, or a protocol violation: close now, without a disconnect notice. */
  cancel(): void;
  /** `sendfile` extended reply: stream a file from the server's directory after what is queued. */
  sendfile(path: string): void;
  /** `ctl` credits: more bytes of an upload stream may be read. */
  credit(bytes: number): void;
}

/** The server's handler sockets and the id → connection registry. */
export class HandlerRoom implements ChannelHost {
  private channels = new Map<string, HandlerChannel>();
  /** channelFor's answers by handler row object (rebuilt with the channels on every apply). */
  private byTarget = new WeakMap<HandlerTarget, HandlerChannel | undefined>();
  private readonly clients = new Map<number, HandlerClient>();
  private nextId = 1;
  private maxTargets = 128;
  /** The ZeroMQ context of the handler sockets, with zeromq.threads IO threads (fixed at the first apply). */
  private context: Context | null = null;

  constructor(readonly log: ChannelHost['log'], private readonly root: string, private readonly chrooted: boolean) {}

  /** Opens the channels `world` needs, keeps the unchanged ones, closes the ones it no longer has. */
  apply(world: World): void {
    this.maxTargets = world.config.settings.int('limits.handler_targets');
    if (!this.context) {
      const threads = Math.max(1, world.config.settings.int('zeromq.threads'));
      if (threads > 1) this.log.warn(`zeromq.threads=${threads}: more than one IO thread rarely helps (Server_init)`);
      this.context = new Context({ ioThreads: threads });
    }
    const wanted = new Map<string, HandlerTarget>();
    for (const h of world.config.hosts) {
      for (const r of h.routes) {
        if (r.target.kind !== 'handler') continue;
        const key = channelKey(r.target);
        const seen = wanted.get(key);
        if (seen && (seen.sendIdent !== r.target.sendIdent || seen.recvIdent !== r.target.recvIdent)) {
          this.log.warn(`You have two handlers with the same send_spec/recv_spec: ${r.target.sendSpec} ${r.target.recvSpec}`);
        }
        if (!seen) wanted.set(key, r.target);
      }
    }
    const next = new Map<string, HandlerChannel>();
    for (const [key, target] of wanted) {
      const old = this.channels.get(key);
      if (old && old.target.sendIdent === target.sendIdent && old.target.recvIdent === target.recvIdent) {
        next.set(key, old);
      } else {
        old?.close();
        const ch = new HandlerChannel(target, this, this.root, this.chrooted, this.context ?? undefined);
        void ch.start();
        next.set(key, ch);
      }
    }
    for (const [key, ch] of this.channels) if (!next.has(key)) ch.close();
    this.channels = next;
    this.byTarget = new WeakMap();
  }

  /** Each channel's state: bound, still binding, or failing with the latest bind error. */
  channelStates(): { sendSpec: string; recvSpec: string; state: 'bound' | 'binding' | 'failing'; error: string }[] {
    return [...this.channels.values()].map((ch) => ({
      sendSpec: ch.target.sendSpec,
      recvSpec: ch.target.recvSpec,
      state: ch.ready ? 'bound' : ch.bindError !== '' ? 'failing' : 'binding',
      error: ch.bindError,
    }));
  }

  /** The channel serving a handler row. */
  channelFor(target: HandlerTarget): HandlerChannel | undefined {
    if (this.byTarget.has(target)) return this.byTarget.get(target);
    const ch = this.channels.get(channelKey(target));
    this.byTarget.set(target, ch);
    return ch;
  }

  /** Gives a connection its id the first time it talks to a handler. */
  register(client: HandlerClient): number {
    const id = this.nextId++;
    this.clients.set(id, client);
    return id;
  }

  /** Forgets a closed connection; tells its handler when it was the client that left. */
  unregister(id: number, notify: HandlerChannel | null): void {
    this.clients.delete(id);
    if (notify) notify.send(encodeDisconnect(notify.target.sender, id, notify.target.protocol));
  }

  /** The connection with this id, if it is open. */
  client(id: number): HandlerClient | undefined {
    return this.clients.get(id);
  }

  /** Handles one message from a handler's SUB socket. */
  onReply(channel: HandlerChannel, msg: Buffer): void {
    const r = parseHandlerReply(msg, this.maxTargets);
    if (!r.ok) {
      this.log.warn(`Skipped invalid message from handler ${channel.target.recvSpec}: ${r.reason}`);
      return;
    }
    const body = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength);
    let ext: { name: string; args: unknown } | null = null;
    if (r.extended) {
      const p = parseExtendedBody(r.body);
      if (!p.ok) {
        this.log.warn(`Invalid extended reply from handler: ${p.reason}`);
        return;
      }
      ext = p;
    }
    for (const idText of r.ids) {
      const id = Number(idText);
      const client = this.clients.get(id);
      if (!client) {
        const cancel = ext?.name === 'ctl' && ext.args instanceof Map && (ext.args as TnsDict).has('cancel');
        if (!cancel) channel.send(encodeDisconnect(channel.target.sender, id, channel.target.protocol));
        continue;
      }
      if (ext) this.extended(client, ext.name, ext.args);
      else if (body.length === 0) client.closeFromHandler();
      else client.deliver(body, channel);
    }
  }

  private extended(client: HandlerClient, name: string, args: unknown): void {
    if (name === 'ctl' && args instanceof Map) {
      const a = args as TnsDict;
      if (a.has('keep-alive')) client.touch();
      const credits = a.get('credits');
      if (typeof credits === 'number') client.credit(credits);
      if (a.has('cancel')) client.cancel();
      return;
    }
    if (name === 'sendfile' && typeof args === 'string') {
      client.sendfile(args);
      return;
    }
    this.log.warn(`Unknown extended request '${name}' from a handler; disconnecting client ${client.handlerId}`);
    client.cancel();
  }

  /** Closes every channel. */
  close(): void {
    for (const ch of this.channels.values()) ch.close();
    this.channels.clear();
    this.byTarget = new WeakMap();
  }
}
