// Builders for the raw bytes a handler sends back through mongrel2, which never frames or parses a reply body
// (spec §3.4): an HTTP/1.1 response like the Python lib's `http_response` (status line, headers, Content-Length,
// blank line, body), a chunk of a chunked body, the `101 Switching Protocols` answer to a WebSocket handshake
// (mongrel2 computes Sec-WebSocket-Accept and passes it as the handshake message's body, spec §3.6), and the
// status-code payload of WebSocket close frames (RFC 6455 §5.5.1), which handlers must send themselves.

/** A reply body: bytes, or text sent as UTF-8. */
export type Body = Uint8Array | string;

/** Header values for an HTTP reply: a plain object or a Map, in the order they should be written. */
export type HttpHeaders = Record<string, string | number> | Map<string, string | number>;

/** How `httpResponse` / `Connection.replyHttp` shape the status line and headers. */
export interface HttpReplyOptions {
  /** The status code (default 200). */
  code?: number;
  /** The reason phrase (default `OK`). */
  status?: string;
  /** Extra headers; `Content-Length` is appended unless given here or a `Transfer-Encoding` is. */
  headers?: HttpHeaders;
}

/** Turns a body into a Buffer without copying bytes (text becomes UTF-8). */
export function toBuffer(body: Body): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function headerEntries(headers: HttpHeaders | undefined): [string, string][] {
  if (headers === undefined) return [];
  const entries = headers instanceof Map ? [...headers.entries()] : Object.entries(headers);
  return entries.map(([k, v]) => {
    const line = `${k}${v}`;
    if (/[\r\n]/.test(line)) throw new Error(`header ${JSON.stringify(k)} contains a line break`);
    return [k, String(v)];
  });
}

/** Renders a status line and header block (ending in the blank line) as bytes. */
export function httpHead(code: number, status: string, headers?: HttpHeaders): Buffer {
  let head = `HTTP/1.1 ${code} ${status}\r\n`;
  for (const [k, v] of headerEntries(headers)) head += `${k}: ${v}\r\n`;
  return Buffer.from(`${head}\r\n`, 'latin1');
}

/** A complete HTTP/1.1 response: status line, the given headers, `Content-Length` (unless supplied or chunked), body. */
export function httpResponse(body: Body, opts: HttpReplyOptions = {}): Buffer {
  const bytes = toBuffer(body);
  const entries = headerEntries(opts.headers);
  const has = (name: string) => entries.some(([k]) => k.toLowerCase() === name);
  if (!has('content-length') && !has('transfer-encoding')) entries.push(['Content-Length', String(bytes.length)]);
  const head = httpHead(opts.code ?? 200, opts.status ?? 'OK', new Map(entries));
  return Buffer.concat([head, bytes]);
}

/** One chunk of a `Transfer-Encoding: chunked` body (hex length, CRLF, data, CRLF); empty data is the last chunk. */
export function httpChunk(data: Body): Buffer {
  const bytes = toBuffer(data);
  if (bytes.length === 0) return Buffer.from('0\r\n\r\n', 'latin1');
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`, 'latin1'), bytes, Buffer.from('\r\n', 'latin1')]);
}

/** The `101 Switching Protocols` response completing a WebSocket handshake, given mongrel2's accept key. */
export function websocketHandshakeResponse(acceptKey: string, headers?: HttpHeaders): Buffer {
  const all = new Map<string, string | number>([
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Accept', acceptKey],
  ]);
  for (const [k, v] of headerEntries(headers)) all.set(k, v);
  return httpHead(101, 'Switching Protocols', all);
}

/** WebSocket close status codes (RFC 6455 §7.4.1) a handler commonly sends. */
export const WsCloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  INVALID_DATA: 1007,
  POLICY_VIOLATION: 1008,
  TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
} as const;

/** A close frame's payload: the 2-byte big-endian status code, then a UTF-8 reason (at most 123 bytes). */
export function closePayload(code: number, reason = ''): Buffer {
  const why = Buffer.from(reason, 'utf8');
  if (why.length > 123) throw new RangeError('a close reason is at most 123 bytes');
  const out = Buffer.alloc(2 + why.length);
  out.writeUInt16BE(code, 0);
  why.copy(out, 2);
  return out;
}

/** Reads a close frame's payload: no code for an empty payload, else the code and the reason text. */
export function parseClosePayload(payload: Uint8Array): { code?: number; reason: string } {
  if (payload.length < 2) return { reason: '' };
  const buf = toBuffer(payload);
  return { code: buf.readUInt16BE(0), reason: buf.subarray(2).toString('utf8') };
}
