// Mongrel2's non-HTTP messages on a client socket (src/http11/http11_parser.rl SocketJSON / SocketXML,
// connection_identify_request): `@path {json}\0` JSON socket messages, `<tag ...>\0` XML socket messages, and
// the Flash `<policy-file-request/>\0`, answered with the cross-domain policy (src/response.c FLASH_RESPONSE).

/** The Flash policy Mongrel2 answers `<policy-file-request/>` with, NUL included. */
export const FLASH_POLICY = Buffer.from('<?xml version="1.0"?><!DOCTYPE cross-domain-policy SYSTEM "http://www.macromedia.com/xml/dtds/cross-domain-policy.dtd"><cross-domain-policy> <allow-access-from domain="*" to-ports="*" /></cross-domain-policy>\0', 'latin1');

/** A JSON or XML socket message. */
export interface SocketMessage {
  kind: 'json' | 'xml' | 'policy';
  /** `@chat` or `<tag`: what the route is chosen by. */
  path: string;
  /** The message without its NUL (for JSON, the JSON text after the path). */
  body: Buffer;
}

/** Whether the byte at `pos` starts a socket message rather than an HTTP request. */
export function startsSocketMessage(buf: Buffer, pos: number): boolean {
  const c = buf[pos];
  return c === 0x40 /* @ */ || c === 0x3c /* < */;
}

/** Path characters of a JSON socket route: `@` then a relative URI's characters. */
const JSON_PATH = /^@[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;

/**
 * Parses one NUL-terminated socket message at `pos`: 'incomplete' until the NUL arrives (within `max` bytes),
 * an error for a malformed one.
 */
export function parseSocketMessage(buf: Buffer, pos: number, max: number): { kind: 'incomplete' } | { kind: 'error'; reason: string } | { kind: 'ok'; message: SocketMessage; end: number } {
  const nul = buf.indexOf(0, pos);
  if (nul < 0) return buf.length - pos > max ? { kind: 'error', reason: 'socket message too large' } : { kind: 'incomplete' };
  const text = buf.toString('latin1', pos, nul);
  const end = nul + 1;
  if (buf[pos] === 0x3c) {
    if (text === '<policy-file-request/>') return { kind: 'ok', message: { kind: 'policy', path: '<policy-file-request', body: Buffer.alloc(0) }, end };
    const m = /^<([A-Za-z_][A-Za-z0-9_\-.:]*)[\s>/]/.exec(text);
    if (!m || !text.endsWith('>')) return { kind: 'error', reason: 'malformed XML socket message' };
    return { kind: 'ok', message: { kind: 'xml', path: `<${m[1]!}`, body: buf.subarray(pos, nul) }, end };
  }
  const sp = text.indexOf(' ');
  if (sp < 0) return { kind: 'error', reason: 'JSON socket message without a body' };
  const path = text.slice(0, sp);
  const json = text.slice(sp + 1);
  if (!JSON_PATH.test(path) || !json.startsWith('{') || !json.endsWith('}')) return { kind: 'error', reason: 'malformed JSON socket message' };
  return { kind: 'ok', message: { kind: 'json', path, body: buf.subarray(pos + sp + 1, nul) }, end };
}

/** Mongrel2's PING_PATTERN: JSON pings only refresh the idle timer and never reach the handler. */
export function isJsonPing(message: SocketMessage): boolean {
  return message.kind === 'json' && /^@[a-z/]* \{"type":\s*"ping"\}$/.test(`${message.path} ${message.body.toString('latin1')}`);
}
