// The public face of the config-language reader: the AST types, the error, and parseConfig.
// (Mirrors nothing in C; the loader that turns the AST into database rows lives outside this folder.)

export type { ConfigFile, DictEntry, Param, Pos, Statement, Syntax, Value, ValueKind } from './ast.js';
export { ConfigError, type ConfigErrorCode, type ParseErrorCode } from './error.js';
export { detectSyntax } from './detect.js';
export { parseConfig } from './parser.js';
