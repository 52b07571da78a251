// Handlers and clients behaving badly: a handler killed and restarted mid-load, a handler flooding a client that
// does not read, an upload that stops half way, an oversized WebSocket frame. The server must refuse each as
// Mongrel2 would and keep serving.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHandlerRequest } from '@m2/shared';
import { freePort } from '../helpers/c-mongrel2.js';
import { FakeHandler } from '../helpers/fake-handler.js';
import { tempDir } from '../helpers/processes.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const tmp = tempDir();
let srv: RunningServer;
let specs: { send: string; recv: string };

function client(port: number): Promise<{ sock: Socket; data: () => string; closed: () => boolean }> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    sock.on('data', (d) => (data += d.toString('latin1')));
    sock.on('close', () => (closed = true));
    sock.on('error', () => {});
    sock.once('connect', () => resolve({ sock, data: () => data, closed: () => closed }));
  });
}

beforeAll(async () => {
  const [a, b] = [await freePort(), await freePort()];
  specs = { send: `tcp://127.0.0.1:${a}`, recv: `tcp://127.0.0.1:${b}` };
  mkdirSync(join(tmp.dir, 'tmp'));
  const db = makeSite(tmp.dir, `main = Server(uuid="rb1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={'/h': Handler(send_spec='${specs.send}', send_ident='rb', recv_spec='${specs.recv}', recv_ident='')})])
servers = [main]
`, { 'upload.temp_store': 'tmp/up.XXXXXX', 'limits.content_length': '16' });
  srv = await startServer('ours', tmp.dir, db, 'rb1');
});
afterAll(async () => {
  await srv?.stop();
  tmp.cleanup();
});

describe('a handler killed and restarted mid-load', () => {
  it('gets the requests that arrived while it was down, and can answer their clients', async () => {
    const first = new FakeHandler(specs.send, specs.recv);
    await first.settle();
    const c1 = await client(srv.port);
    c1.sock.write('GET /h/before HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const m1 = await first.waitForPath('/h/before');
    first.close();
    await new Promise((r) => setTimeout(r, 200));
    const waiting = await Promise.all([client(srv.port), client(srv.port), client(srv.port)]);
    waiting.forEach((c, i) => c.sock.write(`GET /h/while-down-${i} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    await new Promise((r) => setTimeout(r, 200));
    const second = new FakeHandler(specs.send, specs.recv);
    try {
      const msgs = await Promise.all([0, 1, 2].map((i) => second.waitForPath(`/h/while-down-${i}`)));
      await second.settle();
      const id1 = decodeHandlerRequest(m1).connId;
      for (const m of [...msgs.map((x) => decodeHandlerRequest(x).connId), id1]) await second.send(`rb ${m.length}:${m}, answered`);
      for (const c of [...waiting, c1]) await expect.poll(() => c.data()).toBe('answered');
    } finally {
      second.close();
      for (const c of [...waiting, c1]) c.sock.destroy();
    }
  });
});

describe('bad clients and floods', () => {
  it('disconnects a client that does not read while its handler floods it, and serves others', async () => {
    const h = new FakeHandler(specs.send, specs.recv);
    await h.settle();
    try {
      const slow = await client(srv.port);
      slow.sock.pause();
      slow.sock.write('GET /h/flood HTTP/1.1\r\nHost: localhost\r\n\r\n');
      const id = decodeHandlerRequest(await h.waitForPath('/h/flood')).connId;
      const chunk = 'z'.repeat(64 * 1024);
      // Loopback kernel buffers take several MiB before the server's own queue grows past its limit.
      for (let i = 0; i < 320; i++) await h.send(`rb ${id.length}:${id}, ${chunk}`);
      // The sends above only queue in the handler's ZeroMQ socket: wait until the server has given up on the
      // client (resuming earlier, on a loaded machine, lets the client keep up and nothing is to be refused).
      const errorLog = () => (existsSync(join(tmp.dir, 'logs/error.log')) ? readFileSync(join(tmp.dir, 'logs/error.log'), 'utf8') : '');
      await expect.poll(() => errorLog().includes(`connection ${id}: client is not reading its replies; disconnecting`), { timeout: 15000 }).toBe(true);
      // A paused socket does not see its end: read again to find it closed.
      slow.sock.resume();
      await expect.poll(() => slow.closed(), { timeout: 10000 }).toBe(true);
      expect(slow.data().length).toBeLessThan(320 * chunk.length);
      const ok = await client(srv.port);
      ok.sock.write('GET /h/ok HTTP/1.1\r\nHost: localhost\r\n\r\n');
      const okId = decodeHandlerRequest(await h.waitForPath('/h/ok')).connId;
      await h.send(`rb ${okId.length}:${okId}, fine`);
      await expect.poll(() => ok.data()).toBe('fine');
      ok.sock.destroy();
    } finally {
      h.close();
    }
  });

  it('removes the file of an upload whose client stops half way, and tells the handler it left', async () => {
    const h = new FakeHandler(specs.send, specs.recv);
    await h.settle();
    try {
      const c = await client(srv.port);
      c.sock.write('POST /h/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n' + 'q'.repeat(300));
      const start = decodeHandlerRequest(await h.waitForPath('/h/upload'));
      const file = start.headers.get('x-mongrel2-upload-start') as string;
      await expect.poll(() => existsSync(join(tmp.dir, file))).toBe(true);
      c.sock.destroy();
      await h.waitForPath('@*');
      await expect.poll(() => existsSync(join(tmp.dir, file))).toBe(false);
      expect(readdirSync(join(tmp.dir, 'tmp'))).toEqual([]);
    } finally {
      h.close();
    }
  });

  it('closes a WebSocket whose frame claims more than the message limit', async () => {
    const h = new FakeHandler(specs.send, specs.recv);
    await h.settle();
    try {
      const c = await client(srv.port);
      c.sock.write('GET /h/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
      await h.waitForPath('/h/ws');
      const header = Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 2, 3, 4]);
      c.sock.write(header);
      await expect.poll(() => c.closed()).toBe(true);
    } finally {
      h.close();
    }
  });
});
