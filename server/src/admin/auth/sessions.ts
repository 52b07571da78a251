// The admin_session table: a signed-in browser. The cookie holds a random 32-byte id; the database holds only
// its SHA-256 (a leaked database cannot be replayed), the session's CSRF token, and when it began and was last
// used. A session ends after 12 hours unused or 7 days in all, whichever comes first.
import type Database from 'better-sqlite3';
import type { Role } from '@m2/shared';
import { digestSecret, randomSecret } from './secrets.js';

/** A session ends after this long unused. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** A session ends this long after sign-in however busy it is. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** last_seen_at is rewritten at most this often, so reads do not each take SQLite's write lock. */
const TOUCH_EVERY_MS = 60 * 1000;

/** A session as the auth hook needs it. */
export interface SessionRecord {
  idHash: string;
  userId: number;
  username: string;
  role: Role;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** A new session: the id for the cookie (shown only to the browser) and the CSRF token. */
export interface NewSession {
  id: string;
  csrfToken: string;
}

/** Starts a session for `userId` and sweeps every session that has ended. */
export function createSession(db: Database.Database, userId: number, now = Date.now()): NewSession {
  const id = randomSecret(32);
  const csrfToken = randomSecret(32);
  db.prepare('DELETE FROM admin_session WHERE last_seen_at <= ? OR created_at <= ?').run(now - SESSION_IDLE_MS, now - SESSION_MAX_MS);
  db.prepare('INSERT INTO admin_session (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
    .run(digestSecret(id), userId, csrfToken, now, now);
  return { id, csrfToken };
}

/** Whether a session is still alive at `now`. */
export function sessionAlive(s: { createdAt: number; lastSeenAt: number }, now = Date.now()): boolean {
  return now - s.lastSeenAt < SESSION_IDLE_MS && now - s.createdAt < SESSION_MAX_MS;
}

interface SessionRow {
  id_hash: string;
  user_id: number;
  username: string;
  role: Role;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

/** The live session a cookie's id names, with its user's current role (sliding its idle time); else undefined. */
export function useSession(db: Database.Database, id: string, now = Date.now()): SessionRecord | undefined {
  const row = db.prepare(`SELECT s.id_hash, s.user_id, u.username, u.role, s.csrf_token, s.created_at, s.last_seen_at
    FROM admin_session s JOIN admin_user u ON u.id = s.user_id WHERE s.id_hash = ?`).get(digestSecret(id)) as SessionRow | undefined;
  if (!row) return undefined;
  const s: SessionRecord = {
    idHash: row.id_hash, userId: row.user_id, username: row.username, role: row.role,
    csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
  };
  if (!sessionAlive(s, now)) {
    db.prepare('DELETE FROM admin_session WHERE id_hash = ?').run(s.idHash);
    return undefined;
  }
  if (now - s.lastSeenAt >= TOUCH_EVERY_MS) {
    db.prepare('UPDATE admin_session SET last_seen_at = ? WHERE id_hash = ?').run(now, s.idHash);
    s.lastSeenAt = now;
  }
  return s;
}

/** Ends one session (sign-out). */
export function endSession(db: Database.Database, idHash: string): void {
  db.prepare('DELETE FROM admin_session WHERE id_hash = ?').run(idHash);
}

/** Ends every session of a user but the one whose digest is `keep` (after a password change). */
export function endUserSessions(db: Database.Database, userId: number, keep: string | null = null): number {
  return db.prepare('DELETE FROM admin_session WHERE user_id = ? AND id_hash IS NOT ?').run(userId, keep).changes;
}
