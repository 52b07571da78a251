// One request message as a handler sees it, modelled on examples/python/mongrel2/request.py (`Request`): the
// envelope (sender, connection id, path), the header map and the body, plus the questions handlers keep asking —
// is this a disconnect notice, a WebSocket frame or handshake, an async upload, should the connection close?
// Decoding (both JSON and tnetstring framing, spec §3.2) is done by the shared wire codec. Header names and
// values are byte strings (one char per byte), exactly as mongrel2 sent them.
import { decodeHandlerRequest } from '@m2/shared';

/** The WebSocket opcodes (RFC 6455 §5.2) a handler sees in `Request.opcode` and sends with `replyWebSocket`. */
export const WsOpcode = {
  CONTINUATION: 0x0,
  TEXT: 0x1,
  BINARY: 0x2,
  CLOSE: 0x8,
  PING: 0x9,
  PONG: 0xa,
} as const;

/** The two halves of a mongrel2 async upload (spec §3.5): the announcement and the completion message. */
export interface UploadInfo {
  /** `start`: the body is being written to `file`, do not reply yet; `done`: the whole body is in `file`. */
  stage: 'start' | 'done';
  /** The temp file (as mongrel2 names it, relative to its chroot/working directory). */
  file: string;
  /** False when the done message names a different file than its start header (a forged or confused upload). */
  valid: boolean;
}

/** A request message received from mongrel2. */
export class Request {
  /** The parsed JSON body of a METHOD=JSON message (socket messages, disconnect and credits notices), else undefined. */
  readonly data: unknown;

  constructor(
    /** The `send_ident` of the mongrel2 handler that sent it; replies are addressed to it. */
    readonly sender: string,
    /** The decimal connection id of the client. */
    readonly connId: string,
    /** The raw path, `@*` for mongrel2 notices, `@name` / `<tag` for JSON and XML socket messages. */
    readonly path: string,
    /** All headers: lower-case client headers (repeats as arrays) and mongrel2's upper-case keys. */
    readonly headers: Map<string, string | string[]>,
    /** The body bytes. */
    readonly body: Buffer,
    /** The whole message as received, for forwarding to another handler. */
    readonly raw?: Buffer,
  ) {
    let data: unknown;
    if (this.method === 'JSON') {
      try {
        data = JSON.parse(body.toString('utf8'));
      } catch {
        data = undefined;
      }
    }
    this.data = data;
  }

  /** Decodes one message from mongrel2's PUSH socket; throws on malformed input. */
  static parse(msg: Uint8Array): Request {
    const d = decodeHandlerRequest(msg);
    const raw = Buffer.isBuffer(msg) ? msg : Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength);
    const body = Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength);
    return new Request(d.sender, d.connId, d.path, d.headers, body, raw);
  }

  /** The header's value (the first one when repeated): exact name first, then its lower-case form. */
  header(name: string): string | undefined {
    const v = this.headers.get(name) ?? this.headers.get(name.toLowerCase());
    return Array.isArray(v) ? v[0] : v;
  }

  /** Every value of a header, in arrival order (empty when absent). */
  headerValues(name: string): string[] {
    const v = this.headers.get(name) ?? this.headers.get(name.toLowerCase());
    return v === undefined ? [] : Array.isArray(v) ? [...v] : [v];
  }

  /** The METHOD mongrel2 set: `GET`…, `JSON`, `XML`, `WEBSOCKET_HANDSHAKE`, `WEBSOCKET`; '' when absent. */
  get method(): string {
    return this.header('METHOD') ?? '';
  }

  /** The body decoded as UTF-8 text. */
  text(): string {
    return this.body.toString('utf8');
  }

  /** Parses the body as JSON whatever the METHOD (like the Python `recv_json`); throws when it is not JSON. */
  json(): unknown {
    return this.data !== undefined ? this.data : JSON.parse(this.text());
  }

  /** True for mongrel2's notice that the client went away (METHOD JSON, body `{"type":"disconnect"}`). */
  isDisconnect(): boolean {
    return this.method === 'JSON' && jsonType(this.data) === 'disconnect';
  }

  /** True for a flow-control credits notice; `DOWNLOAD_CREDITS` holds the bytes just written. */
  isCredits(): boolean {
    return this.method === 'JSON' && jsonType(this.data) === 'credits';
  }

  /** True for a WebSocket frame (METHOD WEBSOCKET; see `flags` and `opcode`). */
  isWebSocket(): boolean {
    return this.method === 'WEBSOCKET';
  }

  /** True for a WebSocket upgrade request; the body is the computed Sec-WebSocket-Accept value. */
  isWebSocketHandshake(): boolean {
    return this.method === 'WEBSOCKET_HANDSHAKE';
  }

  /** The first byte of a WebSocket frame (FLAGS header, e.g. 0x81), or undefined when absent or malformed. */
  get flags(): number | undefined {
    const f = this.header('FLAGS');
    if (f === undefined || !/^(0x)?[0-9a-f]{1,2}$/i.test(f)) return undefined;
    return parseInt(f, 16);
  }

  /** The WebSocket opcode (`flags & 0x0f`), or undefined when this is not a frame. */
  get opcode(): number | undefined {
    const f = this.flags;
    return f === undefined ? undefined : f & 0x0f;
  }

  /** Whether the handler should close the connection after replying (Connection: close, or HTTP/1.0 without keep-alive). */
  shouldClose(): boolean {
    const tokens = this.headerValues('connection').flatMap((v) => v.toLowerCase().split(',').map((t) => t.trim()));
    if (tokens.includes('close')) return true;
    return this.header('VERSION') === 'HTTP/1.0' && !tokens.includes('keep-alive');
  }

  /** The async-upload state of this message (`x-mongrel2-upload-start` / `-done`), or undefined for ordinary requests. */
  get upload(): UploadInfo | undefined {
    const start = this.header('x-mongrel2-upload-start');
    const done = this.header('x-mongrel2-upload-done');
    if (done !== undefined) return { stage: 'done', file: done, valid: start === done };
    if (start !== undefined) return { stage: 'start', file: start, valid: true };
    return undefined;
  }
}

function jsonType(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
}
