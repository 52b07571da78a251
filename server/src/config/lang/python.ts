// The grammar of the manual's Python-style config files (the old Python m2sh, examples/python/mongrel2/config).
// Those files were Python programs run against Storm models (model.py): `from mongrel2.config import *`, assignments
// of Server/Host/Dir/Handler/Proxy calls with positional or keyword arguments, `main.hosts.add(host)`, and a final
// `commit([servers], settings={...})`. This accepts that subset of Python, with Python's rules for commas (required
// between items, allowed after the last) and for statements (one per line), and produces the same AST as the C
// syntax. `include(...)` (which executed another Python file) is not supported.

import type { DictEntry, Param, Pos, Statement, Value } from './ast.js';
import { Lexer, type Token } from './lexer.js';
import { TokenStream } from './stream.js';

/** Parses a Python-style config file into its statements (throws ConfigError). */
export function parsePython(source: string, file: string): Statement[] {
  const s = new TokenStream(new Lexer(source, file, 'python'));
  const statements: Statement[] = [];
  while (s.peek().kind !== 'eof') {
    statements.push(statement(s));
    const after = s.peek();
    if (after.kind !== 'eof' && !after.nlBefore) throw s.unexpected(after, 'expected the end of the line');
  }
  return statements;
}

/** Whether a token is a Python name (the C lexer's CLASS/IDENT split means nothing in Python). */
function isName(tok: Token): boolean {
  return tok.kind === 'ident' || tok.kind === 'class';
}

/** One top-level statement: an import, an assignment, or a call to commit / NAME.hosts.add. */
function statement(s: TokenStream): Statement {
  const first = s.peek();
  if (first.kind === 'ident' && first.text === 'from') return importStar(s);
  if (first.kind === 'ident' && first.text === 'import') {
    throw s.error('M2_ERR_CONFIG_UNSUPPORTED', "only 'from mongrel2.config import *' is supported", first.pos);
  }
  if (!isName(first)) {
    throw s.unexpected(first, "expected 'name = value', commit(...) or name.hosts.add(...)");
  }
  const target = dottedName(s);
  const joined = target.join('.');
  const next = s.peek();
  if (next.kind === '(') {
    checkCallable(s, first, target);
    const { args, kwargs } = callArguments(s, `${joined}(`);
    return { kind: 'call', target, args, kwargs, pos: first.pos };
  }
  if (next.kind === '=') {
    if (target.length > 1) {
      throw s.error(
        'M2_ERR_CONFIG_UNSUPPORTED',
        `assigning to '${joined}' is not supported: pass it to the constructor instead`,
        first.pos,
      );
    }
    if (Object.hasOwn(CONSTANTS, first.text)) throw s.unexpected(first, `cannot assign to ${first.text}`);
    s.next();
    return { kind: 'assign', name: first.text, value: expr(s, 'a value'), pos: first.pos };
  }
  throw s.unexpected(next, target.length > 1 ? "expected '('" : "expected '=' or '('");
}

/** `from mongrel2.config import *`, the only import there is. */
function importStar(s: TokenStream): Statement {
  const from = s.next();
  const moduleTok = s.peek();
  if (!isName(moduleTok)) throw s.unexpected(moduleTok, 'expected a module name');
  const module = dottedName(s).join('.');
  if (module !== 'mongrel2.config') {
    throw s.error(
      'M2_ERR_CONFIG_UNSUPPORTED',
      `only 'from mongrel2.config import *' is supported, not 'from ${module} import'`,
      moduleTok.pos,
    );
  }
  const imp = s.peek();
  if (imp.kind !== 'ident' || imp.text !== 'import') throw s.unexpected(imp, "expected 'import'");
  s.next();
  const star = s.peek();
  if (star.kind !== '*') {
    if (star.kind === 'eof') throw s.unexpected(star, "expected '*'");
    throw s.error('M2_ERR_CONFIG_UNSUPPORTED', "only 'from mongrel2.config import *' is supported", star.pos);
  }
  s.next();
  return { kind: 'import', module, pos: from.pos };
}

/** `name(.name)*`, as the list of names. */
function dottedName(s: TokenStream): string[] {
  const names = [s.next().text];
  while (s.peek().kind === '.') {
    s.next();
    const part = s.peek();
    if (!isName(part)) throw s.unexpected(part, "expected a name after '.'");
    names.push(s.next().text);
  }
  return names;
}

/** Only commit(...) and NAME.hosts.add(...) may be called as statements; include(...) gets its own message. */
function checkCallable(s: TokenStream, first: Token, target: string[]): void {
  const joined = target.join('.');
  if (joined === 'include') {
    throw s.error(
      'M2_ERR_CONFIG_UNSUPPORTED',
      'include(...) is not supported: put the whole configuration in one file',
      first.pos,
    );
  }
  const hostsAdd = target.length === 3 && target[1] === 'hosts' && target[2] === 'add';
  if (joined !== 'commit' && !hostsAdd) {
    throw s.error(
      'M2_ERR_CONFIG_UNSUPPORTED',
      `calling '${joined}(...)' is not supported: only commit(...) and NAME.hosts.add(...) are`,
      first.pos,
    );
  }
}

