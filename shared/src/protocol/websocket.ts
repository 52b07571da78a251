// RFC 6455 framing as Mongrel2 applies it (spec §3.6; Connection_read_wspacket in src/connection.c, the checks
// of WS_validate_packet / Websocket_packet_length in src/websocket.h, websocket_make_header in src/websocket.c).
// Client frames must be masked; fragments are reassembled into one message flagged with the first fragment's
// first byte | 0x80; control frames (opcode bit 0x8) are delivered at once, even between fragments. Mongrel2
// never answers pings or closes itself: it forwards every message to the handler with a FLAGS header.
// Deliberate additions to C: reserved bits are refused unless `allowReservedBits`, and `maxMessage` bounds a
// message (C only refuses frames over INT_MAX). The handshake's accept key (SHA-1) lives in the server.

/** Opcodes of RFC 6455 §5.2. */
export const WS_OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One decoded client message, or a protocol error after which the caller closes the connection. */
export type WebSocketEvent =
  | { kind: 'message'; flags: number; payload: Uint8Array }
  | { kind: 'error'; reason: string };

/** Decoder limits; defaults suit the server side (masked client frames, C's INT_MAX message bound). */
export interface WebSocketDecoderOptions {
  /** Largest reassembled message payload, in bytes (default 2^31-1). */
  maxMessage?: number;
  /** Require the mask bit (default true; false decodes server-to-client frames too). */
  requireMask?: boolean;
  /** Accept frames with RSV1-3 set (default false; C never checks them, they pass into FLAGS). */
  allowReservedBits?: boolean;
}

/** Incremental decoder of client frames: feed socket bytes with push(), get complete messages and errors back. */
export class WebSocketDecoder {
  private readonly maxMessage: number;
  private readonly requireMask: boolean;
  private readonly allowReserved: boolean;
  private readonly head = new Uint8Array(14);
  private headLen = 0;
  private inPayload = false;
  private dead = false;
  private byte0 = 0;
  private readonly mask = new Uint8Array(4);
  private masked = false;
  private length = 0;
  private filled = 0;
  private chunks: Uint8Array[] = [];
  private fragments: Uint8Array[] | null = null;
  private fragFlags = 0;
  private fragBytes = 0;

  constructor(opts: WebSocketDecoderOptions = {}) {
    this.maxMessage = opts.maxMessage ?? 0x7fffffff;
    this.requireMask = opts.requireMask ?? true;
    this.allowReserved = opts.allowReservedBits ?? false;
  }

  /** Consumes `bytes` (any split) and returns the events they complete; after an error it ignores all input. */
  push(bytes: Uint8Array): WebSocketEvent[] {
    const events: WebSocketEvent[] = [];
    let i = 0;
    while (!this.dead && i < bytes.length) {
      if (!this.inPayload) {
        this.head[this.headLen++] = bytes[i++]!;
        const need = this.headerSize();
        if (need < 0 || this.headLen < need) continue;
        const error = this.startFrame();
        if (error !== null) {
          this.dead = true;
          events.push({ kind: 'error', reason: error });
          break;
        }
        if (this.length === 0) this.finishFrame(events);
        continue;
      }
      // Copy (unmasked) as bytes arrive rather than allocating the announced length up front.
      const take = Math.min(bytes.length - i, this.length - this.filled);
      const chunk = bytes.slice(i, i + take);
      if (this.masked) {
        const m = this.mask;
        for (let k = 0, at = this.filled; k < take; k++, at++) chunk[k] = chunk[k]! ^ m[at & 3]!;
      }
      this.chunks.push(chunk);
      this.filled += take;
      i += take;
      if (this.filled === this.length) this.finishFrame(events);
    }
    return events;
  }

  /** The header size once the second byte is in (and, for 127, before the length is read); -1 if unknown yet. */
  private headerSize(): number {
    if (this.headLen < 2) return -1;
    const b1 = this.head[1]!;
    const len7 = b1 & 0x7f;
    return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (b1 & 0x80 ? 4 : 0);
  }

