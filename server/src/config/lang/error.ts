// Errors from reading an m2sh config file.
// Mirrors Parse_print_error in the C m2sh (tools/m2sh/src/lexer.rl): a message naming the offending character or
// token, the source line, and a caret under it. Unlike C, the position is exact (C forgets the newlines inside
// comments and strings) and is reported as file:line:col.

import type { Pos } from './ast.js';

/** The stable error codes the parser itself fails with. */
export type ParseErrorCode =
  | 'M2_ERR_CONFIG_INVALID_CHAR'
  | 'M2_ERR_CONFIG_SYNTAX'
  | 'M2_ERR_CONFIG_UNTERMINATED_STRING'
  | 'M2_ERR_CONFIG_UNEXPECTED_EOF'
  | 'M2_ERR_CONFIG_DICT_KEY'
  | 'M2_ERR_CONFIG_UNSUPPORTED'
  | 'M2_ERR_CONFIG_EMPTY'
  | 'M2_ERR_CONFIG_TOO_DEEP';

/** Any config error code: the parser's, or one of the loader's (which share the `M2_ERR_CONFIG_` prefix). */
export type ConfigErrorCode = ParseErrorCode | `M2_ERR_CONFIG_${string}`;

/** A config parse failure at one exact place in one file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The 1-based line the error points at. */
  readonly line: number;
  /** The 1-based column (in characters) the error points at. */
  readonly col: number;
  /** The 0-based offset into the source the error points at. */
  readonly offset: number;
  /** The text of the offending line, without its line terminator. */
  readonly sourceLine: string;

  /** Builds the error from the bare message and the place it points at. */
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
    readonly file: string,
    source: string,
    pos: Pos,
  ) {
    super(message);
    this.line = pos.line;
    this.col = pos.col;
    this.offset = pos.offset;
    this.sourceLine = lineAround(source, pos.offset);
  }

  /** `file:line:col: message`, the source line, and a caret under the column (tabs kept so it lines up). */
  render(): string {
    const before = Array.from(this.sourceLine).slice(0, this.col - 1);
    let pad = before.map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
    pad += ' '.repeat(Math.max(0, this.col - 1 - before.length));
    return `${this.file}:${this.line}:${this.col}: ${this.message}\n${this.sourceLine}\n${pad}^`;
  }
}

/** The line of `source` containing `offset`, without its `\n` / `\r\n` and without a leading byte-order mark. */
function lineAround(source: string, offset: number): string {
  let start = offset > 0 ? source.lastIndexOf('\n', offset - 1) + 1 : 0;
  if (start === 0 && source.startsWith('\uFEFF')) start = 1;
  let end = source.indexOf('\n', offset);
  if (end < 0) end = source.length;
  if (end > start && source[end - 1] === '\r') end--;
  return source.slice(start, Math.max(start, end));
}
