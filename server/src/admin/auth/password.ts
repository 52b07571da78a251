// Password hashing with scrypt (RFC 7914) from node:crypto: a random 16-byte salt per password, and the cost
// parameters stored beside the hash so they can be raised later without invalidating existing passwords.
// Stored form: `scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>`. Request handlers use the async form so a
// sign-in does not block the event loop; startup (ensureAdmin) and test setup may use the sync form.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The cost parameters new hashes use: N = 2^15, r = 8, p = 1 (about 32 MiB and tens of milliseconds). */
export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1 } as const;

const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is just too small for N = 2^15. */
function options(N: number, r: number, p: number): ScryptOptions {
  return { N, r, p, maxmem: 256 * N * r };
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options(N, r, p), (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function render(salt: Buffer, key: Buffer): string {
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Hashes `password` with a fresh salt, without blocking the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_PARAMS;
  return render(salt, await derive(password, salt, N, r, p, KEY_LENGTH));
}

/** Hashes `password` with a fresh salt, synchronously (for startup and test setup). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_PARAMS;
  return render(salt, scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, options(N, r, p)));
}

interface Parsed { N: number; r: number; p: number; salt: Buffer; key: Buffer }

function parse(stored: string): Parsed | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const key = Buffer.from(m[5]!, 'base64');
  if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || key.length === 0) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64'), key };
}

/** Whether `password` matches the stored hash (compared in constant time; a malformed hash never matches). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await derive(password, h.salt, h.N, h.r, h.p, h.key.length);
  return timingSafeEqual(key, h.key);
}

let decoy: Promise<string> | null = null;

/** Spends the time of one verification against a hash nobody's password matches, so an unknown username takes
 *  as long to refuse as a wrong password (no user enumeration by timing). Always false. */
export async function verifyNobody(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(password, await decoy);
  return false;
}
