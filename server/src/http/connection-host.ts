// What a connection needs from the server that owns it: the current routing world, limits, logs, and a way
// to be forgotten when it closes. The runtime implements it; tests can hand in their own.
import type { AccessLog } from '../log/access-log.js';
import type { ErrorLog } from '../log/error-log.js';
import type { HandlerRoom } from '../handler/handler-room.js';
import type { World } from '../world.js';
import type { HttpConnection as Connection } from './http-connection.js';

/** The request-reading limits a connection enforces (spec §8). */
export interface ConnectionLimits {
  /** limits.buffer_size: the largest request head. */
  bufferSize: number;
  /** limits.header_count. */
  headerCount: number;
  /** request.relaxed: allow `{`, `}`, `^` in URIs. */
  relaxed: boolean;
  /** limits.client_read_retries: reads allowed to complete a head. */
  clientReadRetries: number;
  /** The largest request body forwarded to a Proxy (held in memory). */
  maxProxyBody: number;
  /** limits.content_length: the largest body sent inline to a handler. */
  contentLength: number;
  /** upload.temp_store: where larger handler bodies go; empty means they are refused with 413. */
  uploadTempStore: string;
  /** upload.stream: stream large bodies to the handler as it grants credits, instead of a temp file. */
  uploadStream: boolean;
  /** upload.temp_store_mode: the upload file's permissions. */
  uploadTempStoreMode: number;
  /** download.flow_control: handlers get DOWNLOAD_CREDITS and credit notices, clients at most 102400 bytes behind. */
  downloadFlowControl: boolean;
  /** no_clobber_xff: keep the client's X-Forwarded-For in handler messages. */
  noClobberXff: boolean;
}

/** The server side of a connection. */
export interface ConnectionHost {
  world(): World;
  readonly limits: ConnectionLimits;
  readonly log: ErrorLog;
  readonly accessLog: AccessLog;
  /** The handler sockets and the connection-id registry. */
  readonly handlers: HandlerRoom;
  /** Called once when a connection closes. */
  forget(conn: Connection): void;
}
