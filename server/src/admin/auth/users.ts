// The admin_user table (migrations/0003_admin_auth.sql): console users, their role and their scrypt hash. The
// row mapping happens here once (principle 1); the hash never leaves this room except to password.ts.
import type Database from 'better-sqlite3';
import type { Role, UserInfo } from '@m2/shared';

/** A user as stored, hash included: never sent anywhere. */
export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: number;
  updatedAt: number;
}

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  created_at: number;
  updated_at: number;
}

function fromRow(r: UserRow): UserRecord {
  return { id: r.id, username: r.username, passwordHash: r.password_hash, role: r.role, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** A user as the API shows them: no id, no hash. */
export function toUserInfo(u: UserRecord): UserInfo {
  return { username: u.username, role: u.role, createdAt: new Date(u.createdAt).toISOString(), updatedAt: new Date(u.updatedAt).toISOString() };
}

/** The user called `username`, if any (names are matched exactly, case included). */
export function findUser(db: Database.Database, username: string): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM admin_user WHERE username = ?').get(username) as UserRow | undefined;
  return row && fromRow(row);
}

/** The user with that id, if any. */
export function findUserById(db: Database.Database, id: number): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM admin_user WHERE id = ?').get(id) as UserRow | undefined;
  return row && fromRow(row);
}

/** Every user, by name. */
export function listUsers(db: Database.Database): UserRecord[] {
  return (db.prepare('SELECT * FROM admin_user ORDER BY username').all() as UserRow[]).map(fromRow);
}

/** How many users there are. */
export function countUsers(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM admin_user').get() as { n: number }).n;
}

/** How many users hold the admin role. */
export function countAdmins(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM admin_user WHERE role = 'admin'").get() as { n: number }).n;
}

/** Adds a user whose password is already hashed; the caller checks the name is free. */
export function insertUser(db: Database.Database, user: { username: string; passwordHash: string; role: Role }, now = Date.now()): UserRecord {
  const info = db.prepare('INSERT INTO admin_user (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(user.username, user.passwordHash, user.role, now, now);
  return { id: Number(info.lastInsertRowid), ...user, createdAt: now, updatedAt: now };
}

/** Changes a user's role. */
export function setUserRole(db: Database.Database, id: number, role: Role, now = Date.now()): void {
  db.prepare('UPDATE admin_user SET role = ?, updated_at = ? WHERE id = ?').run(role, now, id);
}

/** Replaces a user's password hash. */
export function setUserPassword(db: Database.Database, id: number, passwordHash: string, now = Date.now()): void {
  db.prepare('UPDATE admin_user SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, id);
}

/** Deletes a user with their sessions and API tokens (the database's foreign keys are off, so this does it). */
export function deleteUser(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM admin_session WHERE user_id = ?').run(id);
  db.prepare('DELETE FROM admin_token WHERE user_id = ?').run(id);
  db.prepare('DELETE FROM admin_user WHERE id = ?').run(id);
}
