// The tokenizer for both config syntaxes.
// Mirrors the Ragel scanner in the C m2sh (tools/m2sh/src/lexer.rl): quoted strings whose backslashes escape any
// character for lexing only, digit-only numbers, CLASS `[A-Z][A-Za-z]+` vs IDENT `[A-Za-z_][A-Za-z0-9_]*` with
// longest match and ties to CLASS, `#` comments, and "invalid character" for anything else. The 'python' mode adds
// what the manual's Python-style files use: `.` and `*`, r''/u'' prefixes, triple quotes, and `\` line continuation.

import type { Pos, Syntax } from './ast.js';
import { ConfigError } from './error.js';

/** The kinds of token; punctuation tokens are their own text. */
export type TokenKind =
  | 'string'
  | 'number'
  | 'class'
  | 'ident'
  | '='
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | ','
  | ':'
  | '.'
  | '*'
  | 'eof';

/** One token: its raw text, its value (string contents between the quotes, else the text) and where it starts. */
export interface Token {
  kind: TokenKind;
  text: string;
  value: string;
  pos: Pos;
  /** Whether a line break (not a `\` continuation) came between the previous token and this one. */
  nlBefore: boolean;
}

const CLASS_RE = /^[A-Z][A-Za-z]+$/;
const WHITESPACE = new Set([' ', '\t', '\r', '\v', '\f']);
const C_PUNCT = new Set(['=', '{', '}', '[', ']', '(', ')', ',', ':']);
const PY_PUNCT = new Set([...C_PUNCT, '.', '*']);
const PY_STRING_PREFIXES = new Set(['r', 'R', 'u', 'U']);

/** Whether `ch` can start a name (ASCII only, like Ragel's `alpha`). */
function isNameStart(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_');
}

