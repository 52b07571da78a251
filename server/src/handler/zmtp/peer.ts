// One ZMTP 3.0 connection (RFC 23/ZMTP) accepted by a bound handler socket: the greeting, the NULL mechanism's
// READY exchange with its socket-type check, then messages. Messages sent during one turn of the event loop are
// kept and leave together in one write — at the turn's check phase (setImmediate), or when 32 have gathered:
// small ones are copied, head and body, into one buffer (cheaper than a stream write per frame part), large ones
// are written as they are. The requests of many clients thus cost one syscall instead of one each (write
// syscalls were most of the server's time on the handler path).
import type { Socket } from 'node:net';
import {
  FLAG_COMMAND, FLAG_MORE, FrameReader, GREETING_LENGTH, checkGreeting, decodeCommand, decodeMetadata, encodeFrameHead,
  encodeGreeting, encodeReady, frameHeadLength, writeFrameHead,
} from './codec.js';

/** Bodies up to this size are copied into the turn's outgoing buffer; larger ones are written without a copy. */
const COPY_LIMIT = 16 * 1024;

/** A turn's messages leave at least every this many, so a handler starts on the first ones while the server is
 *  still reading the rest of a burst. Chosen by `npm run bench` (50 clients, a libzmq handler), ours/C req/s
 *  averaged over six interleaved runs each: no cap 1.00–1.02, 8 → 1.14, 16 → 1.10, 32 → 1.19–1.22 (2 was worst
 *  of all in an earlier set): smaller caps cost more syscalls and handler wake-ups than they save in waiting. */
const FLUSH_EVERY = 32;

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
  /** Message bodies sent this turn, and the bytes they take with their frame heads. */
  private outgoing: Uint8Array[] = [];
  private outgoingBytes = 0;
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

  /** Sends a one-frame message (at the end of this turn of the event loop, in order). */
  send(body: Uint8Array): void {
    if (this.outgoing.length === 0) setImmediate(this.flush);
    this.outgoing.push(body);
    this.outgoingBytes += frameHeadLength(body.length) + body.length;
    if (this.outgoing.length >= FLUSH_EVERY) this.flush();
  }

  /** Closes the connection. */
  close(): void {
    this.socket.destroy();
  }

  /** Writes the turn's messages: runs of small ones as one copied buffer, large ones as head + body. */
  private readonly flush = (): void => {
    const bodies = this.outgoing;
    const total = this.outgoingBytes;
    this.outgoing = [];
    this.outgoingBytes = 0;
    if (this.done || bodies.length === 0) return;
    const socket = this.socket;
    let run = Buffer.allocUnsafe(Math.min(total, 64 * 1024));
    let start = 0;
    let at = 0;
    // What is handed to the socket stays untouched: later messages go after it, or into a new buffer.
    const spill = () => {
      if (at > start) socket.write(run.subarray(start, at));
      start = at;
    };
    socket.cork();
    for (const body of bodies) {
      const n = body.length;
      if (n > COPY_LIMIT) {
        spill();
        socket.write(encodeFrameHead(n, 0));
        socket.write(body);
        continue;
      }
      if (at + 9 + n > run.length) {
        spill();
        run = Buffer.allocUnsafe(Math.max(run.length, 9 + n));
        start = at = 0;
      }
      at = writeFrameHead(run, at, n, 0);
      run.set(body, at);
      at += n;
    }
    spill();
    socket.uncork();
  };

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
