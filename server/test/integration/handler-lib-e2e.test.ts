// The Node handler library's examples against our real server process: the echo handler answers HTTP, the
// upload handler answers a body that went through upload.temp_store, the chat room fans a WebSocket message out
// to every member with one deliver, and a reload that removes a handler closes its sockets while an unchanged
// handler keeps serving.
import { mkdirSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWebSocketFrame, WebSocketDecoder } from '@m2/shared';
import { start as startChat } from '../../src/examples/chat.js';
import { start as startEcho } from '../../src/examples/echo.js';
import { start as startUpload } from '../../src/examples/upload.js';
import { freePort } from '../helpers/c-mongrel2.js';
import { tempDir } from '../helpers/processes.js';
import { exchange } from '../helpers/raw-http.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const tmp = tempDir();
let srv: RunningServer;
let ports: number[];
const stops: (() => Promise<void>)[] = [];
const spec = (p: number) => `tcp://127.0.0.1:${p}`;

beforeAll(async () => {
  ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const [e1, e2, u1, u2, c1, c2] = ports as [number, number, number, number, number, number];
  mkdirSync(join(tmp.dir, 'tmp'));
  const db = makeSite(tmp.dir, `main = Server(uuid="le1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={
      '/echo': Handler(send_spec='${spec(e1)}', send_ident='echo-ident', recv_spec='${spec(e2)}', recv_ident=''),
      '/upload': Handler(send_spec='${spec(u1)}', send_ident='upload-ident', recv_spec='${spec(u2)}', recv_ident=''),
      '/chat': Handler(send_spec='${spec(c1)}', send_ident='chat-ident', recv_spec='${spec(c2)}', recv_ident='')
    })])
servers = [main]
`, { 'upload.temp_store': 'tmp/upload.XXXXXX', 'limits.content_length': '32' });
  srv = await startServer('ours', tmp.dir, db, 'le1');
  stops.push(await startEcho({ sendSpec: spec(e1), recvSpec: spec(e2) }));
  stops.push(await startUpload({ sendSpec: spec(u1), recvSpec: spec(u2), extra: [tmp.dir] }));
  stops.push(await startChat({ sendSpec: spec(c1), recvSpec: spec(c2) }));
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await srv?.stop();
  tmp.cleanup();
});

describe('the examples through our server', () => {
  it('echo dumps the request back', async () => {
    const r = await exchange(srv.port, 'GET /echo/hi?x=1 HTTP/1.1\r\nHost: localhost\r\nX-Test: yes\r\n\r\n');
    const text = r.bytes.toString();
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain('PATH: /echo/hi');
    expect(text).toContain('"x-test":"yes"');
    expect(text).toContain('"QUERY":"x=1"');
  });

  it('upload answers with the size of a body the server wrote to upload.temp_store', async () => {
    const body = 'u'.repeat(5000);
    const r = await exchange(srv.port, `POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body.length}\r\n\r\n${body}`, { quietMs: 1500 });
    expect(r.bytes.toString()).toContain('UPLOAD GOOD: 5000 bytes');
  });

  it('chat fans one member\'s message out to every member', async () => {
    const members = await Promise.all(['ann', 'bob', 'cy'].map(async (user) => {
      const sock = await new Promise<Socket>((r) => {
        const s = connect(srv.port, '127.0.0.1');
        s.once('connect', () => r(s));
      });
      const decoder = new WebSocketDecoder({ requireMask: false });
      const texts: string[] = [];
      let handshake = false;
      let pending = Buffer.alloc(0);
      sock.on('data', (d) => {
        pending = Buffer.concat([pending, d]);
        if (!handshake) {
          const end = pending.indexOf('\r\n\r\n');
          if (end < 0) return;
          handshake = pending.subarray(0, 12).toString() === 'HTTP/1.1 101';
          pending = pending.subarray(end + 4);
        }
        for (const ev of decoder.push(pending)) if (ev.kind === 'message') texts.push(Buffer.from(ev.payload).toString());
        pending = Buffer.alloc(0);
      });
      sock.write('GET /chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
      await expect.poll(() => handshake).toBe(true);
      const mask = Buffer.from([1, 2, 3, 4]);
      sock.write(encodeWebSocketFrame(1, Buffer.from(JSON.stringify({ type: 'join', user })), { mask }));
      return { user, sock, texts, mask };
    }));
    await new Promise((r) => setTimeout(r, 200));
    const [ann] = members;
    ann!.sock.write(encodeWebSocketFrame(1, Buffer.from(JSON.stringify({ type: 'msg', msg: 'hello room' })), { mask: ann!.mask }));
    for (const m of members) await expect.poll(() => m.texts.some((t) => t.includes('hello room'))).toBe(true);
    for (const m of members) m.sock.destroy();
  });
});

describe('reload and handler sockets', () => {
  it('closes the sockets of a removed handler and keeps the unchanged ones serving', async () => {
    const db = new Database(join(tmp.dir, 'config.sqlite'));
    db.prepare("DELETE FROM route WHERE path = '/upload'").run();
    db.close();
    process.kill(srv.proc.pid!, 'SIGHUP');
    const uploadSend = ports[2]!;
    await expect.poll(async () => {
      const probe = createServer();
      const free = await new Promise<boolean>((r) => {
        probe.once('error', () => r(false));
        probe.listen(uploadSend, '127.0.0.1', () => r(true));
      });
      if (free) await new Promise((r) => probe.close(r));
      return free;
    }, { timeout: 5000 }).toBe(true);
    const r = await exchange(srv.port, 'GET /echo/after HTTP/1.1\r\nHost: localhost\r\n\r\n').catch((e: Error) => { throw new Error(`${e.message}\n${srv.output()}`); });
    expect(r.bytes.toString()).toContain('PATH: /echo/after');
  });
});
