// The async-upload handler, after examples/http_0mq/upload.py. When a request body is larger than
// limits.content_length, mongrel2 writes it to a temp file (upload.temp_store) and sends two messages (spec
// §3.5): one with `x-mongrel2-upload-start: <file>` before the body is read — not to be answered — and one with
// both `-start` and `x-mongrel2-upload-done: <file>` when it is complete. This handler answers the second with
// the file's size and MD5; ordinary requests get the echo handler's request dump.
//
// The temp file names are relative to mongrel2's working directory (its chroot), so pass that directory as the
// fourth argument when the handler runs elsewhere. Mongrel2 never deletes the files; neither does this example.
//
//   node server/dist/examples/upload.js [send_spec] [recv_spec] [sender_id] [upload_root]
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Connection, type Request } from '../handler-lib/index.js';
import { describeRequest } from './echo.js';
import { isMain, openConnection, runExample, serveUntilStopped, type ExampleOptions, type StopFn } from './example-runner.js';

/** The upload example's options: the common ones plus where upload paths are relative to. */
export interface UploadOptions extends ExampleOptions {
  /** The directory mongrel2's temp file names are relative to (default: `extra[0]`, else the current directory). */
  uploadRoot?: string;
}

/** The size and MD5 of a finished upload. */
export interface UploadSummary {
  size: number;
  md5: string;
}

/** Reads a finished upload to measure it. */
export async function summarizeUpload(file: string): Promise<UploadSummary> {
  const { size } = await stat(file);
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { size, md5: hash.digest('hex') };
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/** Answers one request the way the upload handler does. */
export async function handleUpload(conn: Connection, req: Request, root: string, log: (line: string) => void): Promise<void> {
  if (req.isDisconnect()) {
    log(`disconnect ${req.connId}`);
    return;
  }
  const upload = req.upload;
  if (upload === undefined) {
    conn.replyHttp(req, describeRequest(req), { headers: TEXT });
    if (req.shouldClose()) conn.close(req);
    return;
  }
  if (upload.stage === 'start') {
    log(`${req.connId} upload starting into ${upload.file}; no reply yet`);
    return;
  }
  if (!upload.valid) {
    log(`${req.connId} upload names the wrong file: ${upload.file} vs ${req.header('x-mongrel2-upload-start') ?? '(none)'}`);
    conn.replyHttp(req, 'UPLOAD BAD: mismatched temp file\n', { code: 400, status: 'Bad Request', headers: TEXT });
    conn.close(req);
    return;
  }
  let summary: UploadSummary;
  try {
    summary = await summarizeUpload(resolve(root, upload.file));
  } catch (e) {
    log(`${req.connId} cannot read ${upload.file}: ${(e as Error).message}`);
    conn.replyHttp(req, 'UPLOAD BAD: cannot read the temp file\n', { code: 500, status: 'Internal Server Error', headers: TEXT });
    conn.close(req);
    return;
  }
  const expected = req.header('content-length');
  log(`${req.connId} upload done: ${summary.size} bytes (content-length ${expected ?? 'none'})`);
  conn.replyHttp(req, `UPLOAD GOOD: ${summary.size} bytes, md5 ${summary.md5}\n`, { headers: TEXT });
  if (req.shouldClose()) conn.close(req);
}

/** Starts the upload handler; resolves (once its sockets are ready) to a function that stops it. */
export async function start(opts: UploadOptions = {}): Promise<StopFn> {
  const log = opts.log ?? (() => undefined);
  const root = opts.uploadRoot ?? opts.extra?.[0] ?? process.cwd();
  const conn = await openConnection(opts);
  return serveUntilStopped(conn, log, (req) => handleUpload(conn, req, root, log));
}

if (isMain(import.meta.url)) await runExample('upload', start);
