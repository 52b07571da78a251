// The syntax tree of an m2sh config file.
// Mirrors the C m2sh's AST (tools/m2sh/src/ast.h: Value with QSTRING/NUMBER/CLASS/LIST/HASH/REF, Pair, Class),
// but keeps source order and duplicates (the C version stores params and dicts in a ternary search tree) and
// adds what the manual's Python-style files need: null, positional arguments, call and import statements.

/** A place in the source: 1-based line and column (column counted in characters), 0-based UTF-16 offset. */
export interface Pos {
  line: number;
  col: number;
  offset: number;
}

/** One expression of the config language. */
export type Value =
  /** Contents between the quotes, backslashes kept verbatim (never unescaped). */
  | { kind: 'string'; value: string; pos: Pos }
  /** The digits as written (Python `True`/`False` become '1'/'0'). */
  | { kind: 'number'; value: string; pos: Pos }
  /** Python `None`. */
  | { kind: 'null'; pos: Pos }
  /** `Name(params)`; `args` holds positional arguments, which only the Python style allows. */
  | { kind: 'class'; name: string; params: Param[]; args: Value[]; pos: Pos }
  | { kind: 'list'; items: Value[]; pos: Pos }
  /** Entries in source order, duplicate keys kept (the loader decides which wins). */
  | { kind: 'dict'; entries: DictEntry[]; pos: Pos }
  /** A bare name referring to a top-level assignment (resolved later, so forward references work). */
  | { kind: 'ref'; name: string; pos: Pos };

/** The kinds of {@link Value}. */
export type ValueKind = Value['kind'];

/** A `name = expr` parameter of a class, in source order, duplicates kept. */
export interface Param {
  name: string;
  value: Value;
  pos: Pos;
}

/** A `"key": expr` pair of a dict; the key is always a quoted string in the source. */
export interface DictEntry {
  key: string;
  keyPos: Pos;
  value: Value;
}

/** One top-level statement: an assignment (both syntaxes) or a call / import (Python style only). */
export type Statement =
  | { kind: 'assign'; name: string; value: Value; pos: Pos }
  /** e.g. target ['main', 'hosts', 'add'] or ['commit']. */
  | { kind: 'call'; target: string[]; args: Value[]; kwargs: Param[]; pos: Pos }
  | { kind: 'import'; module: string; pos: Pos };

/** Which of the two accepted syntaxes a file was written in. */
export type Syntax = 'm2sh' | 'python';

/** A parsed config file. */
export interface ConfigFile {
  file: string;
  source: string;
  syntax: Syntax;
  statements: Statement[];
}
