// The admin_token table: API tokens for scripts and CI (`Authorization: Bearer m2t_...`). Only the token's SHA-256
// is stored; the token itself is shown once, when created. A token's role is a scope: the holder gets the lesser
// of it and the owner's current role, so demoting a user demotes their tokens at once; deleting the user deletes
// them. A revoked token's row is deleted; an expired one stays (listed as expired) but no longer authenticates.
import type Database from 'better-sqlite3';
import { ROLES, type Role, type TokenInfo } from '@m2/shared';
import { digestSecret, newApiToken, TOKEN_PREFIX } from './secrets.js';

/** last_used_at is rewritten at most this often, so reads do not each take SQLite's write lock. */
const TOUCH_EVERY_MS = 60 * 1000;

/** A token as stored (its digest stays in the database). */
export interface TokenRecord {
  id: number;
  userId: number;
  username: string;
  name: string;
  role: Role;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

interface TokenRow {
  id: number;
  user_id: number;
  username: string;
  name: string;
  role: Role;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  user_role: Role;
}

const SELECT = `SELECT t.id, t.user_id, u.username, t.name, t.role, t.created_at, t.expires_at, t.last_used_at, u.role AS user_role
  FROM admin_token t JOIN admin_user u ON u.id = t.user_id`;

function fromRow(r: TokenRow): TokenRecord {
  return {
    id: r.id, userId: r.user_id, username: r.username, name: r.name, role: r.role,
    createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at,
  };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A token as the API shows it: never the token or its digest. */
export function toTokenInfo(t: TokenRecord): TokenInfo {
  return { id: t.id, name: t.name, user: t.username, role: t.role, createdAt: iso(t.createdAt)!, expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt) };
}

/** The weaker of two roles. */
export function weakerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

/** Creates a token for a user; returns its record and the token, which is never available again. */
export function createToken(
  db: Database.Database,
  spec: { userId: number; name: string; role: Role; expiresAt: number | null },
  now = Date.now(),
): { record: TokenRecord; token: string } {
  const token = newApiToken();
  const info = db.prepare('INSERT INTO admin_token (user_id, name, token_hash, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(spec.userId, spec.name, digestSecret(token), spec.role, now, spec.expiresAt);
  return { record: findToken(db, Number(info.lastInsertRowid))!, token };
}

/** One token by id. */
export function findToken(db: Database.Database, id: number): TokenRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TokenRow | undefined;
  return row && fromRow(row);
}

/** A user's tokens, or everyone's when `userId` is null, oldest first. */
export function listTokens(db: Database.Database, userId: number | null): TokenRecord[] {
  const rows = userId === null
    ? db.prepare(`${SELECT} ORDER BY t.id`).all()
    : db.prepare(`${SELECT} WHERE t.user_id = ? ORDER BY t.id`).all(userId);
  return (rows as TokenRow[]).map(fromRow);
}

/** Revokes a token (its row goes). */
export function deleteToken(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM admin_token WHERE id = ?').run(id);
}

/** Who a presented token acts for, with its effective role, recording its use; undefined when the token is
 *  unknown, revoked, expired or its owner gone. */
export function useToken(db: Database.Database, token: string, now = Date.now()): { record: TokenRecord; role: Role } | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = db.prepare(`${SELECT} WHERE t.token_hash = ?`).get(digestSecret(token)) as TokenRow | undefined;
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return undefined;
  const record = fromRow(row);
  if (record.lastUsedAt === null || now - record.lastUsedAt >= TOUCH_EVERY_MS) {
    db.prepare('UPDATE admin_token SET last_used_at = ? WHERE id = ?').run(now, record.id);
    record.lastUsedAt = now;
  }
  return { record, role: weakerRole(record.role, row.user_role) };
}
