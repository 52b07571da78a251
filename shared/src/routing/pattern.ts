// Mirrors src/pattern.c: Mongrel2's route patterns, Lua 5.1 patterns without captures and with `\` as the escape.
// A match is anchored at the start of the subject and succeeds when a prefix of the subject matches; `$` anchors
// the end only as the last pattern byte; `(` and `)` are skipped. Matching works on UTF-8 bytes, as the C does.
// Unlike the C, every match runs under a step budget, so a pathological pattern gives up instead of hanging.
import { matchClass } from './ctype.js';
import { Ch, compilePattern, itemEnd, type CompiledPattern, type PatternError } from './pattern-syntax.js';
import { keyBytes } from './tst.js';

/** Steps a single match may take before it is abandoned (a normal route match takes a few hundred). */
export const DEFAULT_PATTERN_BUDGET = 1_000_000;

/** How a pattern run ended: a match (with its length in bytes), no match, a refused pattern, or budget exhausted. */
export type PatternOutcome =
  | { kind: 'match'; length: number }
  | { kind: 'no-match' }
  | { kind: 'malformed'; error: PatternError }
  | { kind: 'too-complex'; steps: number };

/** Tuning for a pattern run. */
export interface PatternOptions {
  /** Maximum number of matcher steps; defaults to DEFAULT_PATTERN_BUDGET. */
  budget?: number;
}

class OutOfBudget extends Error {}

/** One match attempt over the window [init, end) of a byte buffer; bytes past `end` are still readable, as in C. */
class Matcher {
  steps = 0;

  constructor(
    private readonly p: Int8Array,
    private readonly pend: number,
    private readonly s: Int8Array,
    private readonly init: number,
    private readonly end: number,
    private readonly budget: number,
  ) {}

  private pat(i: number): number {
    return i < this.pend ? this.p[i]! : Ch.Nul;
  }

  private sub(i: number): number {
    return this.s[i] ?? Ch.Nul;
  }

  private tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.budget) throw new OutOfBudget();
  }

  private inSet(c: number, at: number, close: number): boolean {
    let i = at;
    let found = true;
    if (this.pat(i + 1) === Ch.Caret) {
      found = false;
      i++;
    }
    while (++i < close) {
      const pc = this.pat(i);
      if (pc === Ch.Esc) {
        i++;
        if (matchClass(c, this.pat(i))) return found;
      } else if (this.pat(i + 1) === Ch.Minus && i + 2 < close) {
        i += 2;
        if (pc <= c && c <= this.pat(i)) return found;
      } else if (pc === c) {
        return found;
      }
    }
    return !found;
  }

  private single(c: number, at: number, next: number): boolean {
    const pc = this.pat(at);
    if (pc === Ch.Dot) return true;
    if (pc === Ch.Esc) return matchClass(c, this.pat(at + 1));
    if (pc === Ch.LBracket) return this.inSet(c, at, next - 1);
    return pc === c;
  }

  private balanced(s: number, at: number): number {
    if (s >= this.end || this.sub(s) !== this.pat(at)) return -1;
    const open = this.pat(at);
    const close = this.pat(at + 1);
    let depth = 1;
    while (++s < this.end) {
      this.tick();
      const c = this.sub(s);
      if (c === close) {
        if (--depth === 0) return s + 1;
      } else if (c === open) {
        depth++;
      }
    }
    return -1;
  }

  private greedy(s: number, at: number, next: number): number {
    let n = 0;
    while (s + n < this.end && this.single(this.sub(s + n), at, next)) n++;
    this.tick(n);
    for (; n >= 0; n--) {
      this.tick();
      const r = this.match(s + n, next + 1);
      if (r >= 0) return r;
    }
    return -1;
  }

  private lazy(s: number, at: number, next: number): number {
    for (;;) {
      this.tick();
      const r = this.match(s, next + 1);
      if (r >= 0) return r;
      if (s < this.end && this.single(this.sub(s), at, next)) s++;
      else return -1;
    }
  }

  /** Offset where the match of pattern[p..] at subject offset s ends, or -1. */
  match(s: number, p: number): number {
    for (;;) {
      this.tick();
      const pc = this.pat(p);
      if (pc === Ch.Open || pc === Ch.Close) {
        p++;
        continue;
      }
      if (pc === Ch.Nul) return s;
      if (pc === Ch.Esc && this.pat(p + 1) === Ch.LetterB) {
        s = this.balanced(s, p + 2);
        if (s < 0) return -1;
        p += 4;
        continue;
      }
      if (pc === Ch.Esc && this.pat(p + 1) === Ch.LetterF) {
        const set = p + 2;
        const after = itemEnd(this.p, set, this.pend);
        const before = s === this.init ? Ch.Nul : this.sub(s - 1);
        if (this.inSet(before, set, after - 1) || !this.inSet(this.sub(s), set, after - 1)) return -1;
        p = after;
        continue;
      }
      if (pc === Ch.Dollar && this.pat(p + 1) === Ch.Nul) return s === this.end ? s : -1;
      const next = itemEnd(this.p, p, this.pend);
      const hit = s < this.end && this.single(this.sub(s), p, next);
      const op = this.pat(next);
      if (op === Ch.Question) {
        if (hit) {
          const r = this.match(s + 1, next + 1);
          if (r >= 0) return r;
        }
        p = next + 1;
        continue;
      }
      if (op === Ch.Star) return this.greedy(s, p, next);
      if (op === Ch.Plus) return hit ? this.greedy(s + 1, p, next) : -1;
      if (op === Ch.Minus) return this.lazy(s, p, next);
      if (!hit) return -1;
      s++;
      p = next;
    }
  }
}

/**
 * Runs a checked pattern over bytes [start, end) of `subject` (bytes at and past `end` are only peeked at by
 * `\f`, exactly as the C reads the byte after its window).
 */
export function matchCompiled(
  pattern: CompiledPattern,
  subject: Int8Array,
  start = 0,
  end = subject.length,
  options: PatternOptions = {},
): PatternOutcome {
  const m = new Matcher(pattern.bytes, pattern.end, subject, start, end, options.budget ?? DEFAULT_PATTERN_BUDGET);
  try {
    const stop = m.match(start, 0);
    return stop < 0 ? { kind: 'no-match' } : { kind: 'match', length: stop - start };
  } catch (e) {
    // A stack overflow means a pattern with thousands of nested quantified items: too complex, like a spent budget.
    if (e instanceof OutOfBudget || e instanceof RangeError) return { kind: 'too-complex', steps: m.steps };
    throw e;
  }
}

/** Checks `pattern` and matches it against the start of `subject`, reporting exactly how it went. */
export function runPattern(subject: string, pattern: string, options: PatternOptions = {}): PatternOutcome {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return { kind: 'malformed', error: compiled };
  return matchCompiled(compiled.compiled, keyBytes(subject), 0, undefined, options);
}

/** Length in UTF-8 bytes of the prefix of `subject` that `pattern` matches, or null (no match, malformed, too complex). */
export function matchPattern(subject: string, pattern: string, options: PatternOptions = {}): number | null {
  const outcome = runPattern(subject, pattern, options);
  return outcome.kind === 'match' ? outcome.length : null;
}
