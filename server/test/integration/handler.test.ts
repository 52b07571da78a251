// Our server and a handler played with raw ZeroMQ sockets (spec §3): the exact request messages, replies to one
// and many connections, close by empty body, disconnect notices, pipelining, WebSockets, JSON sockets, the Flash
// policy, extended replies, malformed replies, a request waiting for a handler that is not running yet.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHandlerRequest, encodeWebSocketFrame, renderTns } from '@m2/shared';
import { freePort } from '../helpers/c-mongrel2.js';
import { FakeHandler } from '../helpers/fake-handler.js';
import { tempDir } from '../helpers/processes.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const SENDER = '54c6755b-9628-40a4-9a2d-cc82a816345e';
const TSENDER = '34f9ceee-cd52-4b7f-b197-88bf2f0ec378';
const tmp = tempDir();
let srv: RunningServer;
let h: FakeHandler;
let t: FakeHandler;
let late: { send: string; recv: string };

/** A client connection that collects what it receives. */
class Client {
  readonly sock: Socket;
  data = Buffer.alloc(0);
  closed = false;
  constructor(port: number) {
    this.sock = connect(port, '127.0.0.1');
    this.sock.on('data', (d) => (this.data = Buffer.concat([this.data, d])));
    this.sock.on('close', () => (this.closed = true));
    this.sock.on('error', () => {});
  }
  ready(): Promise<void> {
    return new Promise((r) => (this.sock.connecting ? this.sock.once('connect', () => r()) : r()));
  }
  async until(pred: (c: Client) => boolean, ms = 3000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred(this)) {
      if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(this.data.toString('latin1'))}, closed=${this.closed}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const idOf = (msg: Buffer) => msg.toString('latin1').split(' ')[1]!;

beforeAll(async () => {
  const [p1, p2, p3, p4, p5, p6] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  late = { send: `tcp://127.0.0.1:${p5}`, recv: `tcp://127.0.0.1:${p6}` };
  writeFileSync(join(tmp.dir, 'served.txt'), 'from sendfile\n');
  const db = makeSite(tmp.dir, `main = Server(uuid="hs1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={
      '/handler': Handler(send_spec='tcp://127.0.0.1:${p1}', send_ident='${SENDER}', recv_spec='tcp://127.0.0.1:${p2}', recv_ident=''),
      '@chat': Handler(send_spec='tcp://127.0.0.1:${p1}', send_ident='${SENDER}', recv_spec='tcp://127.0.0.1:${p2}', recv_ident=''),
      '/tnet/': Handler(send_spec='tcp://127.0.0.1:${p3}', send_ident='${TSENDER}', recv_spec='tcp://127.0.0.1:${p4}', recv_ident='', protocol='tnetstring'),
      '/late': Handler(send_spec='${late.send}', send_ident='late', recv_spec='${late.recv}', recv_ident='')
    })])
servers = [main]
`, { 'upload.temp_store': 'tmp/über/upload.XXXXXX', 'limits.content_length': '64' });
  mkdirSync(join(tmp.dir, 'tmp', 'über'), { recursive: true });
  srv = await startServer('ours', tmp.dir, db, 'hs1');
  h = new FakeHandler(`tcp://127.0.0.1:${p1}`, `tcp://127.0.0.1:${p2}`);
  t = new FakeHandler(`tcp://127.0.0.1:${p3}`, `tcp://127.0.0.1:${p4}`);
  await h.settle();
});
afterAll(async () => {
  h?.close();
  t?.close();
  await srv?.stop();
  tmp.cleanup();
});

describe('HTTP requests to handlers', () => {
  it('sends the exact JSON message and writes the reply raw; the connection stays open', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('POST /handler/p?a=1&b=%20x#frag HTTP/1.1\r\nHost: localhost\r\nX-Weird-Case: va\\lue "q"\r\nCookie: a=1\r\nCookie: b="2"\r\nContent-Length: 5\r\n\r\nhello');
    const msg = await h.waitForPath('/handler/p', before);
    const id = idOf(msg);
    const json = `{"PATH":"/handler/p","x-forwarded-for":"127.0.0.1","host":"localhost","x-weird-case":"va\\\\lue \\"q\\"","cookie":["a=1","b=\\"2\\""],"content-length":"5","METHOD":"POST","VERSION":"HTTP/1.1","URI":"/handler/p?a=1&b=%20x","QUERY":"a=1&b=%20x","FRAGMENT":"frag","PATTERN":"/handler","URL_SCHEME":"http","REMOTE_ADDR":"127.0.0.1"}`;
    expect(msg!.toString('latin1')).toBe(`${SENDER} ${id} /handler/p ${json.length}:${json},5:hello,`);
    await h.send(`${SENDER} ${id.length}:${id}, HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi`);
    await c.until((x) => x.data.length >= 40);
    expect(c.data.toString()).toBe('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi');
    await new Promise((r) => setTimeout(r, 100));
    expect(c.closed).toBe(false);
    c.sock.destroy();
  });

  it('sends the tnetstring framing to a tnetstring handler', async () => {
    const c = new Client(srv.port);
    await c.ready();
    c.sock.write('GET /tnet/p?a=1 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const [msg] = await t.waitFor(1);
    const id = idOf(msg!);
    const dict = `11:REMOTE_ADDR,9:127.0.0.1,6:METHOD,3:GET,10:URL_SCHEME,4:http,7:PATTERN,6:/tnet/,5:QUERY,3:a=1,3:URI,11:/tnet/p?a=1,7:VERSION,8:HTTP/1.1,4:PATH,7:/tnet/p,15:x-forwarded-for,9:127.0.0.1,4:host,9:localhost,`;
    expect(msg!.toString('latin1')).toBe(`${TSENDER} ${id} /tnet/p ${dict.length}:${dict}}0:,`);
    c.sock.destroy();
  });

  it('answers many connections with one multi-target reply, closes on an empty body, and keeps HTTP/1.0 open', async () => {
    const a = new Client(srv.port);
    const b = new Client(srv.port);
    await Promise.all([a.ready(), b.ready()]);
    const before = h.received.length;
    a.sock.write('GET /handler/a HTTP/1.0\r\n\r\n');
    b.sock.write('GET /handler/b HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const msgs = [await h.waitForPath('/handler/a', before), await h.waitForPath('/handler/b', before)];
    const ids = msgs.map(idOf).sort();
    const list = ids.join(' ');
    await h.send(`${SENDER} ${list.length}:${list}, multi-hello`);
    await a.until((x) => x.data.toString() === 'multi-hello');
    await b.until((x) => x.data.toString() === 'multi-hello');
    await new Promise((r) => setTimeout(r, 100));
    expect(a.closed).toBe(false); // a handler-served HTTP/1.0 connection is never closed by the server on its own
    await h.send(`${SENDER} ${ids[0]!.length}:${ids[0]}, `);
    await h.send(`${SENDER} ${ids[1]!.length}:${ids[1]}, `);
    await a.until((x) => x.closed);
    await b.until((x) => x.closed);
  });

  it('forwards pipelined requests in order with one connection id', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('GET /handler/1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /handler/2 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await h.waitForPath('/handler/2', before);
    const msgs = h.received.slice(before).filter((m) => /^\S+ \d+ \/handler\/[12] /.test(m.toString('latin1')));
    expect(msgs.map((m) => m.toString('latin1').split(' ')[2])).toEqual(['/handler/1', '/handler/2']);
    expect(idOf(msgs[0]!)).toBe(idOf(msgs[1]!));
    c.sock.destroy();
  });

  it('tells the handler when its client disconnects, and answers a reply to a dead id with a disconnect notice', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('GET /handler/bye HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const id = idOf(await h.waitFor(before + 1).then(() => h.waitForPath('/handler/bye', before)));
    c.sock.destroy();
    const notice = `${SENDER} ${id} @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},`;
    await expect.poll(() => h.received.slice(before).some((m) => m.toString('latin1') === notice)).toBe(true);
    await h.send(`${SENDER} 5:99999, too late`);
    const dead = `${SENDER} 99999 @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},`;
    await expect.poll(() => h.received.slice(before).some((m) => m.toString('latin1') === dead)).toBe(true);
  });

  it('skips malformed replies and keeps serving', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('GET /handler/x HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const id = idOf(await h.waitForPath('/handler/x', before));
    const ids129 = Array.from({ length: 129 }, () => id).join(' ');
    for (const bad of [`this.is.wrong ${id.length}:${id}, x`, `${SENDER} 9:${id}, x`, `${SENDER} ${id.length}:${id},x`, `${SENDER} ${ids129.length}:${ids129}, x`, `${SENDER} 3:a b, x`, 'garbage']) {
      await h.send(bad);
    }
    await h.send(`${SENDER} ${id.length}:${id}, still here`);
    await c.until((x) => x.data.toString() === 'still here');
    c.sock.destroy();
  });

  it('extended replies: sendfile streams a file, ctl cancel closes without a notice, an unknown name disconnects', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('GET /handler/f HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const id = idOf(await h.waitForPath('/handler/f', before));
    await h.send(`${SENDER} ${id.length + 2}:X ${id}, ${renderTns(['sendfile', 'served.txt'])}`);
    await c.until((x) => x.data.toString() === 'from sendfile\n');
    await h.send(`${SENDER} ${id.length + 2}:X ${id}, ${renderTns(['ctl', new Map([['cancel', null]])])}`);
    await c.until((x) => x.closed);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.received.slice(before).filter((m) => m.toString('latin1').startsWith(`${SENDER} ${id} @*`))).toEqual([]);
  });
});

describe('WebSockets and sockets beyond HTTP', () => {
  it('forwards the handshake with the accept key, then frames with FLAGS, reassembling fragments', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('GET /handler/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: N43ZapnhAWAhOgfMxg1m/Q==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    const hs = decodeHandlerRequest(await h.waitForPath('/handler/ws', before));
    expect(hs.headers.get('METHOD')).toBe('WEBSOCKET_HANDSHAKE');
    expect(Buffer.from(hs.body).toString()).toBe('U9pe26fnUogTjY2WSTezQ3JTks8=');
    const mask = Buffer.from([1, 2, 3, 4]);
    c.sock.write(encodeWebSocketFrame(1, Buffer.from('hi there'), { mask }));
    c.sock.write(encodeWebSocketFrame(1, Buffer.from('abc'), { mask, fin: false }));
    c.sock.write(encodeWebSocketFrame(9, Buffer.from('p'), { mask }));
    c.sock.write(encodeWebSocketFrame(0, Buffer.from('def'), { mask }));
    await expect.poll(() => h.received.slice(before).filter((m) => m.toString('latin1').split(' ')[2] === '/handler/ws').length).toBe(4);
    const frames = h.received.slice(before).filter((m) => m.toString('latin1').split(' ')[2] === '/handler/ws').slice(1).map(decodeHandlerRequest);
    expect(frames.map((f) => [f.headers.get('METHOD'), f.headers.get('FLAGS'), Buffer.from(f.body).toString()])).toEqual([
      ['WEBSOCKET', '0x81', 'hi there'], ['WEBSOCKET', '0x89', 'p'], ['WEBSOCKET', '0x81', 'abcdef'],
    ]);
    c.sock.write(encodeWebSocketFrame(1, Buffer.from('unmasked')));
    await c.until((x) => x.closed);
  });

  it('JSON socket messages: forwarded as METHOD JSON, replies base64-encoded, pings swallowed; the Flash policy is answered', async () => {
    const c = new Client(srv.port);
    await c.ready();
    const before = h.received.length;
    c.sock.write('@chat {"type":"ping"}\0@chat {"msg":"hi"}\0');
    const msg = await h.waitForPath('@chat', before);
    const id = idOf(msg);
    const json = '{"PATH":"@chat","x-forwarded-for":"127.0.0.1","METHOD":"JSON","PATTERN":"@chat","URL_SCHEME":"http","REMOTE_ADDR":"127.0.0.1"}';
    expect(msg.toString('latin1')).toBe(`${SENDER} ${id} @chat ${json.length}:${json},12:{"msg":"hi"},`);
    await h.send(`${SENDER} ${id.length}:${id}, {"ok":1}\0`);
    await c.until((x) => x.data.toString() === Buffer.from('{"ok":1}').toString('base64'));
    c.sock.destroy();
    const p = new Client(srv.port);
    await p.ready();
    p.sock.write('<policy-file-request/>\0');
    await p.until((x) => x.closed);
    expect(p.data.toString()).toMatch(/^<\?xml version="1\.0"\?><!DOCTYPE cross-domain-policy .*<\/cross-domain-policy>\0$/);
  });
});

describe('a handler that is not running yet', () => {
  it('gets the request queued while it was away, once it connects', async () => {
    const c = new Client(srv.port);
    await c.ready();
    c.sock.write('GET /late HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));
    const lateHandler = new FakeHandler(late.send, late.recv);
    try {
      const [msg] = await lateHandler.waitFor(1);
      expect(msg!.toString('latin1')).toMatch(/^late \d+ \/late /);
      await lateHandler.settle();
      const id = idOf(msg!);
      await lateHandler.send(`late ${id.length}:${id}, done`);
      await c.until((x) => x.data.toString() === 'done');
    } finally {
      lateHandler.close();
      c.sock.destroy();
    }
  });
});

describe('uploads through upload.temp_store (§3.5)', () => {
  for (const [name, chunked] of [['a body over limits.content_length', false], ['a chunked body', true]] as const) {
    it(`${name}: start message, the file, then start + done`, async () => {
      const c = new Client(srv.port);
      await c.ready();
      const before = h.received.length;
      const body = Buffer.from('x'.repeat(150) + 'END');
      const path = chunked ? '/handler/up-chunked' : '/handler/up';
      const head = `POST ${path} HTTP/1.1\r\nHost: localhost\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`}\r\n\r\n`;
      c.sock.write(head);
      const start = decodeHandlerRequest(await h.waitForPath(path, before));
      // The path's UTF-8 bytes, as C sends the setting's bytes (a header value is a byte string).
      const file = start.headers.get('x-mongrel2-upload-start') as string;
      const name = Buffer.from(file, 'latin1').toString('utf8');
      expect(name).toMatch(/^tmp\/über\/upload\.[A-Za-z0-9]{6}$/);
      expect(start.headers.has('x-mongrel2-upload-done')).toBe(false);
      expect(start.body.length).toBe(0);
      c.sock.write(chunked ? Buffer.concat([Buffer.from('64\r\n'), body.subarray(0, 100), Buffer.from('\r\n35\r\n'), body.subarray(100), Buffer.from('\r\n0\r\n\r\n')]) : body);
      await expect.poll(() => h.received.slice(before).filter((m) => m.toString('latin1').split(' ')[2] === path).length).toBe(2);
      const done = decodeHandlerRequest(h.received.slice(before).filter((m) => m.toString('latin1').split(' ')[2] === path)[1]!);
      expect(done.headers.get('x-mongrel2-upload-start')).toBe(file);
      expect(done.headers.get('x-mongrel2-upload-done')).toBe(file);
      expect(readFileSync(join(tmp.dir, name))).toEqual(body);
      expect(statSync(join(tmp.dir, name)).mode & 0o777).toBe(0o600);
      c.sock.destroy();
    });
  }
});
