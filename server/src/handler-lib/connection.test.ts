// Connection against real ZeroMQ sockets: FakeMongrel2 binds mongrel2's PUSH and SUB, the test pushes request
// messages written out byte for byte from spec §3.2/§3.3 (JSON and tnetstring framing, disconnect notices) and
// asserts the exact bytes the library publishes back (spec §3.4, §3.6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Subscriber } from 'zeromq';
import { Connection } from './connection.js';
import { FakeMongrel2, splitReply } from './fake-mongrel2.js';
import { WsOpcode } from './request.js';

const JSON_UUID = '54c6755b-9628-40a4-9a2d-cc82a816345e';
const TNET_UUID = '34f9ceee-cd52-4b7f-b197-88bf2f0ec378';
// Spec §3.2 OBSERVED, JSON framing (the `\\` and `\"` are JSON escapes on the wire).
const JSON_REQ =
  `${JSON_UUID} 13 /handler/p 350:{"PATH":"/handler/p","x-forwarded-for":"127.0.0.1","content-type":"text/plain",` +
  `"content-length":"5","x-weird-case":"va\\\\lue \\"q\\"","host":"localhost","cookie":["a=1","b=\\"2\\""],` +
  `"METHOD":"POST","VERSION":"HTTP/1.1","URI":"/handler/p?a=1&b=%20x","QUERY":"a=1&b=%20x","FRAGMENT":"frag",` +
  `"PATTERN":"/handler","URL_SCHEME":"http","REMOTE_ADDR":"127.0.0.1"},5:hello,`;
// Spec §3.2 OBSERVED, tnetstring framing.
const TNET_REQ =
  `${TNET_UUID} 14 /tnet/p 271:11:REMOTE_ADDR,9:127.0.0.1,6:METHOD,4:POST,10:URL_SCHEME,4:http,7:PATTERN,6:/tnet/,` +
  `8:FRAGMENT,4:frag,5:QUERY,3:a=1,3:URI,11:/tnet/p?a=1,7:VERSION,8:HTTP/1.1,4:PATH,7:/tnet/p,6:cookie,12:3:a=1,3:b=2,]` +
  `4:host,9:localhost,14:content-length,1:5,15:x-forwarded-for,9:127.0.0.1,}5:hello,`;
// Spec §3.3 disconnect notices.
const JSON_LEAVE = `${JSON_UUID} 13 @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},`;
const TNET_LEAVE = `${TNET_UUID} 14 @* 16:6:METHOD,4:JSON,}21:{"type":"disconnect"},`;

const text = (b: Buffer) => b.toString('latin1');

