// ZeroMQ endpoints as handler.send_spec / recv_spec and server.control_port hold them (spec §3.1, §4.1): the
// transports a Mongrel2 handler or control port can use — `tcp://host:port` (host `*`, an IP literal, a name or
// an interface; port 1-65535 or `*` for any), `ipc://path` and `inproc://name`. Parsed as libzmq does
// (tcp_address.cpp splits host from port at the last `:` and strips IPv6 brackets), refused with a coded error.
import { utf8Length } from '../protocol/tnetstring.js';
import { quoted } from './errors.js';
import { isHostname, isIpv4, isIpv6 } from './net-address.js';

/** The ZeroMQ transports Mongrel2 can use. */
export type ZmqTransport = 'tcp' | 'ipc' | 'inproc';

/** A well-formed endpoint: a tcp host and port (`'*'` = any), or an ipc path / inproc name. */
export type ZmqEndpoint =
  | { ok: true; transport: 'tcp'; host: string; port: number | '*' }
  | { ok: true; transport: 'ipc' | 'inproc'; path: string };

/** What is wrong with an endpoint. */
export type ZmqEndpointErrorCode = 'EMPTY' | 'TRANSPORT' | 'HOST' | 'PORT' | 'PATH';

/** A refused endpoint, with a readable message. */
export interface ZmqEndpointError {
  ok: false;
  code: ZmqEndpointErrorCode;
  message: string;
}

/** The longest ipc path libzmq can bind: sizeof(sockaddr_un.sun_path) - 1 on Linux. */
export const IPC_PATH_MAX = 107;

function fail(code: ZmqEndpointErrorCode, message: string): ZmqEndpointError {
  return { ok: false, code, message };
}

function parseTcp(rest: string): ZmqEndpoint | ZmqEndpointError {
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return fail('PORT', `tcp endpoint ${quoted(`tcp://${rest}`)} needs a port, as in tcp://127.0.0.1:9999`);
  let host = rest.slice(0, colon);
  const portText = rest.slice(colon + 1);
  const bracketed = host.startsWith('[') && host.endsWith(']');
  if (bracketed) host = host.slice(1, -1);
  if (host === '') return fail('HOST', 'tcp endpoint has no host before the port (use * for every interface)');
  const hostOk = bracketed ? isIpv6(host) : host === '*' || isIpv4(host) || isIpv6(host) || isHostname(host);
  if (!hostOk) return fail('HOST', `${quoted(host)} is not *, an IP address, a host name or an interface name`);
  if (portText === '*') return { ok: true, transport: 'tcp', host, port: '*' };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return fail('PORT', `tcp port ${quoted(portText)} must be a number from 1 to 65535, or *`);
  return { ok: true, transport: 'tcp', host, port };
}

/** Parses an endpoint such as `tcp://127.0.0.1:9999`, `ipc://run/control` or `inproc://x`. */
export function parseZmqEndpoint(spec: string): ZmqEndpoint | ZmqEndpointError {
  if (spec.length === 0) return fail('EMPTY', 'the endpoint is empty');
  const sep = spec.indexOf('://');
  if (sep < 0) return fail('TRANSPORT', `${quoted(spec)} has no transport; write tcp://host:port, ipc://path or inproc://name`);
  const transport = spec.slice(0, sep);
  const rest = spec.slice(sep + 3);
  if (spec.includes('\0')) return fail('PATH', 'the endpoint must not contain a NUL character');
  switch (transport) {
    case 'tcp':
      return parseTcp(rest);
    case 'ipc':
      if (rest === '') return fail('PATH', 'ipc endpoint needs a socket path, as in ipc://run/control');
      if (utf8Length(rest) > IPC_PATH_MAX) return fail('PATH', `ipc path is longer than ${IPC_PATH_MAX} bytes, the most a Unix socket can take`);
      return { ok: true, transport: 'ipc', path: rest };
    case 'inproc':
      if (rest === '') return fail('PATH', 'inproc endpoint needs a name, as in inproc://handlers');
      return { ok: true, transport: 'inproc', path: rest };
    default:
      return fail('TRANSPORT', `transport ${quoted(transport)} is not one Mongrel2 can use (tcp, ipc or inproc)`);
  }
}
