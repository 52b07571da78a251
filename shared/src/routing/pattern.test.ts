// The vectors of tests/pattern_tests.c (spec §5.4), plus the language rules §5.4 states in prose.
import { describe, expect, it } from 'vitest';
import { matchPattern, runPattern } from './pattern.js';

const matches = (subject: string, pattern: string): boolean => matchPattern(subject, pattern) !== null;

/** [subject, pattern, should match] — spec §5.4, "Unit-test cases (tests/pattern_tests.c)". */
const PATTERN_VECTORS: ReadonlyArray<readonly [string, string, boolean]> = [
  // simple matches
  ['ZED', 'ZED', true],
  ['ZED', 'Z.D', true],
  ['ZED', 'FOO', false],
  // repetitions
  ['ZEEEED', 'ZE*D', true],
  ['ZEEEED', 'ZE*ED', true],
  ['ZEEEED', 'ZX*D', false],
  ['ZEEEED', 'Z.*D', true],
  ['ZEEEED', 'ZE+D', true],
  ['ZEEEED', 'ZE-D', true],
  ['ZXXXXD', 'ZE.*D', false],
  ['ZD', 'ZE*D', true],
  ['ZD', 'ZE+D', false],
  ['ZD', 'ZE-D', true],
  // anchors
  ['ZED', 'ZED$', true],
  ['ZED', 'ZE$', false],
  ['ZED', 'ED', false],
  // blocks
  ['ZED', 'Z(ED)', true],
  // balance
  ['/users/{1234}', '/users/\\b{}', true],
  ['/users/{1234', '/users/\\b{}', false],
  ['/users/1234}', '/users/\\b{}', false],
  // sets
  ['ZED', 'Z[OE]D', true],
  ['ZED', 'Z[^OE]D', false],
  ['ZED', 'Z[A-Z]D', true],
  // optional
  ['ZED', 'ZEE?D', true],
  ['ZEED', 'ZEE?D', true],
  ['ZEEED', 'ZEE?D', false],
  // escapes
  ['ZED', 'Z\\ED', true],
  ['*Z*E+D.', '\\*Z\\*E\\+D\\.', true],
  ['ZED!', 'ZED\\.', false],
  // frontier
  ['THE (QUICK) brOWN FOx JUMPS', '\\f[\\a]\\u-\\f[\\a]', true],
];

describe('pattern_tests.c vectors (spec §5.4)', () => {
  it.each(PATTERN_VECTORS)('%j ~ %j → %s', (subject, pattern, expected) => {
    expect(matches(subject, pattern)).toBe(expected);
  });

  it('matches every class escape, including \\z against a NUL byte (19 bytes)', () => {
    const subject = 'a \t 9 l . \n U w A \0';
    expect(new TextEncoder().encode(subject).length).toBe(19);
    expect(matches(subject, '\\a \\c \\d \\l \\p \\s \\u \\w \\x \\z')).toBe(true);
  });
});

describe('pattern language rules (spec §5.4 prose)', () => {
  it('is anchored at the start and accepts a matching prefix', () => {
    expect(matchPattern('ZED', 'ZE')).toBe(2);
    expect(matchPattern('ZED', 'ED')).toBeNull();
    expect(matchPattern('anything', '')).toBe(0);
  });

  it('treats $ as an end anchor only when last', () => {
    expect(matchPattern('a$b', 'a$b')).toBe(3);
    expect(matchPattern('ab', 'ab$')).toBe(2);
    expect(matchPattern('abc', 'ab$')).toBeNull();
  });

  it('does not treat ^ as special outside brackets', () => {
    expect(matchPattern('^a', '^a')).toBe(2);
    expect(matchPattern('a', '^a')).toBeNull();
  });

  it('ignores parentheses anywhere', () => {
    expect(matchPattern('abc', '(a)(b)c')).toBe(3);
    expect(matchPattern('abc', 'a)b(c')).toBe(3);
  });

  it('uses greedy * and +, lazy -, optional ?', () => {
    expect(matchPattern('aaab', 'a*')).toBe(3);
    expect(matchPattern('aaab', 'a+')).toBe(3);
    expect(matchPattern('aaab', 'a-')).toBe(0);
    expect(matchPattern('aaab', 'a-b')).toBe(4);
    expect(matchPattern('b', 'a?b')).toBe(1);
  });

  it('negates a class with its uppercase letter', () => {
    expect(matches('x', '\\D')).toBe(true);
    expect(matches('5', '\\D')).toBe(false);
    expect(matches(' ', '\\S')).toBe(false);
    expect(matches('\0', '\\Z')).toBe(false);
    expect(matches('A', '\\L')).toBe(true);
  });

  it('takes \\ + a non-class character literally', () => {
    expect(matches('.', '\\.')).toBe(true);
    expect(matches('x', '\\.')).toBe(false);
    expect(matches('E', '\\E')).toBe(true);
    expect(matches('\\', '\\\\')).toBe(true);
  });

  it('supports ranges, classes and escapes inside sets', () => {
    expect(matches('7', '[a-z\\d]')).toBe(true);
    expect(matches('-', '[a-]')).toBe(true);
    expect(matches(']', '[]]')).toBe(true);
    expect(matches(']', '[^]]')).toBe(false);
    expect(matches('x', '[^\\d]')).toBe(true);
    expect(matches('5', '[^\\d]')).toBe(false);
  });

  it('classifies only ASCII (C locale) and works on UTF-8 bytes', () => {
    expect(matches('é', '\\a')).toBe(false);
    expect(matchPattern('é', '..')).toBe(2);
    expect(matchPattern('é', '.$')).toBeNull();
    expect(matchPattern('/café', '/caf\\W+$')).toBe(6);
  });

  it('reports the match length of a frontier match', () => {
    // \f[\a] at the very start: the byte before the subject counts as NUL, which is not alphabetic.
    expect(matchPattern('THE', '\\f[\\a]')).toBe(0);
    expect(matchPattern('1THE', '1\\f[\\a]\\u+')).toBe(4);
    expect(matchPattern('aTHE', 'a\\f[\\a]')).toBeNull();
  });

  it('returns a detailed outcome from runPattern', () => {
    expect(runPattern('ZED', 'ZE')).toEqual({ kind: 'match', length: 2 });
    expect(runPattern('ZED', 'FOO')).toEqual({ kind: 'no-match' });
    expect(runPattern('ZED', 'Z[E')).toMatchObject({ kind: 'malformed', error: { code: 'MISSING_BRACKET' } });
  });
});
