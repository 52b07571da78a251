// Serving a routed request from a Dir or a Proxy onto its connection (connection_http_to_directory and
// connection_http_to_proxy / connection_proxy_* in src/connection.c). Each resolves with whether the
// connection must close after this response; the access log gets the entry Mongrel2 writes.
import { open, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DirTarget, ProxyTarget } from '../config/server-config.js';
import { BackendError, BackendLink } from '../proxy/backend-link.js';
import type { Routed } from '../world.js';
import { CANNED } from './canned.js';
import type { HttpConnection as Connection } from './http-connection.js';
import type { HttpRequest } from './request.js';

function accessLog(conn: Connection, req: HttpRequest, routed: Routed, status: number, size: number): void {
  conn.host.accessLog.write({
    host: routed.host.config.name, addr: conn.remoteAddr, port: conn.remotePort, method: req.method, path: req.path,
    version: req.version, status, size,
  });
}

/** Bytes read from a file per step when streaming it. */
const FILE_CHUNK = 256 * 1024;
/** Read buffers kept for reuse: big files go out without allocating (and external-memory GC pressure). */
const chunkPool: Buffer[] = [];

/**
 * Streams part of a file to the connection: read a chunk into a pooled buffer, write it, and wait until the
 * socket has handed it to the kernel before reusing the buffer (that wait is also the backpressure). Resolves
 * when done or when the client went away; rejects on read errors.
 */
async function sendFile(conn: Connection, path: string, start: number, end: number): Promise<void> {
  if (end <= start) return;
  const fh = await open(path, 'r');
  const buf = chunkPool.pop() ?? Buffer.allocUnsafeSlow(FILE_CHUNK);
  try {
    for (let pos = start; pos < end && !conn.socket.destroyed; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(FILE_CHUNK, end - pos), pos);
      if (bytesRead === 0) break;
      conn.bytesWritten += bytesRead;
      conn.lastWrite = Date.now();
      const flushed = await new Promise<boolean>((resolveWrite) => {
        conn.socket.write(buf.subarray(0, bytesRead), (err) => resolveWrite(!err));
      });
      if (!flushed) break;
      pos += bytesRead;
    }
  } finally {
    await fh.close();
    if (chunkPool.length < 64) chunkPool.push(buf);
  }
}

/**
 * The `sendfile` extended reply: streams a file from the server's directory (its chroot), refusing paths that
 * leave it (the C plugin opened whatever path it was given).
 */
export async function sendFileFrom(conn: Connection, path: string): Promise<void> {
  const root = process.cwd();
  const full = await realpath(resolve(root, path.replace(/^\/+/, '')));
  if (full !== root && !full.startsWith(root.endsWith('/') ? root : root + '/')) throw new Error(`${path} is outside ${root}`);
  const st = await stat(full);
  if (!st.isFile()) throw new Error(`${path} is not a file`);
  await sendFile(conn, full, 0, st.size);
}

/** Closes a Proxy backend link the connection no longer routes to (Mongrel2 closes it on a route switch). */
function dropProxy(conn: Connection): void {
  const link = conn.resources.get('proxy');
  if (link) {
    link.close();
    conn.resources.delete('proxy');
  }
}

/** Serves a Dir route. */
export async function serveDirRequest(conn: Connection, req: HttpRequest, routed: Routed, target: DirTarget): Promise<boolean> {
  dropProxy(conn);
  const dir = routed.world.dirs.get(target.id);
  if (!dir) throw new Error(`no Dir for directory ${target.id}`);
  const res = await dir.serve(req, routed.prefix);
  if (res.body.kind === 'buffer' && req.method !== 'HEAD') {
    conn.write(res.body.data.length < 16384 ? Buffer.concat([res.head, res.body.data]) : res.head);
    if (res.body.data.length >= 16384) conn.write(res.body.data);
  } else {
    conn.write(res.head);
    if (res.body.kind === 'file' && req.method !== 'HEAD') {
      try {
        await sendFile(conn, res.body.path, res.body.start, res.body.end);
      } catch (e) {
        conn.host.log.error(`connection ${conn.id}: reading ${res.body.path} failed: ${(e as Error).message}`);
        return true;
      }
    }
  }
  if (res.log) accessLog(conn, req, routed, res.log.status, res.log.size);
  return res.close;
}

/** Serves a Proxy route over the connection's backend link, reusing it while requests stay on one target. */
export async function serveProxyRequest(conn: Connection, req: HttpRequest, routed: Routed, target: ProxyTarget, body: Buffer | null): Promise<boolean> {
  let link = conn.resources.get('proxy') as BackendLink | undefined;
  if (link && (link.closed || link.target !== target)) {
    link.close();
    conn.resources.delete('proxy');
    link = undefined;
  }
  if (!link) {
    try {
      const limits = conn.host.world().config.settings;
    link = await BackendLink.open(target, {
      readRetries: limits.int('limits.proxy_read_retries'),
      readRetryWarn: limits.int('limits.proxy_read_retry_warn'),
      warn: (m) => conn.host.log.warn(m),
    });
    } catch (e) {
      conn.host.log.error(`Failed to connect to proxy backend ${target.addr}:${target.port}: ${(e as Error).message}`);
      conn.write(CANNED[502]);
      return true;
    }
    conn.resources.set('proxy', link);
  }
  let result;
  try {
    result = await link.forward(req.head, body, conn.socket, req.method);
  } catch (e) {
    if (!(e instanceof BackendError)) throw e;
    // Nothing reached the client yet: Mongrel2's proxy failure is a 502 and a close.
    conn.host.log.error(`Proxy backend ${target.addr}:${target.port} failed: ${e.message}`);
    link.close();
    conn.resources.delete('proxy');
    conn.write(CANNED[502]);
    return true;
  }
  conn.bytesWritten = conn.socket.bytesWritten;
  conn.lastWrite = Date.now();
  accessLog(conn, req, routed, result.status, result.contentLength);
  if (!result.reusable) {
    link.close();
    conn.resources.delete('proxy');
  }
  return result.clientMustClose;
}
