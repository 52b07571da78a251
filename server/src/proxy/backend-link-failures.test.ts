// Failure and flow-control tests for BackendLink over loopback sockets: the 502 cases of spec §7
// (connection_http_to_proxy FAILED → connection_proxy_failed), a backend or browser vanishing mid-response,
// malformed backend output, unsolicited backend bytes, and backpressure from a slow browser.

import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { BackendError, BackendLink } from './backend-link.js';
import { clientPair, closeAll, req, startBackend, until } from './test-net.js';

afterEach(closeAll);

/** A port nothing listens on: bind one, then close it. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BackendError);
  return err as BackendError;
}

describe('BackendLink failures before any byte reaches the browser (caller sends 502)', () => {
  it('connection refused rejects open() with code "connect"', async () => {
    const err = await rejection(BackendLink.open({ addr: '127.0.0.1', port: await deadPort() }));
    expect(err.code).toBe('connect');
    expect(err.message).toMatch(/cannot connect to proxy backend 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('backend closing without a response, or mid-head, rejects with "no-response"', async () => {
    for (const partial of ['', 'HTTP/1.1 200 OK\r\nContent-Le']) {
      const backend = await startBackend((sock) => sock.end(partial));
      const pair = await clientPair();
      const link = await BackendLink.open(backend.target);
      const err = await rejection(link.forward(req('GET', '/'), null, pair.proxySide));
      expect(err.code).toBe('no-response');
      expect(link.closed).toBe(true);
      expect(pair.received().length).toBe(0);
      expect(pair.proxySide.listenerCount('close')).toBeLessThanOrEqual(1);
      await rejection(link.forward(req('GET', '/'), null, pair.proxySide)).then((e) => expect(e.code).toBe('closed'));
    }
  });

  it('a malformed response head rejects with "malformed" and destroys the backend socket', async () => {
    const backend = await startBackend((sock) => sock.write('HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\nxx'));
    const pair = await clientPair();
    const link = await BackendLink.open(backend.target);
    const err = await rejection(link.forward(req('GET', '/'), null, pair.proxySide));
    expect(err.code).toBe('malformed');
    expect(err.message).toMatch(/invalid Content-Length/);
    expect(link.closed).toBe(true);
    await until(() => backend.sockets[0]?.destroyed === true || backend.sockets[0]?.readableEnded === true);
    expect(pair.received().length).toBe(0);
  });
});

describe('BackendLink failures after bytes reached the browser (client must close)', () => {
  it('backend closing mid-body resolves with clientMustClose and an error', async () => {
    const backend = await startBackend((sock) => sock.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part'));
    const pair = await clientPair();
    const link = await BackendLink.open(backend.target);
    const res = await link.forward(req('GET', '/'), null, pair.proxySide);
    expect(res).toMatchObject({ status: 200, contentLength: 100, reusable: false, clientMustClose: true });
    expect(res.error).toMatch(/closed mid-response/);
    expect(link.closed).toBe(true);
  });

  it('a malformed chunk resolves with clientMustClose once the head was sent, else rejects', async () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n';
    // First connection: the bad chunk arrives with the head; second: 20 ms after the head was forwarded.
    const backend = await startBackend((sock) => {
      if (backend.sockets.length === 1) {
        sock.write(`${head}qq\r\n`);
      } else {
        sock.write(head);
        setTimeout(() => sock.write('qq\r\n'), 20);
      }
    });
    const early = await BackendLink.open(backend.target);
    const pair = await clientPair();
    const err = await rejection(early.forward(req('GET', '/'), null, pair.proxySide));
    expect([err.code, pair.received().length]).toEqual(['malformed', 0]);
    const link = await BackendLink.open(backend.target);
    const res = await link.forward(req('GET', '/'), null, pair.proxySide);
    expect(res).toMatchObject({ reusable: false, clientMustClose: true, bytes: head.length });
    expect(res.error).toMatch(/malformed chunk size/);
    expect(link.closed).toBe(true);
  });

  it('the browser closing mid-response destroys the backend socket', async () => {
    const backend = await startBackend((sock) => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes'));
    const pair = await clientPair();
    const link = await BackendLink.open(backend.target);
    const pending = link.forward(req('GET', '/'), null, pair.proxySide);
    await until(() => pair.received().length > 0);
    pair.user.destroy();
    const res = await pending;
    expect(res).toMatchObject({ reusable: false, clientMustClose: true, error: 'client closed mid-response' });
    expect(link.closed).toBe(true);
    const backendSide = backend.sockets[0];
    await until(() => backendSide?.readableEnded === true || backendSide?.destroyed === true);
    expect(pair.proxySide.listenerCount('drain')).toBe(0);
  });
});

describe('BackendLink between responses and under backpressure', () => {
  it('unsolicited backend bytes or an idle close mark the link closed', async () => {
    const backend = await startBackend((sock, _raw, i) => {
      sock.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
      setTimeout(() => (i === 0 ? sock.write('HTTP/1.1 200 surprise\r\n\r\n') : sock.end()), 10);
    });
    for (let i = 0; i < 2; i++) {
      const pair = await clientPair();
      const link = await BackendLink.open(backend.target);
      if (i === 1) await link.forward(req('GET', '/warmup'), null, pair.proxySide);
      const res = await link.forward(req('GET', '/'), null, pair.proxySide);
      expect(res.reusable).toBe(true);
      await until(() => link.closed);
    }
  });

  it('a 5 MiB response to a slow browser pauses the backend and keeps memory bounded', async () => {
    const size = 5 * 1024 * 1024;
    const body = Buffer.alloc(size, 0x7a);
    let backendSock: net.Socket | undefined;
    const backend = await startBackend((sock) => {
      backendSock = sock;
      sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${size}\r\n\r\n`);
      for (let i = 0; i < size; i += 65536) sock.write(body.subarray(i, i + 65536));
    });
    const pair = await clientPair();
    pair.user.pause();
    const link = await BackendLink.open(backend.target);
    let settled = false;
    const pending = link.forward(req('GET', '/big'), null, pair.proxySide).finally(() => (settled = true));
    await until(() => link.pauses > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    // The browser reads nothing: at most ~one backend read sits in our write queue, and the part of the
    // response that the kernel buffers could not absorb is still on the backend's side, unread by us.
    expect(pair.proxySide.writableLength).toBeLessThan(256 * 1024);
    expect(backendSock?.bytesWritten).toBeGreaterThan(size);
    expect(pair.proxySide.bytesWritten).toBeLessThan(size);
    pair.user.resume();
    const res = await pending;
    expect(res).toMatchObject({ status: 200, contentLength: size, reusable: true, clientMustClose: false });
    await until(() => pair.received().length === res.bytes);
    const got = pair.received();
    expect(got.subarray(got.length - size).equals(body)).toBe(true);
    expect(pair.proxySide.listenerCount('drain')).toBe(0);
    link.close();
  });
});