describe('Connection', () => {
  let fake: FakeMongrel2;
  let conn: Connection;
  let errors: string[];

  beforeEach(async () => {
    fake = await FakeMongrel2.start();
    errors = [];
    conn = new Connection('handler-test', fake.sendSpec, fake.recvSpec, { onError: (e) => errors.push(e.message) });
    await conn.ready();
  });

  afterEach(async () => {
    await conn.shutdown();
    fake.close();
  });

  it('receives the observed JSON request', async () => {
    expect(Buffer.byteLength(JSON_REQ.slice(JSON_REQ.indexOf('{'), JSON_REQ.indexOf('},5:') + 1))).toBe(350);
    await fake.send(JSON_REQ);
    const req = await conn.recv();
    expect([req.sender, req.connId, req.path, req.method]).toEqual([JSON_UUID, '13', '/handler/p', 'POST']);
    expect(req.body.toString()).toBe('hello');
    expect(req.header('x-weird-case')).toBe('va\\lue "q"');
    expect(req.headerValues('cookie')).toEqual(['a=1', 'b="2"']);
    expect(req.header('Host')).toBe('localhost');
    expect(req.header('QUERY')).toBe('a=1&b=%20x');
    expect([req.isDisconnect(), req.isWebSocket(), req.shouldClose(), req.data, req.upload]).toEqual([false, false, false, undefined, undefined]);
  });

  it('receives the observed tnetstring request', async () => {
    await fake.send(TNET_REQ);
    const req = await conn.recv();
    expect([req.sender, req.connId, req.path, req.method]).toEqual([TNET_UUID, '14', '/tnet/p', 'POST']);
    expect(req.headers.get('cookie')).toEqual(['a=1', 'b=2']);
    expect(req.header('PATTERN')).toBe('/tnet/');
    expect(req.text()).toBe('hello');
  });

  it('recognises disconnect notices in both framings, via async iteration', async () => {
    await fake.send(JSON_LEAVE);
    await fake.send('garbage that is no request');
    await fake.send(TNET_LEAVE);
    const seen: string[] = [];
    for await (const req of conn) {
      expect(req.isDisconnect()).toBe(true);
      expect(req.data).toEqual({ type: 'disconnect' });
      seen.push(`${req.sender} ${req.connId} ${req.path}`);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([`${JSON_UUID} 13 @*`, `${TNET_UUID} 14 @*`]);
    expect(errors).toEqual([expect.stringContaining('skipped a malformed request')]);
  });

  it('rejects a malformed message from recv()', async () => {
    await fake.send(`${JSON_UUID} 13 /x 5:{},0:,`);
    await expect(conn.recv()).rejects.toThrow();
  });

  it('publishes exact reply, HTTP reply and close bytes', async () => {
    await fake.send(JSON_REQ);
    const req = await conn.recv();
    conn.reply(req, 'hi');
    conn.replyHttp(req, 'hello', { headers: { 'Content-Type': 'text/plain' } });
    conn.replyHttp(req, 'gone', { code: 404, status: 'Not Found' });
    conn.close(req);
    conn.replyJson(req, { ok: 1 });
    expect((await fake.take(5)).map(text)).toEqual([
      `${JSON_UUID} 2:13, hi`,
      `${JSON_UUID} 2:13, HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello`,
      `${JSON_UUID} 2:13, HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\ngone`,
      `${JSON_UUID} 2:13, `,
      `${JSON_UUID} 2:13, {"ok":1}`,
    ]);
  });

  it('splits a deliver to 300 ids into messages of 128, 128 and 44 ids', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => i + 1);
    conn.deliver(TNET_UUID, ids, 'tick');
    const msgs = await fake.take(3);
    const parts = msgs.map(splitReply);
    expect(parts.map((p) => p.ids.length)).toEqual([128, 128, 44]);
    expect(parts.flatMap((p) => p.ids)).toEqual(ids.map(String));
    const list = ids.slice(256).join(' ');
    expect(text(msgs[2]!)).toBe(`${TNET_UUID} ${list.length}:${list}, tick`);
    conn.closeIds(TNET_UUID, [7, 8]);
    expect(text(await fake.next())).toBe(`${TNET_UUID} 3:7 8, `);
    expect(await fake.quiet(100)).toEqual([]);
  });

  it('sends unmasked WebSocket frames and the handshake answer', async () => {
    await fake.send(JSON_REQ);
    const req = await conn.recv();
    conn.replyWebSocket(req, 'hi there');
    conn.replyWebSocket(req, Buffer.from([1, 2]), WsOpcode.PONG);
    conn.deliverWebSocket(JSON_UUID, ['3', '4'], 'x'.repeat(200), WsOpcode.BINARY);
    conn.acceptWebSocket(req);
    const msgs = (await fake.take(4)).map(text);
    expect(msgs[0]).toBe(`${JSON_UUID} 2:13, \x81\x08hi there`);
    expect(msgs[1]).toBe(`${JSON_UUID} 2:13, \x8a\x02\x01\x02`);
    expect(msgs[2]).toBe(`${JSON_UUID} 3:3 4, \x82\x7e\x00\xc8${'x'.repeat(200)}`);
    expect(msgs[3]).toBe(
      `${JSON_UUID} 2:13, HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: hello\r\n\r\n`,
    );
  });

  it('sends ctl and sendfile extended replies', async () => {
    await fake.send(TNET_REQ);
    const req = await conn.recv();
    conn.ctl(req, { 'keep-alive': true });
    conn.ctl(req, { credits: 1024 });
    conn.ctl(req, { cancel: true });
    conn.sendfile(req, 'examples/http_0mq/hello.txt');
    expect((await fake.take(4)).map(text)).toEqual([
      `${TNET_UUID} 4:X 14, 31:3:ctl,21:10:keep-alive,4:true!}]`,
      `${TNET_UUID} 4:X 14, 27:3:ctl,17:7:credits,4:1024#}]`,
      `${TNET_UUID} 4:X 14, 26:3:ctl,16:6:cancel,4:true!}]`,
      `${TNET_UUID} 4:X 14, 42:8:sendfile,27:examples/http_0mq/hello.txt,]`,
    ]);
  });

  it('delivers 2,000 replies sent in a burst, all in order', async () => {
    for (let i = 0; i < 2000; i++) conn.deliver(JSON_UUID, [i % 50], `msg ${i}`);
    await conn.flush();
    const msgs = await fake.take(2000, 10000);
    expect(msgs.map(text)).toEqual(Array.from({ length: 2000 }, (_, i) => `${JSON_UUID} ${String(i % 50).length}:${i % 50}, msg ${i}`));
  });

  it('loses nothing when mongrel2 stops reading and every queue fills up', async () => {
    const slow = new Subscriber({ linger: 0, receiveHighWaterMark: 2 });
    slow.subscribe();
    await slow.bind('tcp://127.0.0.1:*');
    const got: string[] = [];
    const reading = (async () => {
      for await (const [m] of slow) {
        got.push(m!.subarray(0, 60).toString('latin1').split(',')[0]!);
        if (got.length === 1) await new Promise((r) => setTimeout(r, 400)); // stall while the sender piles up
        if (got.length === 61) return;
      }
    })();
    const pub = new Connection('slow-test', fake.sendSpec, slow.lastEndpoint!, { sendHighWaterMark: 2, onError: (e) => errors.push(e.message) });
    await pub.ready();
    const big = Buffer.alloc(200_000, 'z');
    for (let i = 0; i <= 60; i++) pub.deliver(JSON_UUID, [i], big);
    await reading;
    expect(got).toEqual(Array.from({ length: 61 }, (_, i) => `${JSON_UUID} ${String(i).length}:${i}`));
    expect(errors).toEqual([]);
    await pub.shutdown();
    slow.close();
  });

  it('sends what is queued on shutdown, then refuses to send', async () => {
    for (let i = 0; i < 50; i++) conn.deliver(JSON_UUID, [1], `last ${i}`);
    await conn.shutdown();
    expect(conn.closed).toBe(true);
    expect((await fake.take(50)).map(text).at(-1)).toBe(`${JSON_UUID} 1:1, last 49`);
    expect(() => conn.deliver(JSON_UUID, [1], 'late')).toThrow(/shut down/);
  });

  it('refuses an invalid UUID or id before anything is queued', async () => {
    expect(() => conn.deliver('bad uuid', [1], 'x')).toThrow();
    const ids: (string | number)[] = Array.from({ length: 200 }, (_, i) => i);
    ids.push('1x');
    expect(() => conn.deliver(JSON_UUID, ids, 'x')).toThrow(/not decimal/);
    conn.deliver(JSON_UUID, [], 'nobody');
    expect(await fake.quiet(100)).toEqual([]);
  });
});