/** Whether `ch` is an ASCII digit. */
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Turns config source into tokens on demand, so errors come out in source order like C's push parser. */
export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private colCache = { lineStart: -1, offset: 0, col: 1 };
  private readonly start: Pos;
  /** Where the last token ended; end-of-file errors point here, right after the last code in the file. */
  private lastEnd: Pos;

  /** Prepares to read `source` (named `file` in errors) in the given syntax's lexical rules. */
  constructor(
    readonly source: string,
    readonly file: string,
    readonly mode: Syntax,
  ) {
    // A UTF-8 byte-order mark is skipped and not counted as a column (C would reject it).
    if (source.startsWith('\uFEFF')) this.i = this.lineStart = 1;
    this.start = this.here();
    this.lastEnd = this.start;
  }

  /** The position at the start of the file (after any byte-order mark). */
  startPos(): Pos {
    return this.start;
  }

  /** Reads the next token; returns an 'eof' token (repeatedly) at the end. */
  next(): Token {
    const nlBefore = this.skipBlanks();
    const src = this.source;
    const ch = src[this.i];
    if (ch === undefined) return { kind: 'eof', text: '', value: '', pos: this.lastEnd, nlBefore: true };
    const pos = this.here();
    const begin = this.i;
    let kind: TokenKind;
    let value: string | undefined;

    if (isDigit(ch)) {
      while (isDigit(src[this.i])) this.i++;
      kind = 'number';
    } else if (isNameStart(ch)) {
      while (isNameStart(src[this.i]) || isDigit(src[this.i])) this.i++;
      const word = src.slice(begin, this.i);
      const quote = src[this.i];
      if (this.mode === 'python' && PY_STRING_PREFIXES.has(word) && (quote === '"' || quote === "'")) {
        kind = 'string';
        value = this.readString(pos);
      } else {
        kind = CLASS_RE.test(word) ? 'class' : 'ident';
      }
    } else if (ch === '"' || ch === "'") {
      kind = 'string';
      value = this.readString(pos);
    } else if ((this.mode === 'python' ? PY_PUNCT : C_PUNCT).has(ch)) {
      this.i++;
      kind = ch as TokenKind;
    } else {
      throw new ConfigError('M2_ERR_CONFIG_INVALID_CHAR', invalidCharMessage(src, this.i), this.file, src, pos);
    }

    const text = src.slice(begin, this.i);
    this.lastEnd = this.here();
    return { kind, text, value: value ?? text, pos, nlBefore };
  }

  /** Skips whitespace, comments and (Python) `\` continuations; says whether a line break was crossed. */
  private skipBlanks(): boolean {
    const src = this.source;
    let crossed = false;
    for (;;) {
      const ch = src[this.i];
      if (ch === '\n') {
        this.newline(this.i);
        this.i++;
        crossed = true;
      } else if (ch !== undefined && WHITESPACE.has(ch)) {
        this.i++;
      } else if (ch === '#') {
        while (this.i < src.length && src[this.i] !== '\n') this.i++;
      } else if (this.mode === 'python' && ch === '\\' && this.continuationLength(this.i) > 0) {
        this.i += this.continuationLength(this.i);
        this.newline(this.i - 1);
      } else {
        return crossed;
      }
    }
  }

  /** Length of a `\` + line break at `at` (0 if it is not one). */
  private continuationLength(at: number): number {
    const src = this.source;
    if (src[at + 1] === '\n') return 2;
    if (src[at + 1] === '\r' && src[at + 2] === '\n') return 3;
    return 0;
  }

  /**
   * Reads a quoted string whose opening quote is at the cursor and returns its contents verbatim.
   * Backslashes escape any character only so that an escaped quote does not end the string; they are kept in the
   * value (C m2sh does this, and route patterns like '(.*\.json)' depend on it). The Python style keeps them too,
   * for plain strings as well as r'' strings, so '\n' is a backslash and an 'n', not a line break.
   */
  private readString(start: Pos): string {
    const src = this.source;
    const q = src[this.i] as string;
    const triple = this.mode === 'python' && src.startsWith(q + q + q, this.i);
    const delim = triple ? q + q + q : q;
    this.i += delim.length;
    const contentStart = this.i;
    for (;;) {
      const ch = src[this.i];
      if (ch === undefined || (ch === '\n' && this.mode === 'python' && !triple)) {
        throw new ConfigError(
          'M2_ERR_CONFIG_UNTERMINATED_STRING',
          'unterminated string starting here',
          this.file,
          src,
          start,
        );
      }
      if (ch === '\\') {
        const next = src[this.i + 1];
        if (next === undefined) {
          this.i++;
          continue;
        }
        const skip = next === '\r' && src[this.i + 2] === '\n' ? 3 : 2;
        if (src[this.i + skip - 1] === '\n') this.newline(this.i + skip - 1);
        this.i += skip;
      } else if (src.startsWith(delim, this.i)) {
        const value = src.slice(contentStart, this.i);
        this.i += delim.length;
        return value;
      } else {
        if (ch === '\n') this.newline(this.i);
        this.i++;
      }
    }
  }

  /** Records that a line break is at offset `at`. */
  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  /** The position of the cursor. */
  private here(): Pos {
    return this.posOf(this.i);
  }

  /** The position of `offset`, which must be on the current line at or after the last position asked for. */
  private posOf(offset: number): Pos {
    // Count columns on from the last answer on this line, so a very long line is not rescanned for every token.
    if (this.colCache.lineStart !== this.lineStart || this.colCache.offset > offset) {
      this.colCache = { lineStart: this.lineStart, offset: this.lineStart, col: 1 };
    }
    const col = this.colCache.col + countChars(this.source, this.colCache.offset, offset);
    this.colCache = { lineStart: this.lineStart, offset, col };
    return { line: this.line, col, offset };
  }
}

/** Number of characters (code points, not UTF-16 units) in `s` between `from` and `to`. */
function countChars(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** "invalid character 'x'", with the code point for invisible characters and a hint for typographic quotes. */
function invalidCharMessage(src: string, at: number): string {
  const cp = src.codePointAt(at) ?? 0;
  const ch = String.fromCodePoint(cp);
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)
    ? `'${ch}'`
    : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const curly = '\u2018\u2019\u201C\u201D'.includes(ch) ? ` (use a straight quote ' or ")` : '';
  return `invalid character ${shown}${curly}`;
}

/** How a token is named in messages: `'text'` (a string as written; first line, shortened) or `end of file`. */
export function describeToken(tok: Token): string {
  if (tok.kind === 'eof') return 'end of file';
  let text = tok.text.split('\n')[0] ?? '';
  if (text !== tok.text || text.length > 40) text = `${text.slice(0, 40)}...`;
  return tok.kind === 'string' ? text : `'${text}'`;
}

/** The token's kind as C m2sh names it (QSTRING, NUMBER, CLASS, IDENT), followed by its text. */
export function describeTokenKind(tok: Token): string {
  const names: Partial<Record<TokenKind, string>> = {
    string: 'QSTRING',
    number: 'NUMBER',
    class: 'CLASS',
    ident: 'IDENT',
  };
  const name = names[tok.kind];
  return name ? `${name} ${describeToken(tok)}` : describeToken(tok);
}
