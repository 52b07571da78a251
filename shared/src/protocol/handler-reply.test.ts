// Vectors from tests/handler_parser_tests.c (good and bad, target max 128) plus the grammar edges of
// src/handler_parser.rl, the zero-target rule of handler.c, and the reply encoders.
import { describe, expect, it } from 'vitest';
import { encodeExtendedReply, encodeHandlerReply, parseHandlerReply, type ReplyParse } from './handler-reply.js';
import { HandlerProtocolError } from './handler-request.js';
import { parseExtendedBody } from './extended.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const parse = (s: string, max = 128): ReplyParse => parseHandlerReply(enc.encode(s), max);
const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('parseHandlerReply: tests/handler_parser_tests.c', () => {
  const good: [string, number, string][] = [
    ['5a9a6354-fc33-4468-8ccd-5d736737dad7 2:12, The body', 1, 'The body'],
    ['5a9a6354-fc33-4468-8ccd-5d736737dad7 11:0 1 2 3 4 5, The body', 6, 'The body'],
    ['5a9a6354-fc33-4468-8ccd-5d736737dad7 5:12 34, Another body.', 2, 'Another body.'],
    ['5a9a6354fc3344688ccd5d736737dad7 5:12 34, ', 2, ''],
  ];
  for (const [msg, count, body] of good) {
    it(`parses ${JSON.stringify(msg)}`, () => {
      const r = parse(msg);
      if (!r.ok) throw new Error(r.reason);
      expect(r.ids).toHaveLength(count);
      expect(dec.decode(r.body)).toBe(body);
      expect(r.extended).toBe(false);
      expect(r.uuid).toBe(msg.slice(0, msg.indexOf(' ')));
    });
  }
  const bad: [string, RegExp][] = [
    ['this.is.wrong 5:12 34, ', /UUID/],
    ['5a9a6354fc3344688ccd5d736737dad7 10:12 34, ', /length is wrong/],
    ['5a9a6354fc3344688ccd5d736737dad7 3:12 34, ', /length is wrong/],
    ['5a9a6354fc3344688ccd5d736737dad7 5:12 34,', /missing the space/],
    [' 5:12 34,', /missing UUID/],
  ];
  for (const [msg, why] of bad) {
    it(`rejects ${JSON.stringify(msg)}`, () => {
      const r = parse(msg);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
    });
  }
});

describe('parseHandlerReply: grammar edges', () => {
  it('returns ids as decimal strings, leading zeros dropped as strtoul does', () => {
    expect(parse('U 8:12 007 0, x')).toEqual({ ok: true, uuid: 'U', ids: ['12', '7', '0'], extended: false, body: enc.encode('x') });
  });

  it("reads the 'X ' prefix as an extended reply", () => {
    const r = parse('U 5:X 1 2, 0:]');
    expect(r).toMatchObject({ ok: true, ids: ['1', '2'], extended: true });
  });

  it('allows one trailing space after the last id, as the grammar does', () => {
    expect(parse('U 2:1 , x')).toMatchObject({ ok: true, ids: ['1'] });
  });

  it('accepts exactly maxTargets ids and rejects one more', () => {
    const ids = (n: number): string => Array.from({ length: n }, (_, i) => String(i + 1)).join(' ');
    const msg = (n: number): string => `U ${ids(n).length}:${ids(n)}, b`;
    expect(parse(msg(128))).toMatchObject({ ok: true });
    expect(parse(msg(129))).toEqual({ ok: false, reason: 'more than 128 target ids' });
    expect(parse(msg(3), 2).ok).toBe(false);
  });

  it('keeps a binary body byte for byte', () => {
    const body = Uint8Array.from({ length: 256 }, (_, i) => i);
    const msg = new Uint8Array([...enc.encode('U 1:5, '), ...body]);
    const r = parseHandlerReply(msg, 128);
    expect(r.ok && r.body).toEqual(body);
  });

  const rejects: [string, RegExp][] = [
    ['', /missing UUID/],
    ['U', /invalid UUID character/],
    ['U_1 1:5, x', /invalid UUID character/],
    ['U  1:5, x', /expected the id list length/],
    ['U :5, x', /expected the id list length/],
    ['U 1;5, x', /expected ':'/],
    ['U 0:, x', /0 targets/],
    ['U 2:X , x', /0 targets/],
    ['U 1:X, x', /invalid character/],
    ['U 2:x 1, x', /invalid character/],
    ['U 3: 12, x', /invalid character/],
    ['U 4:1  2, x', /invalid character/],
    ['U 3:1,2, x', /length is wrong/],
    ['U 3:1 2 x', /invalid character/],
    ['U 1:1', /invalid character/],
    ['U 1:1,', /missing the space/],
    ['U 1:1,x', /missing the space/],
    ['U 99999999999999999999:1, x', /length is wrong/],
  ];
  for (const [msg, why] of rejects) {
    it(`rejects ${JSON.stringify(msg)}`, () => {
      const r = parse(msg);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
    });
  }

  it('never throws on arbitrary bytes', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    const alphabet = enc.encode('U X0123456789:, -');
    for (let n = 0; n < 3000; n++) {
      const len = rnd() % 24;
      const msg = Uint8Array.from({ length: len }, () => (rnd() % 4 === 0 ? rnd() & 0xff : alphabet[rnd() % alphabet.length]!));
      expect(() => parseHandlerReply(msg, 4)).not.toThrow();
    }
  });
});

