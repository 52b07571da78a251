// Token-level rules shared with the C scanner (lexer.rl): CLASS vs IDENT, digit-only numbers, verbatim strings.

import { describe, expect, it } from 'vitest';
import type { Syntax } from './ast.js';
import { Lexer, type Token } from './lexer.js';

function tokens(source: string, mode: Syntax = 'm2sh'): Token[] {
  const lx = new Lexer(source, 't.conf', mode);
  const out: Token[] = [];
  for (let t = lx.next(); t.kind !== 'eof'; t = lx.next()) out.push(t);
  return out;
}

const kinds = (source: string, mode: Syntax = 'm2sh') => tokens(source, mode).map((t) => [t.kind, t.value]);

describe('lexer', () => {
  it('CLASS is a capital plus letters only, longest match wins and ties go to CLASS', () => {
    expect(kinds('Main Main2 M Ma_in _Main main Dir HTTPServer')).toEqual([
      ['class', 'Main'],
      ['ident', 'Main2'],
      ['ident', 'M'],
      ['ident', 'Ma_in'],
      ['ident', '_Main'],
      ['ident', 'main'],
      ['class', 'Dir'],
      ['class', 'HTTPServer'],
    ]);
  });

  it('numbers are digits only; letters after them start a new token', () => {
    expect(kinds('6767 0666 9abc')).toEqual([
      ['number', '6767'],
      ['number', '0666'],
      ['number', '9'],
      ['ident', 'abc'],
    ]);
  });

  it('string values are the text between the quotes with backslashes kept', () => {
    expect(kinds(String.raw`'/testsmulti/(.*\.json)' "a\"b" 'it\'s' '' "\\"`)).toEqual([
      ['string', String.raw`/testsmulti/(.*\.json)`],
      ['string', String.raw`a\"b`],
      ['string', String.raw`it\'s`],
      ['string', ''],
      ['string', String.raw`\\`],
    ]);
  });

  it('strings may span lines, and lines inside them and inside comments are counted', () => {
    const toks = tokens('a = "x\ny" # note\n# more\nb');
    expect(toks[2]).toMatchObject({ value: 'x\ny', pos: { line: 1, col: 5, offset: 4 } });
    expect(toks[3]).toMatchObject({ value: 'b', pos: { line: 4, col: 1 }, nlBefore: true });
  });

  it('punctuation, whitespace (\\r \\t \\v \\f) and comments', () => {
    expect(tokens('x={}[](),:\r\n\t\v\f# c').map((t) => t.kind)).toEqual([
      'ident', '=', '{', '}', '[', ']', '(', ')', ',', ':',
    ]);
  });

  it('columns count characters, not UTF-16 units', () => {
    const toks = tokens('x = "🎉é" y');
    expect(toks[3]).toMatchObject({ value: 'y', pos: { line: 1, col: 10, offset: 10 } });
  });

  it('python mode adds . * r/u prefixes, triple quotes and \\ continuations', () => {
    expect(kinds(`a.b * r'\\d' u"x" R'''q\n'r'''`, 'python')).toEqual([
      ['ident', 'a'],
      ['.', '.'],
      ['ident', 'b'],
      ['*', '*'],
      ['string', '\\d'],
      ['string', 'x'],
      ['string', "q\n'r"],
    ]);
    const cont = tokens('a = \\\n  1\nb', 'python');
    expect(cont[2]).toMatchObject({ value: '1', nlBefore: false, pos: { line: 2, col: 3 } });
    expect(cont[3]).toMatchObject({ value: 'b', nlBefore: true, pos: { line: 3 } });
  });

  it('in m2sh mode r is just a name and . is not a token', () => {
    expect(kinds(`r'x'`)).toEqual([
      ['ident', 'r'],
      ['string', 'x'],
    ]);
    expect(() => tokens('a.b')).toThrow("invalid character '.'");
  });
});
