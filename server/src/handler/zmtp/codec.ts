// ZMTP 3.0 (RFC 23/ZMTP, https://rfc.zeromq.org/spec/23/) as pure functions: the 64-byte greeting, the NULL
// mechanism's READY command with its metadata, and the frame encoding; `FrameReader` turns a byte stream into
// frames without copying a frame that arrives whole. The server speaks it directly on its handler sockets
// (zmtp/sockets.ts) because zeromq.js's per-message cost capped the handler round trip (issue 4).

/** Frame flag: more frames follow in this message. */
export const FLAG_MORE = 0x01;
/** Frame flag: an 8-byte size follows (else 1 byte). */
export const FLAG_LONG = 0x02;
/** Frame flag: a command, not a message frame. */
export const FLAG_COMMAND = 0x04;

/** The greeting's length. */
export const GREETING_LENGTH = 64;

/** Our greeting: signature, version 3.0, mechanism NULL, as-server 0. */
export function encodeGreeting(): Buffer {
  const g = Buffer.alloc(GREETING_LENGTH);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3;
  g[11] = 0;
  g.write('NULL', 12, 'latin1');
  return g;
}

/** A peer's greeting, or why it is refused. */
export type GreetingCheck = { ok: true; major: number; minor: number } | { ok: false; problem: string };

/** Checks a peer's 64-byte greeting: ZMTP 3.x with the NULL mechanism. */
export function checkGreeting(g: Uint8Array): GreetingCheck {
  if (g.length < GREETING_LENGTH) return { ok: false, problem: `greeting is ${g.length} bytes, not ${GREETING_LENGTH}` };
  if (g[0] !== 0xff || g[9] !== 0x7f) return { ok: false, problem: 'not a ZMTP 3 signature' };
  const major = g[10]!, minor = g[11]!;
  if (major < 3) return { ok: false, problem: `ZMTP ${major}.${minor} peers are not supported` };
  const mechanism = Buffer.from(g.subarray(12, 32)).toString('latin1').replace(/\0+$/, '');
  if (mechanism !== 'NULL') return { ok: false, problem: `mechanism ${mechanism} is not supported (only NULL)` };
  return { ok: true, major, minor };
}

/** The length of a frame head for a body of `size` bytes: 2 (one size byte), else 9 (eight). */
export function frameHeadLength(size: number): number {
  return size < 256 ? 2 : 9;
}

/** Writes the head (flags and size) of a frame of `size` bytes into `out` at `at`; returns the offset after it. */
export function writeFrameHead(out: Buffer, at: number, size: number, flags: number): number {
  if (size < 256) {
    out[at] = flags;
    out[at + 1] = size;
    return at + 2;
  }
  out[at] = flags | FLAG_LONG;
  out.writeBigUInt64BE(BigInt(size), at + 1);
  return at + 9;
}

/** The head (flags and size) of a frame of `size` bytes. */
export function encodeFrameHead(size: number, flags: number): Buffer {
  const h = Buffer.allocUnsafe(frameHeadLength(size));
  writeFrameHead(h, 0, size, flags);
  return h;
}

/** A whole frame: head and body. */
export function encodeFrame(body: Uint8Array, flags = 0): Buffer {
  return Buffer.concat([encodeFrameHead(body.length, flags), body]);
}

/** The READY command of the NULL mechanism with its metadata (e.g. Socket-Type, Identity). */
export function encodeReady(props: Record<string, string>): Buffer {
  const parts: Buffer[] = [Buffer.from([5]), Buffer.from('READY', 'latin1')];
  for (const [name, value] of Object.entries(props)) {
    const v = Buffer.from(value, 'utf8');
    const len = Buffer.allocUnsafe(4);
    len.writeUInt32BE(v.length, 0);
    parts.push(Buffer.from([name.length]), Buffer.from(name, 'latin1'), len, v);
  }
  return encodeFrame(Buffer.concat(parts), FLAG_COMMAND);
}

/** A command's name and data. */
export function decodeCommand(body: Buffer): { name: string; data: Buffer } | null {
  if (body.length < 1 || body.length < 1 + body[0]!) return null;
  return { name: body.toString('latin1', 1, 1 + body[0]!), data: body.subarray(1 + body[0]!) };
}

/** The metadata of a READY command's data (property names lower-cased), or null when malformed. */
export function decodeMetadata(data: Buffer): Record<string, string> | null {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const nameLen = data[at]!;
    if (at + 1 + nameLen + 4 > data.length) return null;
    const name = data.toString('latin1', at + 1, at + 1 + nameLen).toLowerCase();
    const valueLen = data.readUInt32BE(at + 1 + nameLen);
    const start = at + 1 + nameLen + 4;
    if (start + valueLen > data.length) return null;
    out[name] = data.toString('utf8', start, start + valueLen);
    at = start + valueLen;
  }
  return out;
}

/** One frame read from the stream. */
export interface Frame { flags: number; body: Buffer }

/** Reads frames out of a byte stream fed in chunks of any size. */
export class FrameReader {
  private pending: Buffer | null = null;

  /** Adds a chunk; returns the frames it completed, or an error for a frame the peer may not send. */
  push(chunk: Buffer, maxSize = 256 * 1024 * 1024): Frame[] | Error {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    const frames: Frame[] = [];
    let at = 0;
    while (buf.length - at >= 2) {
      const flags = buf[at]!;
      if (flags & 0xf8) return new Error(`reserved frame flags 0x${flags.toString(16)}`);
      let size: number, head: number;
      if (flags & FLAG_LONG) {
        if (buf.length - at < 9) break;
        const big = buf.readBigUInt64BE(at + 1);
        if (big > BigInt(maxSize)) return new Error(`a ${big} byte frame is over the ${maxSize} byte limit`);
        size = Number(big);
        head = 9;
      } else {
        size = buf[at + 1]!;
        head = 2;
      }
      if (buf.length - at - head < size) break;
      frames.push({ flags, body: buf.subarray(at + head, at + head + size) });
      at += head + size;
    }
    if (at < buf.length) this.pending = Buffer.from(buf.subarray(at));
    return frames;
  }
}
