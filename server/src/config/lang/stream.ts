// A token cursor with lookahead, shared by the two grammars, plus the way they report a token they did not want.
// Mirrors the Lemon parser's %syntax_error in the C m2sh (tools/m2sh/src/parser.y): "SYNTAX ERROR AT 'x'", or, when
// the token is the end of the file, the message that a closing bracket seems to be missing.

import type { Pos } from './ast.js';
import { ConfigError, type ConfigErrorCode } from './error.js';
import { describeToken, describeTokenKind, type Lexer, type Token, type TokenKind } from './lexer.js';

/** How deeply classes, lists and dicts may nest (far beyond any real config, well within the JS stack). */
const MAX_DEPTH = 200;

/** Pulls tokens from a {@link Lexer} one at a time, with as much lookahead as asked for. */
export class TokenStream {
  private readonly buffer: Token[] = [];
  private depth = 0;

  /** Wraps a lexer. */
  constructor(readonly lexer: Lexer) {}

  /** The token `ahead` places after the current one (0 = the current one), without consuming anything. */
  peek(ahead = 0): Token {
    while (this.buffer.length <= ahead) this.buffer.push(this.lexer.next());
    return this.buffer[ahead] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const tok = this.peek();
    this.buffer.shift();
    return tok;
  }

  /** Consumes the current token if it is of `kind`, else fails with "expected ...". */
  expect(kind: TokenKind, expected: string): Token {
    const tok = this.peek();
    if (tok.kind !== kind) throw this.unexpected(tok, `expected ${expected}`);
    return this.next();
  }

  /** Runs `body` one bracket level deeper; like C's %stack_overflow, too deep a nesting is an error (at `open`). */
  nested(open: Pos, body: () => void): void {
    if (this.depth >= MAX_DEPTH) {
      throw this.error('M2_ERR_CONFIG_TOO_DEEP', `brackets nested more than ${MAX_DEPTH} deep`, open);
    }
    this.depth++;
    try {
      body();
    } finally {
      this.depth--;
    }
  }

  /** An error at `pos` in this stream's file. */
  error(code: ConfigErrorCode, message: string, pos: Pos): ConfigError {
    return new ConfigError(code, message, this.lexer.file, this.lexer.source, pos);
  }

  /** The error for a dict key that is not a quoted string (or the end of file where a key or `}` should be). */
  badDictKey(tok: Token): ConfigError {
    if (tok.kind === 'eof') return this.unexpected(tok, "expected a quoted dict key or '}'");
    return this.error('M2_ERR_CONFIG_DICT_KEY', `dict keys must be quoted strings, got ${describeTokenKind(tok)}`, tok.pos);
  }

  /** "syntax error at 'tok': detail", or "unexpected end of file: detail" when `tok` is the end. */
  unexpected(tok: Token, detail: string): ConfigError {
    if (tok.kind === 'eof') {
      return this.error('M2_ERR_CONFIG_UNEXPECTED_EOF', `unexpected end of file: ${detail}`, tok.pos);
    }
    return this.error('M2_ERR_CONFIG_SYNTAX', `syntax error at ${describeToken(tok)}: ${detail}`, tok.pos);
  }
}
