// A console for tests (issue 6): buildAdminApp on a temp database with the users `admin`, `operator` and `viewer`
// and one API token each, so an area's tests can call its routes as any role with `app.inject()` — through a
// bearer token (`as(role)`) or a signed-in session with its CSRF token (`session(role)`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Role } from '@m2/shared';
import { buildAdminApp, type AdminApp } from '../../src/admin/app.js';
import { hashPasswordSync } from '../../src/admin/auth/password.js';
import { createToken } from '../../src/admin/auth/tokens.js';
import { findUser, insertUser, setUserPassword, setUserRole } from '../../src/admin/auth/users.js';

/** A built test console and ways to call it as each role. */
export interface TestAdmin {
  app: AdminApp;
  /** A temp dir (removed by close) holding the db unless one was given. */
  dir: string;
  dbPath: string;
  /** Headers authenticating as a user of that role through an API token (Authorization: Bearer ...). */
  as(role: Role): Record<string, string>;
  /** Signs in through POST /api/session as that role; returns `{ cookie: 'm2_session=...', 'x-csrf-token': '...' }`. */
  session(role: Role): Promise<Record<string, string>>;
  /** Closes the app and removes the temp dir. */
  close(): Promise<void>;
}

/** The test users' passwords: each user is named after its role. */
export const TEST_PASSWORDS: Readonly<Record<Role, string>> = {
  viewer: 'viewer-password-1',
  operator: 'operator-password-1',
  admin: 'admin-password-1',
};

// scrypt is deliberately slow; hash each test password once per test process.
const hashes = new Map<Role, string>();
function hashOf(role: Role): string {
  let h = hashes.get(role);
  if (!h) hashes.set(role, (h = hashPasswordSync(TEST_PASSWORDS[role])));
  return h;
}

/** Builds a console (no SPA) on a temp database with a user and an API token per role; nothing listens. */
export async function buildTestAdmin(opts: { dbPath?: string; cwd?: string } = {}): Promise<TestAdmin> {
  const dir = mkdtempSync(join(tmpdir(), 'm2-admin-'));
  const dbPath = opts.dbPath ?? join(dir, 'config.sqlite');
  const app = buildAdminApp({ dbPath, cwd: opts.cwd ?? dir, uiDir: null });
  await app.ready();
  const db = app.m2.db;
  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    const found = findUser(db, role);
    let userId: number;
    if (found) {
      setUserPassword(db, found.id, hashOf(role));
      setUserRole(db, found.id, role);
      userId = found.id;
    } else {
      userId = insertUser(db, { username: role, passwordHash: hashOf(role), role }).id;
    }
    tokens.set(role, createToken(db, { userId, name: `test ${role}`, role, expiresAt: null }).token);
  }
  return {
    app,
    dir,
    dbPath,
    as: (role) => ({ authorization: `Bearer ${tokens.get(role)!}` }),
    async session(role) {
      // From an address of its own, so a test's failed sign-ins (from inject's default 127.0.0.1) never throttle it.
      const res = await app.inject({
        method: 'POST', url: '/api/session', remoteAddress: '127.0.0.2', payload: { username: role, password: TEST_PASSWORDS[role] },
      });
      if (res.statusCode !== 200) throw new Error(`test sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'm2_session');
      if (!cookie) throw new Error('test sign-in set no m2_session cookie');
      return { cookie: `m2_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
