// Vectors from RFC 6455 §5.7, the checks of WS_validate_packet / Websocket_packet_length (src/websocket.h) and
// Connection_read_wspacket's reassembly (src/connection.c), each fed to the decoder at every split point.
import { describe, expect, it } from 'vitest';
import { encodeWebSocketFrame, flagsHex, WebSocketDecoder, WS_OPCODE, type WebSocketEvent } from './websocket.js';

const enc = new TextEncoder();
const MASK = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);
const hello = enc.encode('Hello');
const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};
const frame = (op: number, payload: Uint8Array, fin = true): Uint8Array =>
  encodeWebSocketFrame(op, payload, { fin, mask: MASK });
const msg = (flags: number, payload: Uint8Array): WebSocketEvent => ({ kind: 'message', flags, payload });
const pattern = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

/** An event with its payload replaced by length + FNV-1a digest, so big payloads compare quickly. */
type Digest = { kind: string; flags?: number; reason?: string; len?: number; fnv?: number };
function digest(e: WebSocketEvent): Digest {
  if (e.kind === 'error') return e;
  let h = 0x811c9dc5;
  for (const b of e.payload) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return { kind: e.kind, flags: e.flags, len: e.payload.length, fnv: h };
}

/** Feeds `stream` cut at `cuts` (sorted offsets), collecting every event (digested). */
function feed(stream: Uint8Array, cuts: number[], opts = {}): Digest[] {
  const d = new WebSocketDecoder(opts);
  const events: WebSocketEvent[] = [];
  let from = 0;
  for (const c of [...cuts, stream.length]) {
    events.push(...d.push(stream.subarray(from, c)));
    from = c;
  }
  return events.map(digest);
}

/** Asserts the same events come out whole, byte by byte, and split in two at every offset in `points`. */
function everySplit(stream: Uint8Array, wantEvents: WebSocketEvent[], points?: number[], opts = {}): void {
  const want = wantEvents.map(digest);
  expect(feed(stream, [], opts)).toEqual(want);
  for (const p of points ?? Array.from({ length: stream.length + 1 }, (_, i) => i)) expect(feed(stream, [p], opts)).toEqual(want);
  if (stream.length < 2000) expect(feed(stream, Array.from({ length: stream.length }, (_, i) => i), opts)).toEqual(want);
}

