// The entry point: source text in, syntax tree out, for either syntax.
// Mirrors Parse_config_string in the C m2sh (tools/m2sh/src/lexer.rl), which lexes and parses a whole file before
// the database is touched; unlike it, no "\n" needs appending and nothing is read from disk here.

import type { ConfigFile } from './ast.js';
import { detectSyntax } from './detect.js';
import { parseM2sh } from './m2sh.js';
import { parsePython } from './python.js';

/** Parses config `source` (named `file` in errors) in whichever syntax it is written; throws ConfigError. */
export function parseConfig(source: string, file: string): ConfigFile {
  const syntax = detectSyntax(source);
  const statements = syntax === 'python' ? parsePython(source, file) : parseM2sh(source, file);
  return { file, source, syntax, statements };
}
