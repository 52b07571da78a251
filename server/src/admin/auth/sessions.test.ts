// Sessions on a migrated in-memory database: only digests stored, idle and absolute expiry, sliding use.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../config/migrate.js';
import { digestSecret } from './secrets.js';
import { createSession, endSession, endUserSessions, SESSION_IDLE_MS, SESSION_MAX_MS, useSession } from './sessions.js';
import { insertUser, setUserRole } from './users.js';

const T0 = 1_700_000_000_000;
let db: Database.Database;
let bob: number;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  db.pragma('foreign_keys = OFF'); // as the console opens it (context.ts)
  bob = insertUser(db, { username: 'bob', passwordHash: 'x', role: 'operator' }, T0).id;
});

describe('createSession', () => {
  it('stores only the SHA-256 of the id, with a CSRF token of its own', () => {
    const s = createSession(db, bob, T0);
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrfToken).not.toBe(s.id);
    expect(db.prepare('SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM admin_session').all()).toEqual([
      { id_hash: digestSecret(s.id), user_id: bob, csrf_token: s.csrfToken, created_at: T0, last_seen_at: T0 },
    ]);
  });

  it('sweeps sessions that have ended', () => {
    createSession(db, bob, T0);
    createSession(db, bob, T0 + SESSION_IDLE_MS);
    expect(db.prepare('SELECT count(*) AS n FROM admin_session').get()).toEqual({ n: 1 });
  });
});

describe('useSession', () => {
  it("finds a live session with its user's current role", () => {
    const s = createSession(db, bob, T0);
    setUserRole(db, bob, 'viewer', T0);
    expect(useSession(db, s.id, T0 + 1000)).toEqual({
      idHash: digestSecret(s.id), userId: bob, username: 'bob', role: 'viewer', csrfToken: s.csrfToken, createdAt: T0, lastSeenAt: T0,
    });
    expect(useSession(db, 'not-a-session', T0)).toBeUndefined();
  });

  it('slides the idle time, writing last_seen_at at most once a minute', () => {
    const s = createSession(db, bob, T0);
    expect(useSession(db, s.id, T0 + 59_000)?.lastSeenAt).toBe(T0);
    expect(useSession(db, s.id, T0 + 60_000)?.lastSeenAt).toBe(T0 + 60_000);
    expect(useSession(db, s.id, T0 + 60_000 + SESSION_IDLE_MS - 1)?.lastSeenAt).toBe(T0 + 60_000 + SESSION_IDLE_MS - 1);
  });

  it('ends a session unused for 12 hours and deletes its row', () => {
    const s = createSession(db, bob, T0);
    expect(useSession(db, s.id, T0 + SESSION_IDLE_MS)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM admin_session').get()).toEqual({ n: 0 });
  });

  it('ends a session 7 days after sign-in however busy it is', () => {
    const s = createSession(db, bob, T0);
    let now = T0;
    while (now < T0 + SESSION_MAX_MS - SESSION_IDLE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(useSession(db, s.id, now)).toBeDefined();
    }
    expect(useSession(db, s.id, T0 + SESSION_MAX_MS)).toBeUndefined();
  });

  it('finds nothing once the user is gone', () => {
    const s = createSession(db, bob, T0);
    db.prepare('DELETE FROM admin_user WHERE id = ?').run(bob);
    expect(useSession(db, s.id, T0)).toBeUndefined();
  });
});

describe('ending sessions', () => {
  it('ends one session, or all of a user but the one kept', () => {
    const [a, b, c] = [createSession(db, bob, T0), createSession(db, bob, T0), createSession(db, bob, T0)];
    endSession(db, digestSecret(a.id));
    expect(useSession(db, a.id, T0)).toBeUndefined();
    expect(endUserSessions(db, bob, digestSecret(c.id))).toBe(1);
    expect(useSession(db, b.id, T0)).toBeUndefined();
    expect(useSession(db, c.id, T0)).toBeDefined();
    expect(endUserSessions(db, bob)).toBe(1);
  });
});
