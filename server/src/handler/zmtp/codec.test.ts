import { describe, expect, it } from 'vitest';
import {
  FLAG_COMMAND, FLAG_MORE, FrameReader, checkGreeting, decodeCommand, decodeMetadata, encodeFrame, encodeFrameHead,
  encodeGreeting, encodeReady,
} from './codec.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ZMTP 3.0 codec', () => {
  it('greets as 3.0 with the NULL mechanism, as a client (RFC 23 §greeting)', () => {
    expect(hex(encodeGreeting())).toBe(`ff00000000000000007f0300${Buffer.from('NULL').toString('hex')}${'00'.repeat(16)}00${'00'.repeat(31)}`);
  });

  it('accepts a libzmq 4.3 greeting (3.1, NULL) and refuses other mechanisms and versions', () => {
    const g = encodeGreeting();
    g[11] = 1;
    expect(checkGreeting(g)).toEqual({ ok: true, major: 3, minor: 1 });
    const plain = encodeGreeting();
    plain.write('PLAIN', 12, 'latin1');
    expect(checkGreeting(plain)).toEqual({ ok: false, problem: 'mechanism PLAIN is not supported (only NULL)' });
    const old = encodeGreeting();
    old[10] = 2;
    expect(checkGreeting(old)).toEqual({ ok: false, problem: 'ZMTP 2.0 peers are not supported' });
    expect(checkGreeting(Buffer.from('GET / HTTP/1.1\r\n'.padEnd(64)))).toEqual({ ok: false, problem: 'not a ZMTP 3 signature' });
  });

  it('encodes short and long frame heads', () => {
    expect(hex(encodeFrameHead(5, 0))).toBe('0005');
    expect(hex(encodeFrameHead(255, FLAG_MORE))).toBe('01ff');
    expect(hex(encodeFrameHead(256, 0))).toBe('020000000000000100');
    expect(hex(encodeFrame(Buffer.from('hi'), FLAG_MORE))).toBe('01026869');
  });

  it('encodes READY with Socket-Type and Identity, and reads it back', () => {
    const ready = encodeReady({ 'Socket-Type': 'PUSH', Identity: 'abc' });
    expect(hex(ready)).toBe(`04${(1 + 5 + 1 + 11 + 4 + 4 + 1 + 8 + 4 + 3).toString(16)}05${Buffer.from('READY').toString('hex')}0b${Buffer.from('Socket-Type').toString('hex')}00000004${Buffer.from('PUSH').toString('hex')}08${Buffer.from('Identity').toString('hex')}00000003${Buffer.from('abc').toString('hex')}`);
    const frames = new FrameReader().push(ready) as { flags: number; body: Buffer }[];
    expect(frames[0]!.flags).toBe(FLAG_COMMAND);
    const cmd = decodeCommand(frames[0]!.body)!;
    expect(cmd.name).toBe('READY');
    expect(decodeMetadata(cmd.data)).toEqual({ 'socket-type': 'PUSH', identity: 'abc' });
    expect(decodeMetadata(Buffer.from([11, 65]))).toBeNull();
  });

  it('reads frames split anywhere across chunks, and refuses reserved flags', () => {
    const stream = Buffer.concat([encodeFrame(Buffer.from('one'), FLAG_MORE), encodeFrame(Buffer.alloc(300, 7)), encodeFrame(Buffer.from(''))]);
    for (let cut = 1; cut < stream.length; cut += 37) {
      const r = new FrameReader();
      const got = [...(r.push(stream.subarray(0, cut)) as { body: Buffer }[]), ...(r.push(stream.subarray(cut)) as { body: Buffer }[])];
      expect(got.map((f) => f.body.length)).toEqual([3, 300, 0]);
    }
    expect(new FrameReader().push(Buffer.from([0x80, 0]))).toBeInstanceOf(Error);
  });
});
