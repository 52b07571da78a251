// The native handler sockets against real libzmq peers (zeromq.js): what a handler written with any ZeroMQ
// binding sees when it connects to the server's PUSH and SUB.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Publisher, Pull } from 'zeromq';
import { freePort } from '../../../test/helpers/c-mongrel2.js';
import { ZmtpPush, ZmtpSub, listenAddressOf } from './sockets.js';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function pull(endpoint: string): Pull {
  const p = new Pull({ linger: 0 });
  p.connect(endpoint);
  cleanups.push(() => p.close());
  return p;
}

async function recvText(p: Pull): Promise<string> {
  const [m] = await p.receive();
  return m!.toString('latin1');
}

describe('listenAddressOf', () => {
  it('speaks tcp with literal addresses or * and ipc paths, and leaves the rest to zeromq.js', () => {
    expect(listenAddressOf('tcp://127.0.0.1:9997')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9997 });
    expect(listenAddressOf('tcp://*:9997')).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 9997 });
    expect(listenAddressOf('tcp://[::1]:9997')).toEqual({ kind: 'tcp', host: '::1', port: 9997 });
    expect(listenAddressOf('tcp://localhost:9997')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9997 });
    expect(listenAddressOf('ipc:///tmp/x/handler')).toEqual({ kind: 'ipc', path: '/tmp/x/handler' });
    for (const other of ['tcp://eth0:9997', 'ipc://@abstract', 'inproc://x', 'pgm://eth0;239.192.1.1:5555', 'tcp://127.0.0.1:0', 'tcp://127.0.0.1:70000']) {
      expect(listenAddressOf(other)).toBeNull();
    }
  });
});

describe('ZmtpPush with libzmq PULL peers', () => {
  it('keeps what is sent before a handler connects, then deals round-robin, long frames included', async () => {
    const ep = `tcp://127.0.0.1:${await freePort()}`;
    const push = new ZmtpPush('push-ident');
    cleanups.push(() => push.close());
    await push.bind(ep);
    push.send(Buffer.from('early'));
    expect(push.queued).toBe(1);
    const a = pull(ep);
    expect(await recvText(a)).toBe('early');
    const b = pull(ep);
    await new Promise((r) => setTimeout(r, 200));
    const big = 'x'.repeat(70_000);
    for (const m of ['m1', 'm2', 'm3', big]) push.send(Buffer.from(m));
    const got = [await recvText(a), await recvText(a), await recvText(b), await recvText(b)].sort();
    expect(got).toEqual(['m1', 'm2', 'm3', big].sort());
  });

  it('delivers one turn\'s messages in order and byte-exact across every frame-size boundary', async () => {
    const ep = `tcp://127.0.0.1:${await freePort()}`;
    const push = new ZmtpPush('');
    cleanups.push(() => push.close());
    await push.bind(ep);
    const p = pull(ep);
    push.send(Buffer.from('hello'));
    expect(await recvText(p)).toBe('hello');
    // Short (1-byte size) and long (8-byte size) frames, bodies copied into the turn's buffer and bodies written
    // as they are (over 16 KiB), enough of them to need more than one 64 KiB buffer — all sent in one turn.
    const sizes = [0, 1, 255, 256, 257, 16 * 1024, 16 * 1024 + 1, 3, 65_000, 70_000, 2, ...Array.from({ length: 40 }, (_, i) => 3000 + i)];
    const bodies = sizes.map((n, i) => Buffer.alloc(n, 65 + (i % 26)));
    for (const b of bodies) push.send(b);
    for (const b of bodies) {
      const [m] = await p.receive();
      expect(m!.equals(b)).toBe(true);
    }
  });

  it('works over ipc, and a peer that is not ZMTP is dropped while real handlers keep being served', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zmtp-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const ep = `ipc://${join(dir, 'send')}`;
    const push = new ZmtpPush('');
    cleanups.push(() => push.close());
    await push.bind(ep);
    const junk = connect(join(dir, 'send'));
    await new Promise((r) => junk.once('connect', r));
    const closed = new Promise((r) => junk.once('close', r));
    junk.write('GET / HTTP/1.1\r\n\r\n');
    junk.resume();
    await closed;
    const p = pull(ep);
    push.send(Buffer.from('after junk'));
    expect(await recvText(p)).toBe('after junk');
  });

  it('refuses to bind where something already listens, with the system\'s reason', async () => {
    const ep = `tcp://127.0.0.1:${await freePort()}`;
    const first = new ZmtpPush('');
    const second = new ZmtpPush('');
    cleanups.push(() => { first.close(); second.close(); });
    await first.bind(ep);
    await expect(second.bind(ep)).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('ZmtpSub with libzmq PUB peers', () => {
  it('subscribes each publisher to its prefix, takes whole multipart messages, and resubscribes a restarted one', async () => {
    const ep = `tcp://127.0.0.1:${await freePort()}`;
    const sub = new ZmtpSub();
    cleanups.push(() => sub.close());
    const got: string[] = [];
    sub.onReceive = (frames) => got.push(frames.map((f) => f.toString('latin1')).join('|'));
    sub.subscribe('abc');
    await sub.bind(ep);
    for (const round of [1, 2]) {
      const pub = new Publisher({ linger: 0 });
      pub.connect(ep);
      // The slow joiner: publish until the subscription has reached the publisher.
      await expect.poll(async () => { await pub.send(`abc warmup${round}`); return got.some((g) => g === `abc warmup${round}`); }, { timeout: 5000, interval: 50 }).toBe(true);
      await pub.send('xyz filtered');
      await pub.send(['abc part1', 'part2']);
      await expect.poll(() => got.includes('abc part1|part2')).toBe(true);
      pub.close();
      got.length = 0;
    }
  });
});
