// Byte-string helpers for the handler codecs (handler-request, handler-reply, handler-notice). Mongrel2's C
// code moves header bytes around untouched (bstrings), and our server decodes sockets as latin1, so every
// header string here is a *byte string*: one char per byte, char codes 0-255. These helpers turn such
// strings into bytes and back without any UTF-8 step, and carry the coded error the codecs throw.

/** An error from a handler-protocol codec; `code` says which rule was broken (stable, for callers to test). */
export class HandlerProtocolError extends Error {
  constructor(
    readonly code: HandlerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerProtocolError';
  }
}

/** The codes a HandlerProtocolError can carry. */
export type HandlerErrorCode =
  | 'E_NOT_LATIN1' // a string meant to be bytes holds a char above U+00FF
  | 'E_REQ_ENVELOPE' // `SENDER SP ID SP PATH SP` prefix is missing or malformed
  | 'E_REQ_HEADERS' // the header netstring / tnetstring dict does not parse
  | 'E_REQ_BODY' // the body netstring does not parse, or bytes follow it
  | 'E_REPLY_UUID' // a reply UUID outside [A-Za-z0-9-]+
  | 'E_REPLY_IDS'; // a reply without ids, or an id that is not decimal digits

/** Node's Buffer where there is one (the server): its pooled allocation and native latin1 copy are many times
 *  faster than a fresh Uint8Array and an encoder on the handler path. The browser takes the portable path. */
interface LatinBuffer extends Uint8Array {
  latin1Write(text: string, offset: number): number;
}
interface LatinBufferStatic {
  allocUnsafe(size: number): LatinBuffer;
  prototype: { latin1Slice(this: Uint8Array, start: number, end: number): string };
}
const NodeBuffer = (globalThis as unknown as { Buffer?: LatinBufferStatic }).Buffer;

/** Writes byte string `text` into `out` at `at` (one byte per char) and returns the offset after it. */
export function writeLatin1(text: string, out: Uint8Array, at: number): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) {
      throw new HandlerProtocolError('E_NOT_LATIN1', `char U+${c.toString(16).toUpperCase()} at ${i} is not a byte`);
    }
    out[at + i] = c;
  }
  return at + n;
}

/** The byte string (one char per byte) for `bytes[start, end)`. */
export function readLatin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 0) return '';
  if (NodeBuffer !== undefined) return NodeBuffer.prototype.latin1Slice.call(bytes, start, end);
  const CHUNK = 8192;
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let text = '';
  for (let p = start; p < end; p += CHUNK) {
    const stop = Math.min(end, p + CHUNK);
    text += String.fromCharCode.apply(null, bytes.subarray(p, stop) as unknown as number[]);
  }
  return text;
}

const toUtf8 = new TextEncoder();

/** Text (a JS string: the config's send_ident, a route pattern, a file name) as a byte string: its UTF-8 bytes,
 *  one char each, which is how C, holding the config's bytes, puts it into a message. ASCII comes back as it is. */
export function utf8ByteString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      const bytes = toUtf8.encode(text);
      return readLatin1(bytes, 0, bytes.length);
    }
  }
  return text;
}

/** Reads a run of ASCII digits at `at` (before `limit`) as a number; `end` is where the digits stop. */
export function readDigits(bytes: Uint8Array, at: number, limit: number): { value: number; end: number } {
  let i = at;
  let value = 0;
  while (i < limit) {
    const b = bytes[i]!;
    if (b < 0x30 || b > 0x39) break;
    // Saturate instead of losing precision: such a length can never match real data anyway.
    value = value > 1e15 ? value : value * 10 + (b - 0x30);
    i++;
  }
  return { value, end: i };
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** A char that is not a byte (V8 answers this at once for strings it stores one byte per char). */
const WIDE = /[^\x00-\xff]/;

/** Concatenates byte-string `head` (as bytes), `body`, and one trailing byte `tail` into a new array. */
export function joinHeadBody(head: string, body: Uint8Array, tail: number): Uint8Array {
  if (NodeBuffer !== undefined) {
    if (WIDE.test(head)) writeLatin1(head, new Uint8Array(head.length), 0); // throws E_NOT_LATIN1 at the char
    const out = NodeBuffer.allocUnsafe(head.length + body.length + 1);
    out.latin1Write(head, 0);
    out.set(body, head.length);
    out[out.length - 1] = tail;
    return out;
  }
  const out = new Uint8Array(head.length + body.length + 1);
  // Pure ASCII (the usual case) is UTF-8 already, and the native encoder beats a charCodeAt loop.
  if (ASCII.test(head)) out.set(toUtf8.encode(head));
  else writeLatin1(head, out, 0);
  out.set(body, head.length);
  out[out.length - 1] = tail;
  return out;
}
