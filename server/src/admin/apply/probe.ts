// The probe that backs "applied": after a reload, one real HTTP request through the server's own listener, to a
// path the change touched, with its host's name. Any HTTP answer proves the new world serves; a refused or reset
// connection proves it does not; silence within the time limit usually means a handler that is not connected
// (the request waits in its queue), which the outcome says rather than calling it a failure.
import { connect } from 'node:net';
import type { ProbeResult } from '@m2/shared';


/** Where to connect for a server bound to `bindAddr` (a wildcard means this machine's loopback). */
export function probeAddress(bindAddr: string): string {
  return bindAddr === '0.0.0.0' || bindAddr === '' ? '127.0.0.1' : bindAddr === '::' ? '::1' : bindAddr;
}

/** The literal part of a route path (up to its first pattern character) as a request path. */
export function probePath(routePath: string): string {
  const literal = routePath.split('(')[0]!;
  return literal.startsWith('/') ? literal : `/${literal}`;
}

/** Sends `GET path` with `Host: host` to addr:port and reads the status line. */
export function probe(addr: string, port: number, host: string, path: string, timeoutMs = 2000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const sock = connect({ host: addr, port });
    let buf = '';
    const done = (r: ProbeResult) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'timeout', message: `no answer within ${timeoutMs} ms`, path, host }), timeoutMs);
    sock.setEncoding('latin1');
    sock.on('connect', () => sock.write(`GET ${encodeURI(path)} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: m2-console-probe\r\nConnection: close\r\n\r\n`));
    sock.on('data', (chunk: string) => {
      buf += chunk;
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(buf);
      if (m) done({ ok: true, status: Number(m[1]), path, host });
      else if (buf.includes('\r\n')) done({ ok: false, reason: 'closed', message: `not an HTTP answer: ${JSON.stringify(buf.slice(0, 40))}`, path, host });
    });
    sock.on('error', (e) => done({ ok: false, reason: 'refused', message: e.message, path, host }));
    sock.on('close', () => done({ ok: false, reason: 'closed', message: 'the server closed the connection without answering', path, host }));
  });
}
