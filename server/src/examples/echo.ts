// The request-dump handler, after examples/http_0mq/http.py: every HTTP request is answered with a text/plain
// description of what mongrel2 sent (sender, connection id, path, headers as JSON, body) — or the same as a JSON
// object when the client asks for `application/json` (Accept header, or `format=json` in the query). HEAD gets
// the headers alone. A request carrying a `killme` header is closed without an answer, and HTTP/1.0 /
// `Connection: close` requests are closed after the reply (mongrel2 leaves that to the handler). JSON socket
// messages (`@route`, METHOD JSON) get the JSON dump as a bare reply, which mongrel2 base64-encodes for the
// socket client. Disconnect notices are only logged.
//
//   node server/dist/examples/echo.js [send_spec] [recv_spec] [sender_id]
import { type Connection, type Request } from '../handler-lib/index.js';
import { isMain, openConnection, runExample, serveUntilStopped, type ExampleOptions, type StopFn } from './example-runner.js';

/** A header map as a plain object, values decoded from mongrel2's bytes as UTF-8 for display. */
export function headersObject(req: Request): Record<string, string | string[]> {
  const utf8 = (v: string) => Buffer.from(v, 'latin1').toString('utf8');
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of req.headers) out[k] = Array.isArray(v) ? v.map(utf8) : utf8(v);
  return out;
}

/** What the echo handler reports about a request. */
export interface RequestDump {
  sender: string;
  ident: string;
  path: string;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The facts the echo handler answers with. */
export function dumpRequest(req: Request): RequestDump {
  return { sender: req.sender, ident: req.connId, path: req.path, headers: headersObject(req), body: req.text() };
}

/** The text form of the dump, one `NAME: value` line each, as http.py prints it. */
export function describeRequest(req: Request): string {
  const d = dumpRequest(req);
  return [
    `SENDER: ${d.sender}`,
    `IDENT: ${d.ident}`,
    `PATH: ${d.path}`,
    `HEADERS: ${JSON.stringify(d.headers)}`,
    `BODY: ${JSON.stringify(d.body)}`,
    '',
  ].join('\n');
}

/** Whether the client asked for the JSON form. */
function wantsJson(req: Request): boolean {
  const query = new URLSearchParams(req.header('QUERY') ?? '');
  return query.get('format') === 'json' || (req.header('accept') ?? '').includes('application/json');
}

/** Answers one request the way the echo handler does. */
export function handleEcho(conn: Connection, req: Request, log: (line: string) => void): void {
  if (req.isDisconnect()) {
    log(`disconnect ${req.connId}`);
    return;
  }
  if (req.method === 'JSON') {
    conn.replyJson(req, dumpRequest(req));
    return;
  }
  if (req.header('killme') !== undefined) {
    log(`${req.connId} asked to be killed`);
    conn.close(req);
    return;
  }
  log(`${req.connId} ${req.method} ${req.path}`);
  const json = wantsJson(req);
  const body = json ? `${JSON.stringify(dumpRequest(req))}\n` : describeRequest(req);
  const type = json ? 'application/json' : 'text/plain; charset=utf-8';
  if (req.method === 'HEAD') {
    conn.replyHttp(req, '', { headers: { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) } });
  } else {
    conn.replyHttp(req, body, { headers: { 'Content-Type': type } });
  }
  if (req.shouldClose()) conn.close(req);
}

/** Starts the echo handler; resolves (once its sockets are ready) to a function that stops it. */
export async function start(opts: ExampleOptions = {}): Promise<StopFn> {
  const log = opts.log ?? (() => undefined);
  const conn = await openConnection(opts);
  return serveUntilStopped(conn, log, (req) => handleEcho(conn, req, log));
}

if (isMain(import.meta.url)) await runExample('echo', start);
