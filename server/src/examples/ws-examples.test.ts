// Runs the WebSocket examples (ws-echo, chat) in-process through their exported `start`, with FakeMongrel2
// playing the server: WEBSOCKET_HANDSHAKE and WEBSOCKET messages (FLAGS = first frame byte, spec §3.6) go in,
// and the raw 101 answers and unmasked server frames that come back are checked byte for byte.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeMongrel2, closePayload, disconnectNotice, jsonRequest, splitReply } from '../handler-lib/index.js';
import { start as startChat } from './chat.js';
import type { StopFn } from './example-runner.js';
import { start as startWsEcho } from './ws-echo.js';

const S = 'f00dcafe-0000-4000-8000-000000000002';
const ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
const UPGRADE = { METHOD: 'WEBSOCKET_HANDSHAKE', VERSION: 'HTTP/1.1', upgrade: 'websocket', connection: 'Upgrade' };
const text = (b: Buffer) => b.toString('latin1');
const handshake = (id: number) => jsonRequest(S, id, '/ws', UPGRADE, ACCEPT);
const frame = (id: number, flags: number, payload: string | Buffer) =>
  jsonRequest(S, id, '/ws', { METHOD: 'WEBSOCKET', FLAGS: `0x${flags.toString(16).toUpperCase()}` }, payload);
const answer101 = (id: number) =>
  `${S} ${String(id).length}:${id}, HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  `Sec-WebSocket-Accept: ${ACCEPT}\r\n\r\n`;

/** A short unmasked server frame, decoded: [first byte, payload text] (payloads under 126 bytes). */
function unframe(body: Buffer): [number, string] {
  expect(body[1]! & 0x80).toBe(0);
  expect(body[1]!).toBe(body.length - 2);
  return [body[0]!, body.subarray(2).toString('utf8')];
}

let fake: FakeMongrel2;
let stop: StopFn | undefined;
const opts = () => ({ sendSpec: fake.sendSpec, recvSpec: fake.recvSpec, senderId: 'ws-example-test' });

beforeEach(async () => {
  fake = await FakeMongrel2.start();
});

afterEach(async () => {
  await stop?.();
  stop = undefined;
  fake.close();
});

describe('ws-echo example', () => {
  it('answers the handshake, echoes text and binary, pongs pings, echoes the close', async () => {
    stop = await startWsEcho(opts());
    await fake.send(handshake(3));
    expect(text(await fake.next())).toBe(answer101(3));
    await fake.send(frame(3, 0x81, 'hello'));
    await fake.send(frame(3, 0x89, 'are you there'));
    await fake.send(frame(3, 0x8a, 'unsolicited pong'));
    await fake.send(frame(3, 0x82, Buffer.from([0, 1, 2, 255])));
    await fake.send(frame(3, 0x88, closePayload(1000, 'bye')));
    expect((await fake.take(5)).map(text)).toEqual([
      `${S} 1:3, \x81\x05hello`,
      `${S} 1:3, \x8a\x0dare you there`,
      `${S} 1:3, \x82\x04\x00\x01\x02\xff`,
      `${S} 1:3, \x88\x05\x03\xe8bye`,
      `${S} 1:3, `,
    ]);
  });

  it('closes with 1007 on invalid UTF-8 and 1002 on reserved bits, then waits for the client close', async () => {
    stop = await startWsEcho(opts());
    await fake.send(frame(4, 0x81, Buffer.from([0x68, 0xff])));
    expect(text(await fake.next())).toBe(`${S} 1:4, \x88\x0f\x03\xefinvalid UTF-8`);
    await fake.send(frame(4, 0x81, 'ignored while closing'));
    await fake.send(frame(4, 0x88, ''));
    expect(text(await fake.next())).toBe(`${S} 1:4, `);
    await fake.send(frame(5, 0xc1, 'compressed?'));
    expect(text(await fake.next())).toBe(`${S} 1:5, \x88\x13\x03\xeareserved bits set`);
    await fake.send(disconnectNotice(S, 5));
    await fake.send(jsonRequest(S, 6, '/ws', { METHOD: 'GET', VERSION: 'HTTP/1.1' }));
    const [plain, close] = (await fake.take(2)).map(splitReply);
    expect(plain!.body.toString()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect([close!.ids, close!.body.length]).toEqual([['6'], 0]);
  });
});

describe('chat example', () => {
  const chat = async (n: number) => (await fake.take(n)).map((m) => {
    const r = splitReply(m);
    const [flags, payload] = unframe(r.body);
    expect(flags).toBe(0x81);
    return [r.ids.join(' '), JSON.parse(payload) as unknown] as const;
  });

  it('fans messages out with one deliver to every joined id and tracks leaves', async () => {
    stop = await startChat(opts());
    await fake.send(handshake(1));
    await fake.send(handshake(2));
    expect((await fake.take(2)).map(text)).toEqual([answer101(1), answer101(2)]);
    await fake.send(frame(1, 0x81, JSON.stringify({ type: 'join', user: 'ann' })));
    expect(await chat(1)).toEqual([['1', { type: 'userList', users: ['ann'] }]]);
    await fake.send(frame(2, 0x81, JSON.stringify({ type: 'join', user: 'bob' })));
    expect(await chat(2)).toEqual([
      ['1', { type: 'join', user: 'bob' }],
      ['2', { type: 'userList', users: ['ann', 'bob'] }],
    ]);
    await fake.send(frame(1, 0x81, JSON.stringify({ type: 'msg', msg: 'hi all' })));
    expect(await chat(1)).toEqual([['1 2', { type: 'msg', user: 'ann', msg: 'hi all' }]]);
    await fake.send(frame(9, 0x81, JSON.stringify({ type: 'msg', msg: 'lurking' })));
    expect(await chat(1)).toEqual([['9', { type: 'error', error: 'join first' }]]);
    await fake.send(disconnectNotice(S, 2));
    expect(await chat(1)).toEqual([['1', { type: 'disconnect', user: 'bob' }]]);
    await fake.send(frame(1, 0x88, ''));
    expect((await fake.take(2)).map(text)).toEqual([`${S} 1:1, \x88\x00`, `${S} 1:1, `]); // nobody left to tell
    expect(await fake.quiet()).toEqual([]);
  });
});
