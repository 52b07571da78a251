// Mirrors the well-formedness rules of src/pattern.c (its `classend` walk and the `\b` / `\f` argument checks).
// The C code only notices a malformed pattern while matching, logs an error and then reads past the end of the
// pattern (a missing `]` segfaults m2sh); here a pattern is checked once, up front, and refused with a coded error.
// Patterns are bytes (UTF-8, signed like C chars); like a C string, a pattern ends at its first NUL byte.
import { keyBytes } from './tst.js';

/** Byte values the pattern language gives meaning to. */
export const Ch = {
  Nul: 0x00,
  Dollar: 0x24,
  Open: 0x28,
  Close: 0x29,
  Star: 0x2a,
  Plus: 0x2b,
  Minus: 0x2d,
  Dot: 0x2e,
  Question: 0x3f,
  LBracket: 0x5b,
  Esc: 0x5c,
  RBracket: 0x5d,
  Caret: 0x5e,
  LetterB: 0x62,
  LetterF: 0x66,
} as const;

/** What is wrong with a malformed pattern. */
export type PatternErrorCode = 'TRAILING_ESCAPE' | 'MISSING_BRACKET' | 'BALANCE_ARGS' | 'FRONTIER_BRACKET';

/** A refused pattern: a code, a readable message, and the (UTF-16) index in the pattern where the bad item starts. */
export interface PatternError {
  ok: false;
  code: PatternErrorCode;
  message: string;
  index: number;
}

/** A pattern that passed the check, ready for the matcher. */
export interface CompiledPattern {
  /** The pattern text as given. */
  source: string;
  /** Its UTF-8 bytes as signed chars. */
  bytes: Int8Array;
  /** Where the pattern ends: its length, or the offset of its first NUL byte. */
  end: number;
}

const MESSAGES: Record<PatternErrorCode, string> = {
  TRAILING_ESCAPE: "malformed pattern (ends with '\\')",
  MISSING_BRACKET: "malformed pattern (missing ']')",
  BALANCE_ARGS: "malformed pattern ('\\b' needs two characters after it, as in '\\b{}')",
  FRONTIER_BRACKET: "malformed pattern (missing '[' after '\\f')",
};

/**
 * Offset just past the set that opens at `at` (a `[`), or -1 when the set never closes.
 * The first member is taken before `]` is looked for, so `[]]` and `[^]]` are sets holding `]`.
 */
export function setEnd(p: Int8Array, at: number, end: number): number {
  let i = at + 1;
  if (i < end && p[i] === Ch.Caret) i++;
  for (;;) {
    if (i >= end) return -1;
    if (p[i++] === Ch.Esc) {
      if (i >= end) return -1;
      i++;
    }
    if (i < end && p[i] === Ch.RBracket) return i + 1;
  }
}

/** Offset just past the single-character item at `at` (`\x`, `[set]` or one byte); the pattern must be valid. */
export function itemEnd(p: Int8Array, at: number, end: number): number {
  const c = p[at];
  if (c === Ch.Esc) return at + 2;
  if (c === Ch.LBracket) return setEnd(p, at, end);
  return at + 1;
}

/** The UTF-16 index in `text` of the character holding UTF-8 byte `byteOffset`. */
export function charIndexOfByte(text: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    if (bytes >= byteOffset) return index;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    index += ch.length;
  }
  return index;
}

function scan(p: Int8Array, end: number): { code: PatternErrorCode; at: number } | null {
  let i = 0;
  while (i < end) {
    const c = p[i];
    if (c === Ch.Esc) {
      if (i + 1 >= end) return { code: 'TRAILING_ESCAPE', at: i };
      const n = p[i + 1];
      if (n === Ch.LetterB) {
        if (i + 3 >= end) return { code: 'BALANCE_ARGS', at: i };
        i += 4;
      } else if (n === Ch.LetterF) {
        if (i + 2 >= end || p[i + 2] !== Ch.LBracket) return { code: 'FRONTIER_BRACKET', at: i };
        const next = setEnd(p, i + 2, end);
        if (next < 0) return { code: 'MISSING_BRACKET', at: i + 2 };
        i = next;
      } else {
        i += 2;
      }
    } else if (c === Ch.LBracket) {
      const next = setEnd(p, i, end);
      if (next < 0) return { code: 'MISSING_BRACKET', at: i };
      i = next;
    } else {
      i++;
    }
  }
  return null;
}

/** Checks `pattern` and returns it ready for matching, or the first malformed item. */
export function compilePattern(pattern: string): { ok: true; compiled: CompiledPattern } | PatternError {
  const bytes = keyBytes(pattern);
  const nul = bytes.indexOf(Ch.Nul);
  const end = nul < 0 ? bytes.length : nul;
  const problem = scan(bytes, end);
  if (problem) {
    return { ok: false, code: problem.code, message: MESSAGES[problem.code], index: charIndexOfByte(pattern, problem.at) };
  }
  return { ok: true, compiled: { source: pattern, bytes, end } };
}

/** Reports whether `pattern` is well formed, and if not, what is wrong and where. */
export function checkPattern(pattern: string): { ok: true } | PatternError {
  const result = compilePattern(pattern);
  return result.ok ? { ok: true } : result;
}
