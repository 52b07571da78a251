// The C m2sh syntax (parser.y) through parseConfig: what it accepts, what it rejects, and where it says so.

import { describe, expect, it } from 'vitest';
import type { Statement, Value } from './ast.js';
import { ConfigError } from './error.js';
import { parseConfig } from './parser.js';

function values(source: string): Record<string, Value> {
  const cfg = parseConfig(source, 't.conf');
  expect(cfg.syntax).toBe('m2sh');
  const out: Record<string, Value> = {};
  for (const st of cfg.statements) if (st.kind === 'assign') out[st.name] = st.value;
  return out;
}

function failure(source: string): ConfigError {
  try {
    parseConfig(source, 't.conf');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('m2sh syntax: values', () => {
  it('parses every kind of expression with positions', () => {
    const v = values('a = "s"\nb = 42\nc = Dir(base="x/")\nd = [a b]\ne = {"k": c}\nf = a\n');
    expect(v.a).toEqual({ kind: 'string', value: 's', pos: { line: 1, col: 5, offset: 4 } });
    expect(v.b).toEqual({ kind: 'number', value: '42', pos: { line: 2, col: 5, offset: 12 } });
    expect(v.c).toEqual({
      kind: 'class',
      name: 'Dir',
      args: [],
      params: [{ name: 'base', pos: { line: 3, col: 9, offset: 23 }, value: { kind: 'string', value: 'x/', pos: { line: 3, col: 14, offset: 28 } } }],
      pos: { line: 3, col: 5, offset: 19 },
    });
    expect(v.d).toMatchObject({ kind: 'list', items: [{ kind: 'ref', name: 'a' }, { kind: 'ref', name: 'b' }] });
    expect(v.e).toMatchObject({ kind: 'dict', entries: [{ key: 'k', keyPos: { line: 5, col: 6 }, value: { kind: 'ref', name: 'c' } }] });
    expect(v.f).toMatchObject({ kind: 'ref', name: 'a', pos: { line: 6, col: 5 } });
  });

  it('keeps backslashes in string values', () => {
    const v = values(String.raw`routes = {'/testsmulti/(.*\.json)': d}` + '\nd = 1');
    expect(v.routes).toMatchObject({ entries: [{ key: String.raw`/testsmulti/(.*\.json)` }] });
  });

  it('commas between params, list elements and dict pairs are optional (and one leading comma is allowed, as in C)', () => {
    const v = values('h = Host(name="x" routes={"/a": 1 "/b": 2, "/c": 3})\nl = [1 2, 3]\nm = [, 4]\nn = Dir(, base="b")');
    expect(v.h).toMatchObject({ params: [{ name: 'name' }, { name: 'routes', value: { entries: [{ key: '/a' }, { key: '/b' }, { key: '/c' }] } }] });
    expect(v.l).toMatchObject({ items: [{ value: '1' }, { value: '2' }, { value: '3' }] });
    expect(v.m).toMatchObject({ items: [{ value: '4' }] });
    expect(v.n).toMatchObject({ params: [{ name: 'base' }] });
  });

  it('keeps duplicates in source order: params, dict keys and top-level names', () => {
    const cfg = parseConfig('a = Dir(x=1 x=2)\nb = {"k": 1, "k": 2}\na = 3', 't.conf');
    const st = cfg.statements as Extract<Statement, { kind: 'assign' }>[];
    expect(st.map((s) => s.name)).toEqual(['a', 'b', 'a']);
    expect(st[0]?.value).toMatchObject({ params: [{ name: 'x', value: { value: '1' } }, { name: 'x', value: { value: '2' } }] });
    expect(st[1]?.value).toMatchObject({ entries: [{ key: 'k' }, { key: 'k' }] });
  });

  it('empty class calls, lists and dicts are fine', () => {
    expect(values('a = Server()\nb = []\nc = {}')).toMatchObject({
      a: { kind: 'class', params: [] },
      b: { kind: 'list', items: [] },
      c: { kind: 'dict', entries: [] },
    });
  });

  it('reads CRLF files with the same lines, columns and values', () => {
    const lf = 'main = Server(\n    name="test",\n    port=6767\n)\nservers = [main]\n';
    const withoutOffsets = (x: unknown) => JSON.stringify(x, (k, v: unknown) => (k === 'offset' ? undefined : v));
    const crlfSource = lf.replace(/\n/g, '\r\n');
    const crlf = parseConfig(crlfSource, 't.conf');
    expect(withoutOffsets(crlf.statements)).toBe(withoutOffsets(parseConfig(lf, 't.conf').statements));
    expect(crlf.statements[1]).toMatchObject({ name: 'servers', pos: { line: 5, col: 1, offset: crlfSource.indexOf('servers') } });
  });

  it('keeps non-ASCII (UTF-8) strings as written', () => {
    const v = values('name = "héllo wörld ✓ 日本 🎉"\nnext = "ok"');
    expect(v.name).toMatchObject({ value: 'héllo wörld ✓ 日本 🎉' });
    expect(v.next).toMatchObject({ pos: { line: 2, col: 8 } });
  });

  it('skips a byte-order mark without counting it as a column', () => {
    expect(values('\uFEFFa = 1').a).toMatchObject({ pos: { line: 1, col: 5, offset: 5 } });
    expect(failure('\uFEFFa = `').render()).toBe("t.conf:1:5: invalid character '`'\na = `\n    ^");
  });
});

describe('m2sh syntax: errors', () => {
  it('trailing commas are a syntax error at the closing bracket', () => {
    const err = failure("h = Handler(send_spec='tcp://127.0.0.1:9999',\n    recv_ident='',\n    )\n");
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', line: 3, col: 5 });
    expect(err.render()).toBe("t.conf:3:5: syntax error at ')': trailing comma is not allowed\n    )\n    ^");
    expect(failure('l = [1, 2,]')).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', line: 1, col: 11, message: "syntax error at ']': trailing comma is not allowed" });
    expect(failure('d = {"a": 1,}')).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', col: 13 });
    expect(failure('l = [1,, 2]')).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', col: 8, message: "syntax error at ',': two commas in a row" });
  });

  it('an unterminated string points at its opening quote', () => {
    const err = failure("a = 1\nb = 'abc\nc = 2\n");
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_UNTERMINATED_STRING', line: 2, col: 5 });
    expect(err.render()).toBe("t.conf:2:5: unterminated string starting here\nb = 'abc\n    ^");
    expect(failure('a = "ends with an escape\\"')).toMatchObject({ code: 'M2_ERR_CONFIG_UNTERMINATED_STRING', col: 5 });
  });

  it('dict keys must be quoted strings', () => {
    const err = failure('routes = {\n    x: 1\n}');
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_DICT_KEY', line: 2, col: 5 });
    expect(err.render()).toBe("t.conf:2:5: dict keys must be quoted strings, got IDENT 'x'\n    x: 1\n    ^");
    expect(failure('d = {1: 2}').message).toBe("dict keys must be quoted strings, got NUMBER '1'");
    expect(failure('d = {Dir: 2}').message).toBe("dict keys must be quoted strings, got CLASS 'Dir'");
    expect(failure('d = {"a" 2}').message).toBe("syntax error at '2': expected ':' after the dict key \"a\"");
  });

  it('a missing ) at the end of the file says which class is still open, on the last line', () => {
    for (const tail of ['', '\n', '\n\n  \n', '  # done\n']) {
      const err = failure(`main = Server(\n    name="x"${tail}`);
      expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_UNEXPECTED_EOF', line: 2, col: 13 });
      expect(err.message).toBe("unexpected end of file: expected ')' to close Server(");
    }
    expect(failure('main = Server(\n    name="x"\n').render()).toBe(
      "t.conf:2:13: unexpected end of file: expected ')' to close Server(\n    name=\"x\"\n            ^",
    );
    expect(failure('l = [\n  1').message).toBe("unexpected end of file: expected ']' to close the list started on line 1");
    expect(failure('a = ').message).toBe('unexpected end of file: expected a value');
    expect(failure('a = Dir(base=').message).toBe("unexpected end of file: expected a value for 'base'");
  });

  it('a syntax error on the last line is reported there, with or without a final newline', () => {
    for (const src of ['a = 1\nservers = [a,]', 'a = 1\nservers = [a,]\n', 'a = 1\r\nservers = [a,]\r\n']) {
      const err = failure(src);
      expect(err).toMatchObject({ line: 2, col: 14 });
      expect(err.render()).toBe("t.conf:2:14: syntax error at ']': trailing comma is not allowed\nservers = [a,]\n             ^");
    }
  });

  it('a capitalized name is a CLASS, so it can be neither assigned nor referenced (as in C)', () => {
    const err = failure('Main = Server()\nservers = [Main]');
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', line: 1, col: 1 });
    expect(err.message).toBe(
      "syntax error at 'Main': expected a variable name to assign to, but 'Main' is a class name (a capital letter followed only by letters)",
    );
    const ref = failure('main = Server()\nservers = [Main]');
    expect(ref).toMatchObject({ line: 2, col: 16, message: "syntax error at ']': expected '(' after class name 'Main'" });
    expect(values('Main2 = 1\nM = 2\nmain_X = 3')).toMatchObject({ Main2: {}, M: {}, main_X: {} });
  });

  it('an empty file assigns nothing', () => {
    for (const src of ['', '\n\n', '# only a comment\n']) {
      const err = failure(src);
      expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_EMPTY', line: 1, col: 1 });
      expect(err.message).toBe("nothing assigned: a config file needs at least one 'name = value', e.g. servers = [main]");
    }
    expect(failure('').render()).toBe(
      "t.conf:1:1: nothing assigned: a config file needs at least one 'name = value', e.g. servers = [main]\n\n^",
    );
  });

  it('invalid characters: exact column even after tabs and non-ASCII text, caret lined up with tabs', () => {
    const err = failure('a = [\n\t"é", `x`]');
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_INVALID_CHAR', line: 2, col: 7 });
    expect(err.render()).toBe("t.conf:2:7: invalid character '`'\n\t\"é\", `x`]\n\t     ^");
    expect(failure('a = -1').message).toBe("invalid character '-'");
    expect(failure('a = 1.5').message).toBe("invalid character '.'");
    expect(failure('a = \u00a01').message).toBe('invalid character U+00A0');
    expect(failure('a = \u201cx\u201d').message).toBe(`invalid character '\u201c' (use a straight quote ' or ")`);
  });

  it('rejects what the C grammar rejects: positional args, Python constants, stray tokens, statements out of place', () => {
    expect(failure("p = Proxy('127.0.0.1', 80)").message).toBe(
      "syntax error at '127.0.0.1': expected a parameter name or ')'",
    );
    expect(failure('a = 1 )').message).toBe("syntax error at ')': expected a variable name to assign to");
    expect(failure('a 1').message).toBe("syntax error at '1': expected '=' after 'a'");
    expect(failure('a = Dir base="x"').message).toBe("syntax error at 'base': expected '(' after class name 'Dir'");
    expect(failure('a = Dir(base "x")').message).toBe("syntax error at \"x\": expected '=' after parameter 'base'");
    expect(failure('a = =').message).toBe("syntax error at '=': expected a value");
    expect(failure('a = True').message).toBe("unexpected end of file: expected '(' after class name 'True'");
  });

  it('does not mistake the m2sh syntax for Python', () => {
    expect(parseConfig('# from mongrel2.config import *\ncommitted = 1\nimports = 2', 't.conf').syntax).toBe('m2sh');
  });
});

describe('m2sh syntax: limits', () => {
  it('rejects absurdly deep nesting with a ConfigError instead of overflowing the stack', () => {
    const deep = `a = ${'['.repeat(100000)}${']'.repeat(100000)}`;
    expect(failure(deep)).toMatchObject({ code: 'M2_ERR_CONFIG_TOO_DEEP', line: 1, col: 205, message: 'brackets nested more than 200 deep' });
    expect(values(`a = ${'['.repeat(150)}${']'.repeat(150)}`).a).toMatchObject({ kind: 'list' });
  });
});
