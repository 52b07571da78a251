// The first admin (issue 6 §8): a console with no users creates `admin` on start, with M2_ADMIN_PASSWORD when the
// operator set it (never echoed) or else a generated password printed once, so a fresh install is never open and
// never needs a default password.
import type { AdminContext } from '../context.js';
import { PASSWORD_MIN } from '@m2/shared';
import { hashPasswordSync } from './password.js';
import { generatePassword } from './secrets.js';
import { countUsers, insertUser } from './users.js';

/** The first admin's username. */
export const FIRST_ADMIN = 'admin';

/** Creates the `admin` user when there are no users: with `password` (from M2_ADMIN_PASSWORD; never printed) or a
 *  generated one printed once through `print`. Throws when the given password is too short. */
export function ensureAdmin(
  ctx: Pick<AdminContext, 'db'>,
  opts: { password?: string; print: (line: string) => void },
): { created: boolean } {
  const given = opts.password === '' ? undefined : opts.password;
  if (given !== undefined && given.length < PASSWORD_MIN) {
    throw new Error(`M2_ADMIN_PASSWORD must be at least ${PASSWORD_MIN} characters`);
  }
  if (countUsers(ctx.db) > 0) return { created: false };
  const password = given ?? generatePassword();
  const passwordHash = hashPasswordSync(password);
  const created = ctx.db.transaction(() => {
    if (countUsers(ctx.db) > 0) return false;
    insertUser(ctx.db, { username: FIRST_ADMIN, passwordHash, role: 'admin' });
    return true;
  }).immediate();
  if (created && given === undefined) opts.print(`console admin password: ${password}`);
  return { created };
}
