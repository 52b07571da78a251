// The admin_user table's mapping: no hash in what the API shows, admin counting, exact-name lookup, and deletion
// taking the user's sessions and tokens with it.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../config/migrate.js';
import { createSession } from './sessions.js';
import { createToken } from './tokens.js';
import {
  countAdmins, countUsers, deleteUser, findUser, findUserById, insertUser, listUsers, setUserPassword, setUserRole, toUserInfo,
} from './users.js';

const T0 = 1_700_000_000_000;
let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  db.pragma('foreign_keys = OFF'); // as the console opens it (context.ts)
});

describe('users', () => {
  it('round-trips a user and shows the API no id and no hash', () => {
    const u = insertUser(db, { username: 'bob', passwordHash: 'scrypt$h', role: 'operator' }, T0);
    expect(findUser(db, 'bob')).toEqual(u);
    expect(findUserById(db, u.id)).toEqual(u);
    expect(findUser(db, 'Bob')).toBeUndefined();
    expect(toUserInfo(u)).toEqual({ username: 'bob', role: 'operator', createdAt: '2023-11-14T22:13:20.000Z', updatedAt: '2023-11-14T22:13:20.000Z' });
  });

  it('changes role and password, stamping updated_at', () => {
    const u = insertUser(db, { username: 'bob', passwordHash: 'old', role: 'viewer' }, T0);
    setUserRole(db, u.id, 'admin', T0 + 1);
    setUserPassword(db, u.id, 'new', T0 + 2);
    expect(findUser(db, 'bob')).toEqual({ ...u, role: 'admin', passwordHash: 'new', updatedAt: T0 + 2 });
  });

  it('counts users and admins and lists by name', () => {
    insertUser(db, { username: 'zed', passwordHash: 'x', role: 'admin' });
    insertUser(db, { username: 'amy', passwordHash: 'x', role: 'viewer' });
    expect([countUsers(db), countAdmins(db)]).toEqual([2, 1]);
    expect(listUsers(db).map((u) => u.username)).toEqual(['amy', 'zed']);
  });

  it("deletes a user's sessions and tokens with them, and no one else's", () => {
    const bob = insertUser(db, { username: 'bob', passwordHash: 'x', role: 'operator' }).id;
    const amy = insertUser(db, { username: 'amy', passwordHash: 'x', role: 'operator' }).id;
    for (const id of [bob, amy]) {
      createSession(db, id);
      createToken(db, { userId: id, name: 't', role: 'viewer', expiresAt: null });
    }
    deleteUser(db, bob);
    expect(db.prepare('SELECT user_id FROM admin_session UNION ALL SELECT user_id FROM admin_token').all()).toEqual([{ user_id: amy }, { user_id: amy }]);
    expect(findUserById(db, bob)).toBeUndefined();
  });
});
