// Random secrets and their digests.
import { describe, expect, it } from 'vitest';
import { digestSecret, generatePassword, newApiToken, randomSecret, sameSecret } from './secrets.js';

describe('secrets', () => {
  it('makes url-safe random text of the asked size', () => {
    expect(randomSecret(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret(32)).not.toBe(randomSecret(32));
  });

  it('makes API tokens as m2t_ and 43 url-safe characters', () => {
    expect(newApiToken()).toMatch(/^m2t_[A-Za-z0-9_-]{43}$/);
  });

  it('generates 32-character url-safe passwords', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('digests with SHA-256 as lowercase hex (FIPS 180-2 vector "abc")', () => {
    expect(digestSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compares secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});
