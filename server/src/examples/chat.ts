// A chat room over WebSocket, after examples/chat/chat.py (which used the Flash-era JSON socket). Clients send
// JSON text frames: `{"type":"join","user":"ann"}` to enter (the others hear the join, the newcomer gets
// `{"type":"userList","users":[...]}`), then `{"type":"msg","msg":"hi"}`, which everyone in the room (sender
// included) receives as `{"type":"msg","user":"ann","msg":"hi"}`. Every fan-out is one `deliverWebSocket` to all
// joined connection ids, so mongrel2 copies the frame to each client. A close frame or mongrel2's disconnect
// notice removes the user, and the others get `{"type":"disconnect","user":"ann"}`. Members are kept per
// mongrel2 server (request sender), since ids are only unique within one server.
//
//   node server/dist/examples/chat.js [send_spec] [recv_spec] [sender_id]
import { WsOpcode, type Connection, type Request } from '../handler-lib/index.js';
import { isMain, openConnection, runExample, serveUntilStopped, type ExampleOptions, type StopFn } from './example-runner.js';

/** The longest user name kept (longer ones are cut). */
const MAX_NAME = 40;

/** One chat room: who is in it, per mongrel2 server, and how messages fan out. */
export class ChatRoom {
  /** sender (server uuid) → connection id → user name. */
  private readonly members = new Map<string, Map<string, string>>();

  constructor(
    private readonly conn: Connection,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** The names in the room for one server, in join order. */
  users(sender: string): string[] {
    return [...(this.members.get(sender)?.values() ?? [])];
  }

  private room(sender: string): Map<string, string> {
    let room = this.members.get(sender);
    if (room === undefined) this.members.set(sender, (room = new Map()));
    return room;
  }

  private broadcast(sender: string, data: unknown): void {
    const ids = [...this.room(sender).keys()];
    if (ids.length > 0) this.conn.deliverWebSocket(sender, ids, JSON.stringify(data), WsOpcode.TEXT);
  }

  /** Removes a connection from the room, telling the others; false when it had not joined. */
  leave(req: Request): boolean {
    const room = this.room(req.sender);
    const user = room.get(req.connId);
    if (user === undefined) return false;
    room.delete(req.connId);
    this.log(`${user} (${req.connId}) left, ${room.size} remain`);
    this.broadcast(req.sender, { type: 'disconnect', user });
    return true;
  }

  /** Handles one message from mongrel2. */
  handle(req: Request): void {
    if (req.isDisconnect()) {
      this.leave(req);
      return;
    }
    if (req.isWebSocketHandshake()) {
      this.conn.acceptWebSocket(req);
      return;
    }
    if (!req.isWebSocket()) {
      this.conn.replyHttp(req, 'Connect with a WebSocket to chat.\n', { code: 400, status: 'Bad Request' });
      this.conn.close(req);
      return;
    }
    switch (req.opcode) {
      case WsOpcode.CLOSE:
        this.leave(req);
        this.conn.replyWebSocket(req, req.body, WsOpcode.CLOSE);
        this.conn.close(req);
        return;
      case WsOpcode.PING:
        this.conn.replyWebSocket(req, req.body, WsOpcode.PONG);
        return;
      case WsOpcode.TEXT:
        this.onText(req);
        return;
      default:
        return; // binary and pong frames mean nothing here
    }
  }

  private onText(req: Request): void {
    let data: unknown;
    try {
      data = JSON.parse(req.text());
    } catch {
      this.conn.replyWebSocket(req, JSON.stringify({ type: 'error', error: 'not JSON' }));
      return;
    }
    const msg = (typeof data === 'object' && data !== null ? data : {}) as { type?: unknown; user?: unknown; msg?: unknown };
    const room = this.room(req.sender);
    if (msg.type === 'join') {
      const user = String(msg.user ?? `guest-${req.connId}`).slice(0, MAX_NAME);
      if (room.has(req.connId)) this.leave(req);
      this.broadcast(req.sender, { type: 'join', user });
      room.set(req.connId, user);
      this.log(`${user} (${req.connId}) joined, ${room.size} in the room`);
      this.conn.replyWebSocket(req, JSON.stringify({ type: 'userList', users: this.users(req.sender) }));
      return;
    }
    const user = room.get(req.connId);
    if (user === undefined) {
      this.conn.replyWebSocket(req, JSON.stringify({ type: 'error', error: 'join first' }));
      return;
    }
    if (msg.type === 'msg') this.broadcast(req.sender, { type: 'msg', user, msg: String(msg.msg ?? '') });
  }
}

/** Starts the chat handler; resolves (once its sockets are ready) to a function that stops it. */
export async function start(opts: ExampleOptions = {}): Promise<StopFn> {
  const log = opts.log ?? (() => undefined);
  const conn = await openConnection(opts);
  const room = new ChatRoom(conn, log);
  return serveUntilStopped(conn, log, (req) => room.handle(req));
}

if (isMain(import.meta.url)) await runExample('chat', start);