describe('encodeHandlerReply / encodeExtendedReply', () => {
  it('frames ids like the Python handler library', () => {
    expect(text(encodeHandlerReply('UUID', [5], 'hello'))).toBe('UUID 1:5, hello');
    expect(text(encodeHandlerReply('UUID', ['12', 34], new Uint8Array(0)))).toBe('UUID 5:12 34, ');
  });

  it('sends a string body as UTF-8 and a byte body untouched', () => {
    expect(encodeHandlerReply('U', [1], 'é')).toEqual(new Uint8Array([...enc.encode('U 1:1, '), 0xc3, 0xa9]));
    const body = Uint8Array.from({ length: 256 }, (_, i) => i);
    const r = parseHandlerReply(encodeHandlerReply('U', [1, 2, 3], body), 128);
    expect(r).toEqual({ ok: true, uuid: 'U', ids: ['1', '2', '3'], extended: false, body });
  });

  it("writes extended replies with the 'X ' prefix and a [name, args] tnetstring", () => {
    const msg = encodeExtendedReply('U', [1, 2], 'ctl', new Map([['keep-alive', true]]));
    expect(text(msg)).toBe('U 5:X 1 2, 31:3:ctl,21:10:keep-alive,4:true!}]');
    const r = parseHandlerReply(msg, 128);
    if (!r.ok) throw new Error(r.reason);
    expect(r.extended).toBe(true);
    expect(parseExtendedBody(r.body)).toEqual({ ok: true, name: 'ctl', args: new Map([['keep-alive', true]]) });
  });

  it('refuses what the parser would reject, with coded errors', () => {
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (err) {
        return err instanceof HandlerProtocolError ? err.code : 'other';
      }
      return undefined;
    };
    expect(code(() => encodeHandlerReply('bad uuid', [1], 'x'))).toBe('E_REPLY_UUID');
    expect(code(() => encodeHandlerReply('', [1], 'x'))).toBe('E_REPLY_UUID');
    expect(code(() => encodeHandlerReply('U', [], 'x'))).toBe('E_REPLY_IDS');
    expect(code(() => encodeHandlerReply('U', [-1], 'x'))).toBe('E_REPLY_IDS');
    expect(code(() => encodeHandlerReply('U', ['1 2'], 'x'))).toBe('E_REPLY_IDS');
    expect(code(() => encodeExtendedReply('U', [1.5], 'ctl', null))).toBe('E_REPLY_IDS');
  });
});
