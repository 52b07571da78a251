// API tokens on a migrated in-memory database: digests only, scope capped by the owner's role, expiry, last use.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../config/migrate.js';
import { digestSecret } from './secrets.js';
import { createToken, deleteToken, listTokens, toTokenInfo, useToken, weakerRole } from './tokens.js';
import { deleteUser, insertUser, setUserRole } from './users.js';

const T0 = 1_700_000_000_000;
let db: Database.Database;
let bob: number;
let ann: number;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  db.pragma('foreign_keys = OFF'); // as the console opens it (context.ts)
  bob = insertUser(db, { username: 'bob', passwordHash: 'x', role: 'operator' }, T0).id;
  ann = insertUser(db, { username: 'ann', passwordHash: 'x', role: 'admin' }, T0).id;
});

describe('createToken', () => {
  it('answers the token once and stores only its digest', () => {
    const { record, token } = createToken(db, { userId: bob, name: 'ci', role: 'viewer', expiresAt: null }, T0);
    expect(token).toMatch(/^m2t_[A-Za-z0-9_-]{43}$/);
    expect(db.prepare('SELECT token_hash FROM admin_token').all()).toEqual([{ token_hash: digestSecret(token) }]);
    expect(toTokenInfo(record)).toEqual({
      id: record.id, name: 'ci', user: 'bob', role: 'viewer', createdAt: '2023-11-14T22:13:20.000Z', expiresAt: null, lastUsedAt: null,
    });
  });
});

describe('useToken', () => {
  it('authenticates with the token role and records the use at most once a minute', () => {
    const { record, token } = createToken(db, { userId: bob, name: 'ci', role: 'viewer', expiresAt: null }, T0);
    expect(useToken(db, token, T0 + 5)).toEqual({ record: { ...record, lastUsedAt: T0 + 5 }, role: 'viewer' });
    expect(useToken(db, token, T0 + 30_000)?.record.lastUsedAt).toBe(T0 + 5);
    expect(useToken(db, token, T0 + 60_005)?.record.lastUsedAt).toBe(T0 + 60_005);
  });

  it("acts with the lesser of the token's role and its owner's current role", () => {
    const { token } = createToken(db, { userId: ann, name: 'full', role: 'admin', expiresAt: null }, T0);
    expect(useToken(db, token, T0)?.role).toBe('admin');
    setUserRole(db, ann, 'viewer');
    expect(useToken(db, token, T0)?.role).toBe('viewer');
  });

  it('refuses an expired, revoked, unknown or orphaned token', () => {
    const expiring = createToken(db, { userId: bob, name: 'day', role: 'operator', expiresAt: T0 + 1000 }, T0);
    expect(useToken(db, expiring.token, T0 + 999)).toBeDefined();
    expect(useToken(db, expiring.token, T0 + 1000)).toBeUndefined();
    const revoked = createToken(db, { userId: bob, name: 'old', role: 'operator', expiresAt: null }, T0);
    deleteToken(db, revoked.record.id);
    expect(useToken(db, revoked.token, T0)).toBeUndefined();
    expect(useToken(db, 'm2t_unknown', T0)).toBeUndefined();
    expect(useToken(db, digestSecret(expiring.token), T0)).toBeUndefined();
    const orphan = createToken(db, { userId: bob, name: 'x', role: 'viewer', expiresAt: null }, T0);
    db.prepare('DELETE FROM admin_user WHERE id = ?').run(bob);
    expect(useToken(db, orphan.token, T0)).toBeUndefined();
  });
});

describe('listTokens and deleteUser', () => {
  it("lists a user's tokens or everyone's; deleting a user deletes their tokens", () => {
    createToken(db, { userId: bob, name: 'b1', role: 'viewer', expiresAt: null }, T0);
    createToken(db, { userId: ann, name: 'a1', role: 'admin', expiresAt: null }, T0);
    expect(listTokens(db, bob).map((t) => t.name)).toEqual(['b1']);
    expect(listTokens(db, null).map((t) => `${t.username}:${t.name}`)).toEqual(['bob:b1', 'ann:a1']);
    deleteUser(db, bob);
    expect(listTokens(db, null).map((t) => t.name)).toEqual(['a1']);
  });

  it('orders roles weakest first', () => {
    expect(weakerRole('admin', 'viewer')).toBe('viewer');
    expect(weakerRole('operator', 'admin')).toBe('operator');
    expect(weakerRole('operator', 'operator')).toBe('operator');
  });
});