  /** Validates a complete header and prepares the payload buffer; returns an error reason or null. */
  private startFrame(): string | null {
    const h = this.head;
    const b0 = h[0]!;
    const b1 = h[1]!;
    const opcode = b0 & 0x0f;
    const control = (b0 & 0x08) !== 0;
    const fin = (b0 & 0x80) !== 0;
    const continuing = this.fragments !== null;
    if (continuing && !control && opcode !== 0) return 'data frame in the middle of a fragmented message';
    if (opcode === 0 && !continuing) return 'unexpected continuation frame';
    if (this.requireMask && !(b1 & 0x80)) return 'unmasked client frame';
    if (!fin && control) return 'fragmented control frame';
    if (control && (b1 & 0x7f) >= 126) return 'control frame payload of 126 bytes or more';
    if (!this.allowReserved && (b0 & 0x70) !== 0) return 'reserved bits set without a negotiated extension';
    let len = b1 & 0x7f;
    let p = 2;
    if (len === 126) {
      len = (h[2]! << 8) | h[3]!;
      p = 4;
    } else if (len === 127) {
      if (h[2]! & 0x80) return 'frame length has its most significant bit set';
      len = (h[2]! * 0x1000000 + ((h[3]! << 16) | (h[4]! << 8) | h[5]!)) * 0x100000000;
      len += h[6]! * 0x1000000 + ((h[7]! << 16) | (h[8]! << 8) | h[9]!);
      p = 10;
    }
    const total = control ? len : this.fragBytes + len;
    if (total > this.maxMessage) return `message of ${total} bytes exceeds the ${this.maxMessage} byte limit`;
    this.masked = (b1 & 0x80) !== 0;
    if (this.masked) this.mask.set(h.subarray(p, p + 4));
    this.byte0 = b0;
    this.length = len;
    this.filled = 0;
    this.chunks = [];
    this.headLen = 0;
    this.inPayload = true;
    return null;
  }

  /** Delivers or stores the frame just completed. */
  private finishFrame(events: WebSocketEvent[]): void {
    const b0 = this.byte0;
    const payload = concat(this.chunks, this.length);
    this.chunks = [];
    this.inPayload = false;
    this.headLen = 0;
    if (b0 & 0x08) {
      events.push({ kind: 'message', flags: b0 | 0x80, payload });
    } else if (this.fragments === null) {
      if (b0 & 0x80) events.push({ kind: 'message', flags: b0 | 0x80, payload });
      else {
        this.fragments = [payload];
        this.fragFlags = b0 | 0x80;
        this.fragBytes = payload.length;
      }
    } else {
      this.fragments.push(payload);
      this.fragBytes += payload.length;
      if (b0 & 0x80) {
        const whole = concat(this.fragments, this.fragBytes);
        events.push({ kind: 'message', flags: this.fragFlags, payload: whole });
        this.fragments = null;
        this.fragBytes = 0;
      }
    }
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Encodes one frame (FIN set unless `fin: false`; `rsv` = RSV1-3 as 0-7; a 4-byte `mask` masks it, as clients must). */
export function encodeWebSocketFrame(
  opcode: number,
  payload: Uint8Array,
  opts: { fin?: boolean; mask?: Uint8Array; rsv?: number } = {},
): Uint8Array {
  const mask = opts.mask;
  if (mask !== undefined && mask.length !== 4) throw new RangeError('a WebSocket mask is exactly 4 bytes');
  const len = payload.length;
  const ext = len < 126 ? 0 : len < 65536 ? 2 : 8;
  const start = 2 + ext + (mask ? 4 : 0);
  const out = new Uint8Array(start + len);
  out[0] = (opts.fin === false ? 0 : 0x80) | (((opts.rsv ?? 0) & 7) << 4) | (opcode & 0x0f);
  const m = mask ? 0x80 : 0;
  if (ext === 0) out[1] = m | len;
  else if (ext === 2) {
    out[1] = m | 126;
    out[2] = len >>> 8;
    out[3] = len & 0xff;
  } else {
    out[1] = m | 127;
    const hi = Math.floor(len / 0x100000000);
    for (let k = 0; k < 4; k++) out[2 + k] = (hi >>> (24 - 8 * k)) & 0xff;
    for (let k = 0; k < 4; k++) out[6 + k] = (len >>> (24 - 8 * k)) & 0xff;
  }
  if (mask) {
    out.set(mask, start - 4);
    for (let k = 0; k < len; k++) out[start + k] = payload[k]! ^ mask[k & 3]!;
  } else out.set(payload, start);
  return out;
}

/** The FLAGS header value for a message's flags: `0x` + uppercase hex, as C's `0x%X` (e.g. `0x81`). */
export function flagsHex(flags: number): string {
  return `0x${flags.toString(16).toUpperCase()}`;
}
