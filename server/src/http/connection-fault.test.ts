// A fault of ours while serving one connection (an exception where none was expected) must cost that connection
// only: it is logged with the connection's id and closed, and the server keeps serving the others. The host here
// is a stand-in whose routing world throws for one path; the sockets are real, over loopback.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessLog } from '../log/access-log.js';
import { ErrorLog } from '../log/error-log.js';
import { Connection } from './connection.js';
import type { ConnectionHost } from './connection-host.js';
import type { HttpConnection } from './http-connection.js';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Sends `text` on a new connection and resolves with what came back once the server closed it. */
function ask(port: number, text: string): Promise<{ data: string; closed: boolean }> {
  return new Promise((resolve) => {
    const s: Socket = connect(port, '127.0.0.1', () => s.write(text));
    let data = '';
    s.on('data', (d) => (data += d.toString('latin1')));
    s.on('error', () => undefined);
    s.on('close', () => resolve({ data, closed: true }));
  });
}

describe('a fault while serving a connection', () => {
  it('is logged with the connection id, closes that connection, and leaves the server serving', async () => {
    const logged: string[] = [];
    const forgotten: number[] = [];
    let next = 1;
    const host = {
      world: () => {
        throw new Error('the world is broken');
      },
      limits: {
        bufferSize: 2048, headerCount: 64, relaxed: false, clientReadRetries: 5, maxProxyBody: 1 << 20, contentLength: 1 << 20,
        uploadTempStore: '', uploadStream: false, uploadTempStoreMode: 0o600, downloadFlowControl: false, noClobberXff: false,
      },
      log: new ErrorLog(2, (t) => logged.push(t)),
      accessLog: new AccessLog(),
      handlers: {} as ConnectionHost['handlers'],
      forget: (c: HttpConnection) => forgotten.push(c.id),
    } as unknown as ConnectionHost;
    server = createServer((sock) => new Connection(sock, host, next++));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;

    const first = await ask(port, 'GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(first).toEqual({ data: '', closed: true });
    // A second connection meets the same fault on its own: the process is still up and accepting.
    const second = await ask(port, 'GET /b HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(second).toEqual({ data: '', closed: true });
    await expect.poll(() => forgotten).toEqual([1, 2]);
    const text = logged.join('');
    expect(text).toContain('connection 1: internal error, closing the connection: Error: the world is broken');
    expect(text).toContain('connection 2: internal error, closing the connection: Error: the world is broken');
  });
});
