// Password hashing: the stored form, verification both ways, and decoy verification for unknown users.
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, SCRYPT_PARAMS, verifyNobody, verifyPassword } from './password.js';

describe('hashPassword', () => {
  it('stores the scheme, parameters, a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
  });

  it('salts every hash afresh', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
});

describe('verifyPassword', () => {
  it('accepts the password and refuses any other', async () => {
    const stored = await hashPassword('s3cret-enough');
    expect(await verifyPassword('s3cret-enough', stored)).toBe(true);
    expect(await verifyPassword('s3cret-enougH', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('verifies what the sync form hashed', async () => {
    expect(await verifyPassword('from startup', hashPasswordSync('from startup'))).toBe(true);
  });

  it('uses the parameters stored with the hash, not the current ones', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('older', salt, 16, { N: 1024, r: 4, p: 2 });
    const stored = `scrypt$1024$4$2$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(SCRYPT_PARAMS.N).not.toBe(1024);
    expect(await verifyPassword('older', stored)).toBe(true);
    expect(await verifyPassword('newer', stored)).toBe(false);
  });

  it('treats a Unicode password the same in either normal form', async () => {
    const stored = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$1000$8$1$AAAA$AAAA', 'scrypt$1024$0$1$AAAA$AAAA', 'bcrypt$1024$8$1$AAAA$AAAA']) {
      expect(await verifyPassword('anything', bad)).toBe(false);
    }
  });
});

describe('verifyNobody', () => {
  it('is always false, whatever the password', async () => {
    expect(await verifyNobody('')).toBe(false);
    expect(await verifyNobody('admin-password-1')).toBe(false);
  });
});