/** Python's True / False / None, as values. */
const CONSTANTS: Record<string, (tok: Token) => Value> = {
  True: (tok) => ({ kind: 'number', value: '1', pos: tok.pos }),
  False: (tok) => ({ kind: 'number', value: '0', pos: tok.pos }),
  None: (tok) => ({ kind: 'null', pos: tok.pos }),
};

/** Parses one expression; `expected` says what was wanted if the token can't start one. */
function expr(s: TokenStream, expected: string): Value {
  const tok = s.peek();
  switch (tok.kind) {
    case 'string': {
      // Adjacent literals concatenate, as in Python ('a' 'b' is 'ab').
      let value = s.next().value;
      while (s.peek().kind === 'string') value += s.next().value;
      return { kind: 'string', value, pos: tok.pos };
    }
    case 'number':
      s.next();
      return { kind: 'number', value: tok.value, pos: tok.pos };
    case 'ident':
    case 'class':
      return nameExpr(s);
    case '[':
      return list(s);
    case '{':
      return dict(s);
    default:
      throw s.unexpected(tok, `expected ${expected}`);
  }
}

/** A name: a constant, a `Class(...)` call, or a reference to a top-level assignment. */
function nameExpr(s: TokenStream): Value {
  const tok = s.next();
  const constant = Object.hasOwn(CONSTANTS, tok.text) ? CONSTANTS[tok.text] : undefined;
  if (constant) return constant(tok);
  if (s.peek().kind !== '(') return { kind: 'ref', name: tok.text, pos: tok.pos };
  if (tok.text === 'include' || tok.text === 'commit') {
    throw s.error(
      'M2_ERR_CONFIG_UNSUPPORTED',
      tok.text === 'include'
        ? 'include(...) is not supported: put the whole configuration in one file'
        : 'commit(...) must be a statement of its own',
      tok.pos,
    );
  }
  const { args, kwargs } = callArguments(s, `${tok.text}(`);
  return { kind: 'class', name: tok.text, params: kwargs, args, pos: tok.pos };
}

/** `( positional..., name = value... )` with Python's comma rules; positional arguments must come first. */
function callArguments(s: TokenStream, what: string): { args: Value[]; kwargs: Param[] } {
  const open = s.next(); // '('
  const args: Value[] = [];
  const kwargs: Param[] = [];
  commaSeparated(s, open.pos, ')', what, () => {
    const tok = s.peek();
    if (isName(tok) && s.peek(1).kind === '=') {
      s.next();
      s.next();
      kwargs.push({ name: tok.text, value: expr(s, `a value for '${tok.text}'`), pos: tok.pos });
    } else {
      if (kwargs.length > 0) throw s.unexpected(tok, 'positional argument follows keyword argument');
      args.push(expr(s, "a value or ')'"));
    }
  });
  return { args, kwargs };
}

/** `[ expr, ... ]`. */
function list(s: TokenStream): Value {
  const open = s.next();
  const items: Value[] = [];
  commaSeparated(s, open.pos, ']', `the list started on line ${open.pos.line}`, () => {
    items.push(expr(s, "a value or ']'"));
  });
  return { kind: 'list', items, pos: open.pos };
}

/** `{ 'key': expr, ... }`; keys must be string literals (adjacent literals concatenate). */
function dict(s: TokenStream): Value {
  const open = s.next();
  const entries: DictEntry[] = [];
  commaSeparated(s, open.pos, '}', `the dict started on line ${open.pos.line}`, () => {
    const keyTok = s.peek();
    if (keyTok.kind !== 'string') throw s.badDictKey(keyTok);
    let key = s.next().value;
    while (s.peek().kind === 'string') key += s.next().value;
    s.expect(':', `':' after the dict key ${keyTok.text}`);
    entries.push({ key, keyPos: keyTok.pos, value: expr(s, `a value for the key ${keyTok.text}`) });
  });
  return { kind: 'dict', entries, pos: open.pos };
}

/** Runs `element` until `closer`, requiring a comma between elements and allowing one after the last. */
function commaSeparated(
  s: TokenStream,
  open: Pos,
  closer: ')' | ']' | '}',
  what: string,
  element: () => void,
): void {
  s.nested(open, () => {
    for (;;) {
      const tok = s.peek();
      if (tok.kind === closer) {
        s.next();
        return;
      }
      if (tok.kind === 'eof') throw s.unexpected(tok, `expected '${closer}' to close ${what}`);
      element();
      const sep = s.peek();
      if (sep.kind === ',') s.next();
      else if (sep.kind !== closer) {
        if (sep.kind === 'eof') throw s.unexpected(sep, `expected '${closer}' to close ${what}`);
        throw s.unexpected(sep, `expected ',' or '${closer}'`);
      }
    }
  });
}
