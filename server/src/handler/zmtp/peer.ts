// One ZMTP 3.0 connection (RFC 23/ZMTP) accepted by a bound handler socket: the greeting, the NULL mechanism's
// READY exchange with its socket-type check, then messages. Writes are corked until the event loop's check phase
// (setImmediate), so the requests of every client read in one poll phase leave in one writev instead of one
// syscall each (write syscalls were most of the server's time on the handler path).
import type { Socket } from 'node:net';
import {
  FLAG_COMMAND, FLAG_MORE, FrameReader, GREETING_LENGTH, checkGreeting, decodeCommand, decodeMetadata, encodeFrameHead,
  encodeGreeting, encodeReady,
} from './codec.js';

/** What a peer tells its socket. */
export interface PeerEvents {
  ready(peer: ZmtpPeer): void;
  message(frames: Buffer[]): void;
  closed(peer: ZmtpPeer, why: string | null): void;
}

/** One accepted connection speaking ZMTP 3. */
export class ZmtpPeer {
  private greeting: Buffer | null = Buffer.alloc(0);
  private readonly reader = new FrameReader();
  private handshaken = false;
  private parts: Buffer[] = [];
  private corked = false;
  private done = false;

  constructor(
    readonly socket: Socket,
    private readonly props: Record<string, string>,
    private readonly peerTypes: readonly string[],
    private readonly events: PeerEvents,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (e) => this.end(e.message));
    socket.on('close', () => this.end(null));
    socket.write(encodeGreeting());
  }

  /** Whether the socket's buffer is over its high-water mark (a slow peer). */
  get backedUp(): boolean {
    return this.socket.writableNeedDrain;
  }

  /** Sends a one-frame message. */
  send(body: Uint8Array): void {
    this.cork();
    this.socket.write(encodeFrameHead(body.length, 0));
    if (body.length > 0) this.socket.write(body);
  }

  /** Closes the connection. */
  close(): void {
    this.socket.destroy();
  }

  private cork(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket.cork();
    setImmediate(() => {
      this.corked = false;
      this.socket.uncork();
    });
  }

  private end(why: string | null): void {
    if (this.done) return;
    this.done = true;
    this.socket.destroy();
    this.events.closed(this, why);
  }

  private onData(d: Buffer): void {
    if (this.greeting) {
      this.greeting = Buffer.concat([this.greeting, d]);
      if (this.greeting.length < GREETING_LENGTH) {
        // A peer that is not ZMTP 3 gives itself away in the first 10 bytes; stop there rather than wait.
        if (this.greeting.length >= 10 && (this.greeting[0] !== 0xff || this.greeting[9] !== 0x7f)) this.end('not a ZMTP 3 peer');
        return;
      }
      const check = checkGreeting(this.greeting);
      if (!check.ok) return this.end(check.problem);
      d = this.greeting.subarray(GREETING_LENGTH);
      this.greeting = null;
      this.socket.write(encodeReady(this.props));
      if (d.length === 0) return;
    }
    const frames = this.reader.push(d);
    if (frames instanceof Error) return this.end(frames.message);
    for (const f of frames) {
      if (f.flags & FLAG_COMMAND) {
        if (!this.handshaken) this.onHandshake(f.body);
        continue; // PING and other ZMTP 3.1 commands: none is asked for in a 3.0 session
      }
      if (!this.handshaken) return this.end('a message before READY');
      this.parts.push(f.body);
      if (!(f.flags & FLAG_MORE)) {
        const msg = this.parts;
        this.parts = [];
        this.events.message(msg);
      }
      if (this.done) return;
    }
  }

  private onHandshake(body: Buffer): void {
    const cmd = decodeCommand(body);
    if (!cmd || cmd.name !== 'READY') return this.end(`expected READY, got ${cmd?.name ?? 'a malformed command'}`);
    const meta = decodeMetadata(cmd.data);
    const type = (meta?.['socket-type'] ?? '').toUpperCase();
    if (!this.peerTypes.includes(type)) return this.end(`a ${type || 'untyped'} peer cannot talk to a ${this.props['Socket-Type']}`);
    this.handshaken = true;
    this.events.ready(this);
  }
}
