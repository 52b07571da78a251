// Telling the two config syntaxes apart (decision 14: the manual's Python-style files load as well as C m2sh's).
// The C m2sh has no such step; it only knows its own syntax, and the old Python m2sh only ran Python files.

import type { Syntax } from './ast.js';

// A top-level (column 1) import line, commit( call or include( call only ever appears in a Python-style file;
// in the C syntax each of them is a syntax error, so routing such files to the Python parser changes no verdict.
const PYTHON_LINE = /^(?:from[ \t]+[A-Za-z_][\w.]*[ \t]+import\b|import[ \t]+[A-Za-z_]|commit[ \t]*\(|include[ \t]*\()/m;

/** 'python' if the file has a top-level `from ... import` / `import` line or `commit(` call, else 'm2sh'. */
export function detectSyntax(source: string): Syntax {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  return PYTHON_LINE.test(text) ? 'python' : 'm2sh';
}
