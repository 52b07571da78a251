// The console's random secrets and their digests: session ids, CSRF tokens, API tokens and generated passwords
// come from the OS CSPRNG; session ids and API tokens are stored only as SHA-256 digests, so a copy of the
// database (a backup, a download) cannot be replayed as a credential.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix that marks a console API token (so scanners and people can recognise a leaked one). */
export const TOKEN_PREFIX = 'm2t_';

/** `bytes` random bytes as base64url text (no padding). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new API token: `m2t_` and 32 random bytes. */
export function newApiToken(): string {
  return TOKEN_PREFIX + randomSecret(32);
}

/** A generated password: 24 random bytes, 32 url-safe characters. */
export function generatePassword(): string {
  return randomSecret(24);
}

/** The SHA-256 of `secret` as lowercase hex: what the database keeps of a session id or a token. */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time that depends only on their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
