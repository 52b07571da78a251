// A never-ending stream to many listeners, after examples/mp3stream (handler.py + mp3stream.py), with text in
// place of MP3 frames. Each HTTP request is answered with a response head announcing a chunked text/plain body
// and joins the listeners; every 100 ms one chunk (`tick N ...`) is sent to all listeners of a server with a
// single deliver (the library splits it into messages of at most 128 ids). Mongrel2's disconnect notice — sent
// when a listener hangs up, or when a deliver names an id that is gone — drops the id. Listeners beyond the
// limit get a 503, as the mp3 streamer refused its 21st.
//
//   node server/dist/examples/stream.js [send_spec] [recv_spec] [sender_id] [interval_ms]
import { httpChunk, httpHead, type Connection, type Request } from '../handler-lib/index.js';
import { isMain, openConnection, runExample, serveUntilStopped, type ExampleOptions, type StopFn } from './example-runner.js';

/** The stream example's options: the common ones plus its pace and size. */
export interface StreamOptions extends ExampleOptions {
  /** Time between chunks (default: `extra[0]`, else 100 ms). */
  intervalMs?: number;
  /** The most listeners at once (default 1000). */
  maxListeners?: number;
}

/** The head every listener receives first. */
export const STREAM_HEAD = httpHead(200, 'OK', {
  'Content-Type': 'text/plain; charset=utf-8',
  'Transfer-Encoding': 'chunked',
  'Cache-Control': 'no-cache',
});

/** The listeners of one stream, per mongrel2 server, and the broadcast tick. */
export class Broadcaster {
  /** sender (server uuid) → listening connection ids, in arrival order. */
  private readonly listeners = new Map<string, Set<string>>();
  private ticks = 0;

  constructor(
    private readonly conn: Connection,
    private readonly maxListeners = 1000,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** How many connections are listening, over all servers. */
  get count(): number {
    let n = 0;
    for (const ids of this.listeners.values()) n += ids.size;
    return n;
  }

  /** The listening ids of one server. */
  ids(sender: string): string[] {
    return [...(this.listeners.get(sender) ?? [])];
  }

  /** Handles one message from mongrel2: a new listener, or a disconnect. */
  handle(req: Request): void {
    const ids = this.listeners.get(req.sender);
    if (req.isDisconnect()) {
      if (ids?.delete(req.connId)) this.log(`listener ${req.connId} left, ${this.count} listening`);
      if (ids?.size === 0) this.listeners.delete(req.sender);
      return;
    }
    if (req.isWebSocket() || req.isWebSocketHandshake() || req.method === 'JSON' || req.method === 'XML') {
      this.conn.close(req);
      return;
    }
    if (this.count >= this.maxListeners) {
      this.conn.replyHttp(req, 'Too many listeners, try later.\n', { code: 503, status: 'Service Unavailable' });
      this.conn.close(req);
      return;
    }
    this.conn.reply(req, STREAM_HEAD);
    if (ids === undefined) this.listeners.set(req.sender, new Set([req.connId]));
    else ids.add(req.connId);
    this.log(`listener ${req.connId} joined, ${this.count} listening`);
  }

  /** Sends the next chunk to every listener: one deliver per server. */
  tick(): void {
    this.ticks++;
    const chunk = httpChunk(`tick ${this.ticks} at ${new Date().toISOString()}, ${this.count} listening\n`);
    for (const [sender, ids] of this.listeners) this.conn.deliver(sender, [...ids], chunk);
  }

  /** Ends every listener's body with the last chunk and closes the connections. */
  finish(): void {
    for (const [sender, ids] of this.listeners) {
      this.conn.deliver(sender, [...ids], httpChunk(''));
      this.conn.closeIds(sender, [...ids]);
    }
    this.listeners.clear();
  }
}

/** Starts the stream handler; resolves (once its sockets are ready) to a function that stops it. */
export async function start(opts: StreamOptions = {}): Promise<StopFn> {
  const log = opts.log ?? (() => undefined);
  const intervalMs = opts.intervalMs ?? (Number(opts.extra?.[0]) || 100);
  const conn = await openConnection(opts);
  const stream = new Broadcaster(conn, opts.maxListeners, log);
  const timer = setInterval(() => stream.tick(), intervalMs);
  return serveUntilStopped(conn, log, (req) => stream.handle(req), () => {
    clearInterval(timer);
    stream.finish();
  });
}

if (isMain(import.meta.url)) await runExample('stream', start);
