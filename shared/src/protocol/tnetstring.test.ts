// Vectors from Mongrel2's tests/tnetstrings_tests.c plus the malformed inputs a log file or a peer can send.
import { describe, expect, it } from 'vitest';
import { decodeTns, parseTns, renderTns, TnsError, type TnsValue } from './tnetstring.js';

const enc = new TextEncoder();

describe('tnetstring vectors (tests/tnetstrings_tests.c)', () => {
  const vectors: [string, TnsValue][] = [
    ['0:~', null],
    ['4:true!', true],
    ['5:false!', false],
    ['5:hello,', 'hello'],
    ['5:12345#', 12345],
    ['16:5:hello,5:12345#}', new Map<string, TnsValue>([['hello', 12345]])],
    ['32:5:hello,5:12345#5:hello,5:56789#]', ['hello', 12345, 'hello', 56789]],
    ['2:-1#', -1],
    ['0:,', ''],
    ['0:]', []],
    ['0:}', new Map()],
  ];
  for (const [text, value] of vectors) {
    it(`parses ${text}`, () => expect(parseTns(text)).toEqual(value));
    it(`renders ${text}`, () => expect(renderTns(value)).toBe(text));
  }

  it('renders -1 in five bytes, as the C renderer does', () => expect(renderTns(-1)).toHaveLength(5));

  it('counts UTF-8 bytes, not characters', () => {
    expect(renderTns('é')).toBe('2:é,');
    expect(parseTns('2:é,')).toBe('é');
  });

  it('decodes one value and reports where it ended', () => {
    const bytes = enc.encode('5:hello,3:abc,');
    expect(decodeTns(bytes)).toEqual({ value: 'hello', end: 8 });
    expect(decodeTns(bytes, 8)).toEqual({ value: 'abc', end: 14 });
  });

  it('renders floats with ^', () => expect(renderTns(1.5)).toBe('3:1.5^'));
});

describe('malformed tnetstrings are errors, never crashes', () => {
  const bad = ['', 'x', '5hello,', '5:hello', '5:hello?', '3:abc#', '4:trux!', '1:x~', '10:5:hello,]', '8:1:a,1:b#}extra', '6:1:a,1:b}', '99999999999:x,', '4:1:a,}'];
  for (const text of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => expect(() => parseTns(text)).toThrow(TnsError));
  }
});

describe('utf8Length', () => {
  it('counts like TextEncoder for ASCII, 2-, 3- and 4-byte characters and lone surrogates', async () => {
    const { utf8Length } = await import('./tnetstring.js');
    for (const s of ['', 'abc', 'é', '€uro', '😀', 'a😀b', '\ud800', 'x\udc00y', '中文字'])
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
