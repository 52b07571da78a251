// The server's two handler sockets spoken as ZMTP 3.0 over node:net (tcp:// and ipc://): a bound PUSH that deals
// requests round-robin to the handlers connected to it and keeps them while none is (so a request sent with no
// handler running is delivered when one connects, as with libzmq), and a bound SUB that subscribes every
// publisher that connects to its prefix and hands whole messages to a callback. Other transports stay with
// zeromq.js (handler-channel.ts decides).
import { createServer, type Server } from 'node:net';
import { lstatSync, unlinkSync } from 'node:fs';
import { ZmtpPeer } from './peer.js';

/** Where to listen: a TCP address or a Unix socket path; null for what this transport does not speak. */
export type ListenAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'ipc'; path: string };

/** The listen address of a ZeroMQ endpoint we speak natively (tcp with a literal address or `*`, ipc paths). */
export function listenAddressOf(endpoint: string): ListenAddress | null {
  if (endpoint.startsWith('ipc://')) {
    const path = endpoint.slice('ipc://'.length);
    return path === '' || path.startsWith('@') ? null : { kind: 'ipc', path };
  }
  const m = /^tcp:\/\/(\*|localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(endpoint);
  if (!m) return null;
  // libzmq binds `*` and `localhost` on IPv4 unless ZMQ_IPV6 is set (Mongrel2 never sets it).
  const host = m[1] === '*' ? '0.0.0.0' : m[1] === 'localhost' ? '127.0.0.1' : m[1]!.startsWith('[') ? m[1]!.slice(1, -1) : m[1]!;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { kind: 'tcp', host, port } : null;
}

/** A listening socket that accepts ZMTP peers of the given types. */
abstract class ZmtpBound {
  /** The peers whose handshake is over, in the order they finished it (a closed one leaves at once). */
  protected peers: ZmtpPeer[] = [];
  private server: Server | null = null;
  private ipcPath: string | null = null;
  closed = false;

  constructor(private readonly props: Record<string, string>, private readonly peerTypes: readonly string[]) {}

  /** Listens at `endpoint` (rejects with the system's message, e.g. "listen EADDRINUSE ..."). */
  bind(endpoint: string): Promise<void> {
    const at = listenAddressOf(endpoint);
    if (!at) return Promise.reject(new Error(`endpoint ${endpoint} is not spoken natively`));
    const server = createServer((sock) => {
      if (this.closed) return void sock.destroy();
      new ZmtpPeer(sock, this.props, this.peerTypes, {
        ready: (p) => { this.peers.push(p); this.onPeerReady(p); },
        message: (frames) => this.onMessage(frames),
        closed: (p) => { this.peers = this.peers.filter((x) => x !== p); },
      });
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      const listening = () => {
        server.off('error', reject);
        this.server = server;
        resolve();
      };
      if (at.kind === 'ipc') {
        removeStaleSocket(at.path);
        this.ipcPath = at.path;
        server.listen(at.path, listening);
      } else server.listen(at.port, at.host, listening);
    });
  }

  /** Stops listening and drops every peer. */
  close(): void {
    this.closed = true;
    this.server?.close();
    for (const p of this.peers) p.close();
    this.peers = [];
    if (this.ipcPath) removeStaleSocket(this.ipcPath);
  }

  protected abstract onPeerReady(peer: ZmtpPeer): void;
  protected abstract onMessage(frames: Buffer[]): void;
}

function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    /* not there */
  }
}

/** A bound PUSH: round-robin over ready PULL peers (skipping backed-up ones while another can take it). */
export class ZmtpPush extends ZmtpBound {
  private readonly waiting: Buffer[] = [];
  private next = 0;

  constructor(identity: string) {
    super(identity ? { 'Socket-Type': 'PUSH', Identity: identity } : { 'Socket-Type': 'PUSH' }, ['PULL']);
  }

  /** Sends one single-frame message, or keeps it until a handler connects. */
  send(msg: Buffer): void {
    if (this.closed) return;
    const peer = this.pick();
    if (peer) peer.send(msg);
    else this.waiting.push(msg);
  }

  /** Messages kept for want of a connected handler. */
  get queued(): number {
    return this.waiting.length;
  }

  private pick(): ZmtpPeer | null {
    const n = this.peers.length;
    if (n === 0) return null;
    for (let i = 0; i < n; i++) {
      const p = this.peers[(this.next + i) % n]!;
      if (!p.backedUp || i === n - 1) {
        this.next = (this.next + i + 1) % n;
        return p;
      }
    }
    return null;
  }

  protected onPeerReady(): void {
    while (this.waiting.length > 0) {
      const p = this.pick();
      if (!p) return;
      p.send(this.waiting.shift()!);
    }
  }

  protected onMessage(): void {
    /* a PULL peer sends nothing */
  }
}

/** A bound SUB: every PUB peer is sent our subscription; whole messages go to `onReceive`. */
export class ZmtpSub extends ZmtpBound {
  private readonly prefixes: Buffer[] = [];
  /** Called with every message whose first frame starts with a subscribed prefix. */
  onReceive: (frames: Buffer[]) => void = () => undefined;

  constructor() {
    super({ 'Socket-Type': 'SUB' }, ['PUB', 'XPUB']);
  }

  /** Subscribes to messages starting with `prefix` ('' = all). */
  subscribe(prefix: string): void {
    const p = Buffer.from(prefix, 'utf8');
    this.prefixes.push(p);
    for (const peer of this.peers) peer.send(subscription(p));
  }

  protected onPeerReady(peer: ZmtpPeer): void {
    for (const p of this.prefixes) peer.send(subscription(p));
  }

  protected onMessage(frames: Buffer[]): void {
    const first = frames[0]!;
    if (this.prefixes.some((p) => p.length === 0 || (first.length >= p.length && first.compare(p, 0, p.length, 0, p.length) === 0))) this.onReceive(frames);
  }
}

// ZMTP 3.0 subscriptions are messages: 0x01 then the prefix (libzmq's PUB still takes them from 3.1 peers).
function subscription(prefix: Buffer): Buffer {
  return Buffer.concat([Buffer.from([1]), prefix]);
}