describe('encodeWebSocketFrame (RFC 6455 §5.7 examples)', () => {
  it('encodes unmasked and masked text frames', () => {
    expect([...encodeWebSocketFrame(1, hello)]).toEqual([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
    expect([...frame(1, hello)]).toEqual([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]);
  });

  it('encodes fragments, ping and masked pong', () => {
    expect([...encodeWebSocketFrame(1, enc.encode('Hel'), { fin: false })]).toEqual([0x01, 0x03, 0x48, 0x65, 0x6c]);
    expect([...encodeWebSocketFrame(0, enc.encode('lo'))]).toEqual([0x80, 0x02, 0x6c, 0x6f]);
    expect([...encodeWebSocketFrame(WS_OPCODE.ping, hello)]).toEqual([0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
    expect([...frame(WS_OPCODE.pong, hello)]).toEqual([0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]);
  });

  it('uses 7-bit, 16-bit and 64-bit lengths at 125/126/127/65535/65536', () => {
    const head = (n: number): number[] => [...encodeWebSocketFrame(2, new Uint8Array(n)).subarray(0, 10)];
    expect(head(125).slice(0, 2)).toEqual([0x82, 125]);
    expect(head(126).slice(0, 4)).toEqual([0x82, 126, 0, 126]);
    expect(head(127).slice(0, 4)).toEqual([0x82, 126, 0, 127]);
    expect(head(256).slice(0, 4)).toEqual([0x82, 0x7e, 0x01, 0x00]);
    expect(head(65535).slice(0, 4)).toEqual([0x82, 126, 0xff, 0xff]);
    expect(head(65536)).toEqual([0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(encodeWebSocketFrame(2, new Uint8Array(65536), { mask: MASK })).toHaveLength(65536 + 14);
  });

  it('sets RSV bits from rsv and refuses a mask that is not 4 bytes', () => {
    expect(encodeWebSocketFrame(1, new Uint8Array(0), { rsv: 4 })[0]).toBe(0xc1);
    expect(() => encodeWebSocketFrame(1, hello, { mask: new Uint8Array(3) })).toThrow(RangeError);
  });
});

describe('WebSocketDecoder', () => {
  it('decodes masked RFC frames and flags them first byte | 0x80', () => {
    everySplit(frame(1, hello), [msg(0x81, hello)]);
    everySplit(cat(frame(WS_OPCODE.ping, hello), frame(2, new Uint8Array(0))), [msg(0x89, hello), msg(0x82, new Uint8Array(0))]);
  });

  it('reassembles fragments with the first fragment flags', () => {
    const stream = cat(frame(1, enc.encode('Hel'), false), frame(0, new Uint8Array(0), false), frame(0, enc.encode('lo')));
    everySplit(stream, [msg(0x81, hello)]);
  });

  it('delivers control frames at once, even between fragments', () => {
    const stream = cat(
      frame(2, enc.encode('ab'), false),
      frame(WS_OPCODE.ping, enc.encode('p')),
      frame(0, enc.encode('cd'), false),
      frame(WS_OPCODE.close, new Uint8Array([0x03, 0xe8])),
      frame(0, enc.encode('ef')),
      frame(1, enc.encode('next')),
    );
    everySplit(stream, [
      msg(0x89, enc.encode('p')),
      msg(0x88, new Uint8Array([0x03, 0xe8])),
      msg(0x82, enc.encode('abcdef')),
      msg(0x81, enc.encode('next')),
    ]);
  });

  for (const n of [125, 126, 127, 65535, 65536]) {
    it(`decodes a ${n}-byte payload at every header split and payload edge`, () => {
      const payload = pattern(n);
      const stream = frame(2, payload);
      const head = stream.length - n;
      const points =
        n < 1000
          ? undefined
          : [...Array.from({ length: head + 20 }, (_, i) => i), n >> 1, ...Array.from({ length: 20 }, (_, i) => stream.length - i)];
      everySplit(stream, [msg(0x82, payload)], points);
    });
  }

  it('decodes a long fragmented message split into 3 parts at many offsets', () => {
    const a = pattern(70000);
    const stream = cat(frame(2, a.subarray(0, 200), false), frame(WS_OPCODE.pong, hello), frame(0, a.subarray(200)));
    const want = [msg(0x8a, hello), msg(0x82, a)].map(digest);
    for (let p = 0; p < 230; p += 3) expect(feed(stream, [p, p + 7, stream.length - 5])).toEqual(want);
  });

  it('accepts unmasked frames when requireMask is false (server-to-client)', () => {
    everySplit(encodeWebSocketFrame(1, hello), [msg(0x81, hello)], undefined, { requireMask: false });
  });

  const errors: [string, Uint8Array, RegExp, object?][] = [
    ['an unmasked client frame', encodeWebSocketFrame(1, hello), /unmasked/],
    ['a fragmented control frame', frame(WS_OPCODE.ping, hello, false), /fragmented control/],
    ['a control payload of 126 bytes', frame(WS_OPCODE.close, new Uint8Array(126)), /126 bytes or more/],
    ['a continuation with nothing to continue', frame(0, hello), /unexpected continuation/],
    ['a data frame inside a fragmented message', cat(frame(1, hello, false), frame(1, hello)), /middle of a fragmented/],
    ['reserved bits', encodeWebSocketFrame(1, hello, { mask: MASK, rsv: 1 }), /reserved bits/],
    ['a frame over maxMessage', frame(2, new Uint8Array(11)), /exceeds the 10 byte limit/, { maxMessage: 10 }],
    ['fragments adding up over maxMessage', cat(frame(2, new Uint8Array(6), false), frame(0, new Uint8Array(6))), /12 bytes/, { maxMessage: 10 }],
    ['a 64-bit length with its top bit set', new Uint8Array([0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4]), /most significant bit/],
  ];
  for (const [what, stream, why, opts] of errors) {
    it(`reports ${what} at every split, then ignores input`, () => {
      for (let p = 0; p <= stream.length; p++) {
        const events = feed(stream, [p], opts);
        expect(events.filter((e) => e.kind === 'message').length).toBeLessThanOrEqual(1);
        expect(events.filter((e) => e.kind === 'error')).toHaveLength(1);
        const last = events[events.length - 1];
        expect(last?.kind === 'error' && last.reason).toMatch(why);
      }
    });
  }

  it('accepts reserved bits when allowReservedBits is set and keeps them in flags', () => {
    const events = feed(encodeWebSocketFrame(1, hello, { mask: MASK, rsv: 4 }), [], { allowReservedBits: true });
    expect(events).toEqual([msg(0xc1, hello)].map(digest));
    expect(flagsHex(0xc1)).toBe('0xC1');
  });

  it('stays dead after an error', () => {
    const d = new WebSocketDecoder();
    expect(d.push(encodeWebSocketFrame(1, hello))).toHaveLength(1);
    expect(d.push(frame(1, hello))).toEqual([]);
  });
});

describe('flagsHex', () => {
  it("formats like C's 0x%X", () => {
    expect(flagsHex(0x81)).toBe('0x81');
    expect(flagsHex(0x8a)).toBe('0x8A');
    expect(flagsHex(0x88)).toBe('0x88');
  });
});
