// Turning what a client sent into handler messages (connection_http_to_handler, Connection_send_to_handler,
// Request_to_payload / Request_to_tnetstring): the client's headers lower-cased in arrival order with
// x-forwarded-for set to the peer (unless no_clobber_xff), then Mongrel2's own keys; WebSocket handshakes and
// frames, JSON/XML socket messages and upload notices are the same message with other keys.
import { createHash } from 'node:crypto';
import { encodeHandlerRequest, type HandlerRequestFields } from '@m2/shared';
import type { HandlerTarget } from '../config/server-config.js';
import type { Routed } from '../world.js';
import type { HttpRequest } from './request.js';
import { headerValue } from './request.js';

/** The peer a message is about. */
export interface Peer {
  handlerId: number;
  remoteAddr: string;
  noClobberXff: boolean;
  tls: boolean;
}

/** The lower-cased client headers with x-forwarded-for set as Mongrel2 sets it (connection_parse). */
export function handlerHeaders(req: HttpRequest, peer: Peer): [string, string][] {
  const out: [string, string][] = [];
  if (!peer.noClobberXff) out.push(['x-forwarded-for', peer.remoteAddr]);
  for (const [name, value] of req.headers) {
    const lower = name.toLowerCase();
    if (!peer.noClobberXff && lower === 'x-forwarded-for') continue;
    out.push([lower, value]);
  }
  return out;
}

/** The fields of the message that carries an HTTP request (or its WebSocket handshake) to a handler. */
export function httpFields(req: HttpRequest, routed: Routed, target: HandlerTarget, peer: Peer, body: Uint8Array, method = req.method, extra?: [string, string][]): HandlerRequestFields {
  return {
    sender: target.sender, connId: peer.handlerId, path: req.path, headers: handlerHeaders(req, peer),
    method, version: req.version, uri: req.uri, query: req.query, fragment: req.fragment, pattern: routed.pattern,
    urlScheme: peer.tls ? 'https' : 'http', remoteAddr: peer.remoteAddr, extra, body,
  };
}

/** Encodes a handler message in the handler's protocol. */
export function encodeFor(target: HandlerTarget, fields: HandlerRequestFields): Uint8Array {
  return encodeHandlerRequest(fields, target.protocol);
}

/** RFC 6455 §4.2.2: the Sec-WebSocket-Accept value for a client key. */
export function websocketAccept(key: string): string {
  return createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
}

/**
 * Request_is_websocket: sec-websocket-key, sec-websocket-version, host, upgrade and connection all present,
 * upgrade is `websocket` and connection contains `upgrade` (both case-insensitive).
 */
export function isWebSocketUpgrade(req: HttpRequest): boolean {
  const key = headerValue(req, 'sec-websocket-key');
  const version = headerValue(req, 'sec-websocket-version');
  const host = headerValue(req, 'host');
  const upgrade = headerValue(req, 'upgrade');
  const connection = headerValue(req, 'connection');
  return key !== undefined && version !== undefined && host !== undefined && upgrade?.toLowerCase() === 'websocket'
    && connection !== undefined && connection.toLowerCase().includes('upgrade');
}
