// Tests for BackendLink over real loopback sockets: the request reaches the backend verbatim (spec §7, the
// OBSERVED `GET /proxy/one?q=1` with the client's own X-Forwarded-For), the response reaches the browser
// byte-for-byte, and one backend socket serves consecutive requests (the reuse of conn->proxy_iob).

import { afterEach, describe, expect, it } from 'vitest';
import { BackendLink } from './backend-link.js';
import { ResponseReader } from './response-reader.js';
import { clientPair, closeAll, loadCorpus, req, startBackend } from './test-net.js';

afterEach(closeAll);

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('BackendLink streaming', () => {
  for (const [name, data] of loadCorpus()) {
    it(`${name}: reaches the browser byte-identical`, async () => {
      const framing = new ResponseReader();
      const end = framing.push(data).consumed;
      const backend = await startBackend((sock) => {
        for (let i = 0; i < data.length; i += 1000) sock.write(data.subarray(i, i + 1000));
        if (framing.wantsClose) sock.end();
      });
      const pair = await clientPair();
      const link = await BackendLink.open(backend.target);
      const res = await link.forward(req('GET', '/corpus'), null, pair.proxySide);
      expect(res).toMatchObject({ status: 200, contentLength: framing.contentLength, bytes: end });
      expect(res.clientMustClose).toBe(framing.wantsClose);
      await new Promise((r) => setTimeout(r, 20));
      expect(pair.received().equals(data.subarray(0, end))).toBe(true);
      link.close();
    });
  }

  it('forwards head and body verbatim, small and large bodies', async () => {
    const backend = await startBackend((sock) => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const pair = await clientPair();
    const link = await BackendLink.open(backend.target);
    const head = req('POST', '/proxy/one?q=1', 'X-Forwarded-For: 1.2.3.4\r\nContent-Length: 5\r\n');
    await link.forward(head, b('hello'), pair.proxySide);
    const big = Buffer.alloc(100_000, 0x61);
    const head2 = req('PUT', '/big', `Content-Length: ${big.length}\r\n`);
    await link.forward(head2, big, pair.proxySide);
    expect(backend.requests[0]?.equals(Buffer.concat([head, b('hello')]))).toBe(true);
    expect(backend.requests[1]?.equals(Buffer.concat([head2, big]))).toBe(true);
    expect(backend.sockets.length).toBe(1);
    link.close();
  });

  it('reuses one backend socket for three forwards without leaking listeners', async () => {
    const backend = await startBackend((sock, _raw, i) => {
      const body = `answer ${i}`;
      const resp = i === 1
        ? `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`
        : `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
      // Split the response so the head and body arrive separately.
      sock.write(resp.slice(0, 10));
      setTimeout(() => sock.write(resp.slice(10)), 5);
    });
    const pair = await clientPair();
    const closeListeners = pair.proxySide.listenerCount('close');
    const link = await BackendLink.open(backend.target);
    for (let i = 0; i < 3; i++) {
      const res = await link.forward(req('GET', `/n/${i}`), null, pair.proxySide);
      expect(res).toEqual({ status: 200, contentLength: i === 1 ? -1 : 8, reusable: true, clientMustClose: false, bytes: expect.any(Number) });
      expect(link.closed).toBe(false);
    }
    expect(backend.sockets.length).toBe(1);
    expect(backend.requests.map((r) => r.toString().split(' ')[1])).toEqual(['/n/0', '/n/1', '/n/2']);
    expect(pair.proxySide.listenerCount('close')).toBe(closeListeners);
    expect(pair.proxySide.listenerCount('drain')).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(pair.received().toString().match(/answer \d/g)).toEqual(['answer 0', 'answer 1', 'answer 2']);
    link.close();
    expect(link.closed).toBe(true);
  });

  it('204, 304, HEAD and 1xx-then-200 keep the backend reusable', async () => {
    const replies = [
      'HTTP/1.1 204 No Content\r\n\r\n',
      'HTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 12345\r\n\r\n',
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone',
    ];
    const backend = await startBackend((sock, _raw, i) => sock.write(replies[i] ?? ''));
    const pair = await clientPair();
    const link = await BackendLink.open(backend.target);
    const statuses: number[] = [];
    for (const method of ['GET', 'GET', 'HEAD', 'POST']) {
      const res = await link.forward(req(method, '/x', 'Content-Length: 0\r\n'), null, pair.proxySide);
      expect(res).toMatchObject({ reusable: true, clientMustClose: false });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([204, 304, 200, 200]);
    await new Promise((r) => setTimeout(r, 20));
    expect(pair.received().toString()).toBe(replies.join(''));
    link.close();
  });

  it('close-delimited and Connection: close responses close the client and the backend', async () => {
    const replies = ['HTTP/1.0 200 OK\r\n\r\nuntil close', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok'];
    for (const reply of replies) {
      const backend = await startBackend((sock) => sock.end(reply));
      const pair = await clientPair();
      const link = await BackendLink.open(backend.target);
      const res = await link.forward(req('GET', '/'), null, pair.proxySide);
      expect(res).toMatchObject({ reusable: false, clientMustClose: true, bytes: reply.length });
      expect(res.error).toBeUndefined();
      expect(link.closed).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(pair.received().toString()).toBe(reply);
    }
  });

  it('warns when a response head needed many reads', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
    const backend = await startBackend(async (sock) => {
      for (const ch of head) {
        sock.write(ch);
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    const pair = await clientPair();
    const warnings: string[] = [];
    const link = await BackendLink.open(backend.target, { readRetryWarn: 3, warn: (m) => warnings.push(m) });
    const res = await link.forward(req('GET', '/slow'), null, pair.proxySide);
    expect(res.status).toBe(200);
    expect(warnings[0]).toMatch(/needed \d+ reads for a header/);
    link.close();
  });
});
