// The WebSocket echo handler, after examples/ws/python/echo.py. Mongrel2 does not answer a WebSocket upgrade
// itself: it sends a WEBSOCKET_HANDSHAKE message whose body is the Sec-WebSocket-Accept key, and then one
// WEBSOCKET message per client message, FLAGS = the frame's first byte (spec §3.6). This handler answers the
// handshake with the 101, echoes text (checked to be UTF-8) and binary messages, answers pings with pongs and
// echoes a client's close frame before closing. Protocol errors get a close frame with a status code, and a
// client that does not answer our close within 5 s is dropped.
//
//   node server/dist/examples/ws-echo.js [send_spec] [recv_spec] [sender_id]
import { WsCloseCode, WsOpcode, closePayload, type Connection, type Request } from '../handler-lib/index.js';
import { isMain, openConnection, runExample, serveUntilStopped, type ExampleOptions, type StopFn } from './example-runner.js';

/** How long a client may take to answer our close frame before mongrel2 is told to drop it. */
const CLOSE_TIMEOUT_MS = 5000;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The echo handler's state: connections we sent a close frame to, with their drop timers. */
export class WsEcho {
  private readonly closing = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly conn: Connection,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Sends a close frame and waits (a while) for the client's close before dropping the connection. */
  private abort(req: Request, code: number, reason: string): void {
    this.log(`${req.connId} closing: ${code} ${reason}`);
    this.conn.replyWebSocket(req, closePayload(code, reason), WsOpcode.CLOSE);
    const key = `${req.sender} ${req.connId}`;
    if (this.closing.has(key)) return;
    const timer = setTimeout(() => {
      this.closing.delete(key);
      if (!this.conn.closed) this.conn.close(req);
    }, CLOSE_TIMEOUT_MS);
    timer.unref();
    this.closing.set(key, timer);
  }

  private forget(req: Request): boolean {
    const key = `${req.sender} ${req.connId}`;
    const timer = this.closing.get(key);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.closing.delete(key);
    return true;
  }

  /** Handles one message from mongrel2. */
  handle(req: Request): void {
    if (req.isDisconnect()) {
      this.forget(req);
      this.log(`disconnect ${req.connId}`);
      return;
    }
    if (req.isWebSocketHandshake()) {
      this.log(`${req.connId} handshake on ${req.path}`);
      this.conn.acceptWebSocket(req);
      return;
    }
    if (!req.isWebSocket()) {
      this.conn.replyHttp(req, 'This endpoint speaks WebSocket only.\n', { code: 400, status: 'Bad Request' });
      this.conn.close(req);
      return;
    }
    const flags = req.flags;
    const opcode = req.opcode;
    if (flags === undefined || opcode === undefined) return this.abort(req, WsCloseCode.PROTOCOL_ERROR, 'bad FLAGS');
    if ((flags & 0x70) !== 0) return this.abort(req, WsCloseCode.PROTOCOL_ERROR, 'reserved bits set');
    if (opcode === WsOpcode.CLOSE) {
      // Our close being answered: just hang up. The client closing first: echo its close, then hang up.
      if (!this.forget(req)) this.conn.replyWebSocket(req, req.body, WsOpcode.CLOSE);
      this.conn.close(req);
      return;
    }
    if (this.closing.has(`${req.sender} ${req.connId}`)) return;
    switch (opcode) {
      case WsOpcode.PING:
        this.conn.replyWebSocket(req, req.body, WsOpcode.PONG);
        return;
      case WsOpcode.PONG:
        return; // we never ping, so there is nothing to match it with
      case WsOpcode.TEXT:
        if (!isUtf8(req.body)) return this.abort(req, WsCloseCode.INVALID_DATA, 'invalid UTF-8');
        this.conn.replyWebSocket(req, req.body, WsOpcode.TEXT);
        return;
      case WsOpcode.BINARY:
        this.conn.replyWebSocket(req, req.body, WsOpcode.BINARY);
        return;
      default:
        this.abort(req, WsCloseCode.PROTOCOL_ERROR, `unknown opcode ${opcode}`);
    }
  }

  /** Cancels the pending drop timers. */
  dispose(): void {
    for (const timer of this.closing.values()) clearTimeout(timer);
    this.closing.clear();
  }
}

/** Starts the WebSocket echo handler; resolves (once its sockets are ready) to a function that stops it. */
export async function start(opts: ExampleOptions = {}): Promise<StopFn> {
  const log = opts.log ?? (() => undefined);
  const conn = await openConnection(opts);
  const echo = new WsEcho(conn, log);
  return serveUntilStopped(conn, log, (req) => echo.handle(req), () => echo.dispose());
}

if (isMain(import.meta.url)) await runExample('ws-echo', start);
