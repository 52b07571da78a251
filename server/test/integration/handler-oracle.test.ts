// Differential test of the handler protocol: the same client requests through the reference C mongrel2 (Debian
// mongrel2-core, /usr/bin/mongrel2) and ours, each recorded by a PULL socket playing the handler; the messages
// must decode to the same sender, id, path, headers and body (header order inside the dict is hash order in C,
// so the dicts are compared as maps), and both must deliver the same reply to the client.
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHandlerRequest, encodeWebSocketFrame } from '@m2/shared';
import { freePort } from '../helpers/c-mongrel2.js';
import { FakeHandler } from '../helpers/fake-handler.js';
import { tempDir } from '../helpers/processes.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const SENDER = '54c6755b-9628-40a4-9a2d-cc82a816345e';
const tmp = tempDir();
const sides: { name: 'ours' | 'c'; srv: RunningServer; json: FakeHandler; tnet: FakeHandler; utf8: FakeHandler }[] = [];

beforeAll(async () => {
  for (const name of ['ours', 'c'] as const) {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    const [a, b, c, d, e, f] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const db = makeSite(dir, `main = Server(uuid="ho1", name="main", chroot="./", access_log="/logs/access.log",
      error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
      hosts=[Host(name="localhost", routes={
        '/handler': Handler(send_spec='tcp://127.0.0.1:${a}', send_ident='${SENDER}', recv_spec='tcp://127.0.0.1:${b}', recv_ident=''),
        '@chat': Handler(send_spec='tcp://127.0.0.1:${a}', send_ident='${SENDER}', recv_spec='tcp://127.0.0.1:${b}', recv_ident=''),
        '/tnet/': Handler(send_spec='tcp://127.0.0.1:${c}', send_ident='tnet-ident', recv_spec='tcp://127.0.0.1:${d}', recv_ident='', protocol='tnetstring'),
        '/u/([xé]+)': Handler(send_spec='tcp://127.0.0.1:${e}', send_ident='ident-日本', recv_spec='tcp://127.0.0.1:${f}', recv_ident='')
      })])
servers = [main]
`);
    const srv = await startServer(name, dir, db, 'ho1');
    const json = new FakeHandler(`tcp://127.0.0.1:${a}`, `tcp://127.0.0.1:${b}`);
    const tnet = new FakeHandler(`tcp://127.0.0.1:${c}`, `tcp://127.0.0.1:${d}`);
    const utf8 = new FakeHandler(`tcp://127.0.0.1:${e}`, `tcp://127.0.0.1:${f}`);
    sides.push({ name, srv, json, tnet, utf8 });
  }
  await new Promise((r) => setTimeout(r, 500));
});
afterAll(async () => {
  for (const s of sides) {
    s.json.close();
    s.tnet.close();
    s.utf8.close();
    await s.srv.stop();
  }
  tmp.cleanup();
});

/** Sends `data` on a new connection to each server; returns each side's next message on `which` handler. */
async function both(data: (Buffer | string)[], which: 'json' | 'tnet' | 'utf8', path: string) {
  const out = [];
  for (const s of sides) {
    const h = s[which];
    const from = h.received.length;
    const sock = connect(s.srv.port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    for (const d of data) {
      sock.write(d);
      await new Promise((r) => setTimeout(r, 30));
    }
    const msg = await h.waitForPath(path, from);
    out.push({ side: s.name, sock, msg, h });
  }
  return out;
}

function decoded(msg: Buffer) {
  const d = decodeHandlerRequest(msg);
  const headers = Object.fromEntries([...d.headers].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { sender: d.sender, path: d.path, headers, body: Buffer.from(d.body).toString('latin1') };
}

describe('requests reach the handler as the C mongrel2 sends them', () => {
  it('a POST with query, fragment, repeated and odd headers (JSON)', async () => {
    const r = await both(['POST /handler/p?a=1&b=%20x#frag HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nX-Weird-Case: va\\lue "q"\r\nCookie: a=1\r\nCookie: b="2"\r\nContent-Length: 5\r\n\r\nhello'], 'json', '/handler/p');
    expect(decoded(r[0]!.msg)).toEqual(decoded(r[1]!.msg));
    for (const x of r) x.sock.destroy();
  });

  it('a handler whose send_ident and route pattern are not ASCII: both go out as their UTF-8 bytes', async () => {
    const r = await both(['GET /u/x HTTP/1.1\r\nHost: localhost\r\n\r\n'], 'utf8', '/u/x');
    const ident = Buffer.from('ident-日本 ', 'utf8');
    for (const x of r) expect(x.msg.subarray(0, ident.length)).toEqual(ident);
    expect(decoded(r[0]!.msg)).toEqual(decoded(r[1]!.msg));
    expect(decoded(r[0]!.msg).headers.PATTERN).toBe(Buffer.from('/u/([xé]+)', 'utf8').toString('latin1'));
    for (const x of r) x.sock.destroy();
  });

  it('an HTTP/1.0 request without Host, and a tnetstring handler', async () => {
    const a = await both(['GET /handler/old HTTP/1.0\r\nX-Forwarded-For: 1.2.3.4\r\n\r\n'], 'json', '/handler/old');
    expect(decoded(a[0]!.msg)).toEqual(decoded(a[1]!.msg));
    const t = await both(['GET /tnet/p?a=1 HTTP/1.1\r\nHost: localhost\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n'], 'tnet', '/tnet/p');
    expect(decoded(t[0]!.msg)).toEqual(decoded(t[1]!.msg));
    for (const x of [...a, ...t]) x.sock.destroy();
  });

  it('a JSON socket message', async () => {
    const r = await both(['@chat {"msg":"hello"}\0'], 'json', '@chat');
    expect(decoded(r[0]!.msg)).toEqual(decoded(r[1]!.msg));
    for (const x of r) x.sock.destroy();
  });

  it('a WebSocket handshake and a text frame', async () => {
    const hs = 'GET /handler/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: N43ZapnhAWAhOgfMxg1m/Q==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost\r\n\r\n';
    const r = await both([hs], 'json', '/handler/ws');
    expect(decoded(r[0]!.msg)).toEqual(decoded(r[1]!.msg));
    for (const x of r) {
      const from = x.h.received.length;
      x.sock.write(encodeWebSocketFrame(1, Buffer.from('hi there'), { mask: Buffer.from([9, 8, 7, 6]) }));
      await x.h.waitForPath('/handler/ws', from);
    }
    const frames = r.map((x) => decoded(x.h.received.filter((m) => m.toString('latin1').split(' ')[2] === '/handler/ws').at(-1)!));
    expect(frames[0]).toEqual(frames[1]);
    expect(frames[0]!.headers.FLAGS).toBe('0x81');
    for (const x of r) x.sock.destroy();
  });

  it('both write a reply raw and answer the same way to a reply for a dead id', async () => {
    const r = await both(['GET /handler/reply HTTP/1.1\r\nHost: localhost\r\n\r\n'], 'json', '/handler/reply');
    const got: string[] = [];
    for (const x of r) {
      const id = x.msg.toString('latin1').split(' ')[1]!;
      let data = '';
      x.sock.on('data', (d) => (data += d.toString('latin1')));
      await x.h.send(`${SENDER} ${id.length}:${id}, HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes`);
      await expect.poll(() => data).toBe('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes');
      got.push(data);
      const from = x.h.received.length;
      await x.h.send(`${SENDER} 5:77777, nobody`);
      const notice = await x.h.waitForPath('@*', from);
      expect(notice.toString('latin1')).toBe(`${SENDER} 77777 @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},`);
      x.sock.destroy();
    }
    expect(got[0]).toBe(got[1]);
  });
});
