// The grammar of the C m2sh's config language, with its strictness.
// Mirrors the Lemon grammar in tools/m2sh/src/parser.y: a file is one or more `IDENT = expr`; an expr is a
// QSTRING, NUMBER, `CLASS(params)`, `[elements]`, `{"key": expr ...}` or an IDENT reference. Each param, list
// element and dict pair may be preceded by one comma (so commas are optional and a leading one is accepted, as in
// C), but a comma right before the closing bracket is a syntax error, as is a comma right after another comma.

import type { DictEntry, Param, Pos, Statement, Value } from './ast.js';
import { Lexer, type Token } from './lexer.js';
import { TokenStream } from './stream.js';

/** Parses a file in the C m2sh syntax into its top-level assignments (throws ConfigError). */
export function parseM2sh(source: string, file: string): Statement[] {
  const s = new TokenStream(new Lexer(source, file, 'm2sh'));
  const statements: Statement[] = [];
  while (s.peek().kind !== 'eof') {
    const name = variableName(s, 'a variable name to assign to');
    s.expect('=', `'=' after '${name.text}'`);
    statements.push({ kind: 'assign', name: name.text, value: expr(s, 'a value'), pos: name.pos });
  }
  if (statements.length === 0) {
    throw s.error(
      'M2_ERR_CONFIG_EMPTY',
      "nothing assigned: a config file needs at least one 'name = value', e.g. servers = [main]",
      s.lexer.startPos(),
    );
  }
  return statements;
}

/** Consumes an IDENT; a CLASS-shaped name (`Main`) gets a message saying why it can't be a variable. */
function variableName(s: TokenStream, expected: string): Token {
  const tok = s.peek();
  if (tok.kind === 'ident') return s.next();
  if (tok.kind === 'class') {
    throw s.unexpected(
      tok,
      `expected ${expected}, but '${tok.text}' is a class name (a capital letter followed only by letters)`,
    );
  }
  throw s.unexpected(tok, `expected ${expected}`);
}

/** Parses one expression; `expected` says what was wanted if the token can't start one. */
function expr(s: TokenStream, expected: string): Value {
  const tok = s.peek();
  switch (tok.kind) {
    case 'string':
      s.next();
      return { kind: 'string', value: tok.value, pos: tok.pos };
    case 'number':
      s.next();
      return { kind: 'number', value: tok.value, pos: tok.pos };
    case 'ident':
      s.next();
      return { kind: 'ref', name: tok.text, pos: tok.pos };
    case 'class':
      return classCall(s);
    case '[':
      return list(s);
    case '{':
      return dict(s);
    default:
      throw s.unexpected(tok, `expected ${expected}`);
  }
}

/** `Class(name = expr ...)`. */
function classCall(s: TokenStream): Value {
  const cls = s.next();
  s.expect('(', `'(' after class name '${cls.text}'`);
  const params: Param[] = [];
  elements(s, cls.pos, ')', `${cls.text}(`, () => {
    const name = variableName(s, "a parameter name or ')'");
    s.expect('=', `'=' after parameter '${name.text}'`);
    params.push({ name: name.text, value: expr(s, `a value for '${name.text}'`), pos: name.pos });
  });
  return { kind: 'class', name: cls.text, params, args: [], pos: cls.pos };
}

/** `[ expr ... ]`. */
function list(s: TokenStream): Value {
  const open = s.next();
  const items: Value[] = [];
  elements(s, open.pos, ']', `the list started on line ${open.pos.line}`, () => {
    items.push(expr(s, "a value or ']'"));
  });
  return { kind: 'list', items, pos: open.pos };
}

/** `{ "key": expr ... }`. */
function dict(s: TokenStream): Value {
  const open = s.next();
  const entries: DictEntry[] = [];
  elements(s, open.pos, '}', `the dict started on line ${open.pos.line}`, () => {
    const key = s.peek();
    if (key.kind !== 'string') throw s.badDictKey(key);
    s.next();
    s.expect(':', `':' after the dict key ${key.text}`);
    entries.push({ key: key.value, keyPos: key.pos, value: expr(s, `a value for the key ${key.text}`) });
  });
  return { kind: 'dict', entries, pos: open.pos };
}

/** Runs `element` until `closer`, allowing one comma before each element but none before the closer. */
function elements(s: TokenStream, open: Pos, closer: ')' | ']' | '}', what: string, element: () => void): void {
  s.nested(open, () => {
    for (;;) {
      let tok = s.peek();
      if (tok.kind === closer) {
        s.next();
        return;
      }
      if (tok.kind === ',') {
        s.next();
        tok = s.peek();
        if (tok.kind === closer) throw s.unexpected(tok, 'trailing comma is not allowed');
        if (tok.kind === ',') throw s.unexpected(tok, 'two commas in a row');
      }
      if (tok.kind === 'eof') throw s.unexpected(tok, `expected '${closer}' to close ${what}`);
      element();
    }
  });
}
