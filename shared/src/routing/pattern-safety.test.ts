// Malformed patterns (which the C logs and then reads past, or segfaults on) and pathological patterns
// (exponential backtracking) must give a clear result, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERN_BUDGET, matchPattern, runPattern } from './pattern.js';
import { checkPattern } from './pattern-syntax.js';

describe('checkPattern', () => {
  it('accepts the well-formed patterns of the spec', () => {
    for (const p of ['ZE*D', '/users/\\b{}', 'Z[^OE]D', '\\f[\\a]\\u-\\f[\\a]', '(.*)$', '/files/(.*\\.txt)$', '[]]']) {
      expect(checkPattern(p)).toEqual({ ok: true });
    }
  });

  it.each([
    ['Z[OE', 'MISSING_BRACKET', 1],
    ['a(b[^', 'MISSING_BRACKET', 3],
    ['[]', 'MISSING_BRACKET', 0],
    ['x[\\]', 'MISSING_BRACKET', 1], // the escaped ] does not close the set
    ['ab\\', 'TRAILING_ESCAPE', 2],
    ['[a]\\b{', 'BALANCE_ARGS', 3],
    ['\\b', 'BALANCE_ARGS', 0],
    ['x\\fa', 'FRONTIER_BRACKET', 1],
    ['\\f', 'FRONTIER_BRACKET', 0],
    ['\\f[a', 'MISSING_BRACKET', 2],
  ] as const)('refuses %j with %s at %i', (pattern, code, index) => {
    const r = checkPattern(pattern);
    expect(r).toMatchObject({ ok: false, code, index });
    if (!r.ok) expect(r.message).toMatch(/malformed pattern/);
  });

  it('reports the index as a string index even after multi-byte characters', () => {
    expect(checkPattern('é[')).toMatchObject({ ok: false, code: 'MISSING_BRACKET', index: 1 });
    expect(checkPattern('😀\\')).toMatchObject({ ok: false, code: 'TRAILING_ESCAPE', index: 2 });
  });

  it('ends a pattern at a NUL byte, as a C string does', () => {
    expect(checkPattern('ab\0[')).toEqual({ ok: true });
    expect(matchPattern('abXYZ', 'ab\0c')).toBe(2);
  });

  it('never matches with a malformed pattern', () => {
    expect(matchPattern('Z[OE', 'Z[OE')).toBeNull();
    expect(runPattern('ab', 'ab\\')).toMatchObject({ kind: 'malformed', error: { code: 'TRAILING_ESCAPE' } });
  });
});

describe('pathological patterns terminate', () => {
  it('gives up on exponential backtracking with a clear outcome', () => {
    const subject = 'a'.repeat(200);
    const pattern = `${'a-'.repeat(30)}b`;
    const started = Date.now();
    const outcome = runPattern(subject, pattern);
    expect(outcome.kind).toBe('too-complex');
    if (outcome.kind === 'too-complex') expect(outcome.steps).toBeGreaterThan(DEFAULT_PATTERN_BUDGET);
    expect(matchPattern(subject, pattern)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on nested greedy stars too', () => {
    expect(runPattern('x'.repeat(5000), '.*.*.*.*.*y').kind).toBe('too-complex');
  });

  it('honours a caller budget', () => {
    expect(runPattern('aaaa', 'a*b', { budget: 3 }).kind).toBe('too-complex');
    expect(runPattern('aaaa', 'a*b', { budget: 1000 })).toEqual({ kind: 'no-match' });
  });

  it('survives a pattern deep enough to overflow the stack', () => {
    // every `*` item recurses into the rest of the pattern, 200 000 levels deep
    const outcome = runPattern('b', 'a*'.repeat(200_000), { budget: Number.MAX_SAFE_INTEGER });
    expect(outcome.kind).toBe('too-complex');
  });

  it('still answers ordinary route patterns well within the budget', () => {
    const path = `${'d/'.repeat(500)}file.txt`;
    expect(matchPattern(path, '(.*\\.txt)$')).toBe(path.length);
    expect(matchPattern(path, '(.*)/(.*)\\.txt$')).toBe(path.length);
  });
});
