// The console's sign-in, sessions, CSRF, API tokens, users and commit-log rows, through app.inject() on a real
// SQLite file (issue 6 §8-9).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAdminApp } from '../../src/admin/app.js';
import { ensureAdmin } from '../../src/admin/auth/index.js';
import { digestSecret } from '../../src/admin/auth/secrets.js';
import { buildTestAdmin, TEST_PASSWORDS, type TestAdmin } from '../helpers/admin.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let t: TestAdmin;
beforeEach(async () => { t = await buildTestAdmin(); });
afterEach(async () => { await t.close(); });

function call(method: Method, url: string, headers: Record<string, string> = {}, payload?: unknown, remoteAddress?: string) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }), ...(remoteAddress ? { remoteAddress } : {}) });
}
const signIn = (username: string, password: string, remoteAddress?: string) => call('POST', '/api/session', {}, { username, password }, remoteAddress);
const errorOf = (r: { statusCode: number; json(): unknown }) => [r.statusCode, (r.json() as { error: { code: string } }).error.code];
const logRows = () => t.app.m2.db.prepare('SELECT who, what, how, why FROM log ORDER BY id').all();
const WRONG = { error: { code: 'M2_ERR_API_UNAUTHENTICATED', message: 'wrong username or password' } };

describe('sessions', () => {
  it('signs in with a hardened cookie whose id is stored only as a digest', async () => {
    const r = await signIn('operator', TEST_PASSWORDS.operator);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toEqual({ user: { username: 'operator', role: 'operator' }, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^m2_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Strict$/);
    const id = r.cookies[0]!.value;
    expect(t.app.m2.db.prepare('SELECT id_hash, csrf_token FROM admin_session').all()).toEqual([{ id_hash: digestSecret(id), csrf_token: body.csrfToken }]);
    const me = await call('GET', '/api/session', { cookie: `m2_session=${id}` });
    expect(me.json()).toEqual(body);
  });

  it('signs out: the row goes, the cookie is cleared and no longer works', async () => {
    const s = await t.session('viewer');
    const out = await call('DELETE', '/api/session', s);
    expect(out.json()).toEqual({ ok: true });
    expect(out.headers['set-cookie']).toBe('m2_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict');
    expect(t.app.m2.db.prepare('SELECT count(*) AS n FROM admin_session').get()).toEqual({ n: 0 });
    const after = await call('GET', '/api/session', { cookie: s.cookie! });
    expect(after.json()).toEqual({ error: { code: 'M2_ERR_API_UNAUTHENTICATED', message: 'the session has ended; sign in again' } });
  });

  it('answers a wrong password and an unknown user alike, and 401 to GET /api/session without a session', async () => {
    const wrong = await signIn('admin', 'not-the-password');
    const unknown = await signIn('nobody', 'not-the-password');
    expect([wrong.statusCode, wrong.json()]).toEqual([401, WRONG]);
    expect([unknown.statusCode, unknown.json()]).toEqual([401, WRONG]);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(errorOf(await call('GET', '/api/session'))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
    expect(errorOf(await call('GET', '/api/session', t.as('admin')))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
  });

  it('refuses a malformed sign-in body with the fields at fault', async () => {
    const r = await call('POST', '/api/session', {}, { username: 'admin' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('M2_ERR_API_VALIDATION');
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['password']);
  });

  it('marks the cookie Secure when the console sits behind TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'm2-tls-'));
    const app = buildAdminApp({ dbPath: join(dir, 'c.sqlite'), uiDir: null, secureCookies: true });
    try {
      ensureAdmin(app.m2, { password: 'from-the-environment', print: () => {} });
      const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'from-the-environment' } });
      expect(String(r.headers['set-cookie'])).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sign-in rate limiting', () => {
  it('answers 429 with Retry-After after 5 failures for one username, without checking the password', async () => {
    for (let i = 1; i <= 5; i++) expect((await signIn('viewer', 'wrong-password', `192.0.2.${i}`)).statusCode).toBe(401);
    const r = await signIn('viewer', TEST_PASSWORDS.viewer, '192.0.2.9');
    expect(r.statusCode).toBe(429);
    // 900 s after the first failure; the five scrypt checks before this one take some of that on a busy machine.
    const wait = Number(r.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(880);
    expect(wait).toBeLessThanOrEqual(900);
    expect(r.json()).toEqual({ error: { code: 'M2_ERR_API_RATE_LIMITED', message: `too many failed sign-ins; try again in ${wait} seconds` } });
    expect((await signIn('operator', TEST_PASSWORDS.operator, '192.0.2.9')).statusCode).toBe(200);
  });

  it('answers 429 after 5 failures from one address, whatever the username', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect((await signIn(name, 'wrong-password', '198.51.100.7')).statusCode).toBe(401);
    expect(errorOf(await signIn('admin', TEST_PASSWORDS.admin, '198.51.100.7'))).toEqual([429, 'M2_ERR_API_RATE_LIMITED']);
    expect((await signIn('admin', TEST_PASSWORDS.admin, '198.51.100.8')).statusCode).toBe(200);
  });

  it("clears the username's count on a successful sign-in", async () => {
    for (let i = 1; i <= 4; i++) await signIn('viewer', 'wrong-password', `203.0.113.${i}`);
    expect((await signIn('viewer', TEST_PASSWORDS.viewer, '203.0.113.50')).statusCode).toBe(200);
    for (let i = 5; i <= 8; i++) expect((await signIn('viewer', 'wrong-password', `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await signIn('viewer', TEST_PASSWORDS.viewer, '203.0.113.51')).statusCode).toBe(200);
  });
});

describe('CSRF and access', () => {
  it('demands the session CSRF token on a cookie write: missing or wrong 403, right passes', async () => {
    const s = await t.session('viewer');
    const other = await t.session('operator');
    const missing = await call('POST', '/api/tokens', { cookie: s.cookie! }, { name: 'cli' });
    expect(missing.json()).toEqual({ error: { code: 'M2_ERR_API_CSRF', message: "a change made through a session must carry the session's x-csrf-token header" } });
    expect(missing.statusCode).toBe(403);
    expect(errorOf(await call('POST', '/api/tokens', { cookie: s.cookie!, 'x-csrf-token': 'wrong' }, { name: 'cli' }))).toEqual([403, 'M2_ERR_API_CSRF']);
    expect(errorOf(await call('POST', '/api/tokens', { cookie: s.cookie!, 'x-csrf-token': other['x-csrf-token']! }, { name: 'cli' }))).toEqual([403, 'M2_ERR_API_CSRF']);
    expect((await call('POST', '/api/tokens', s, { name: 'cli' })).statusCode).toBe(200);
    expect((await call('GET', '/api/tokens', { cookie: s.cookie! })).statusCode).toBe(200);
  });

  it('exempts bearer requests from CSRF', async () => {
    expect((await call('POST', '/api/tokens', t.as('viewer'), { name: 'cli' })).statusCode).toBe(200);
  });

  it('answers 401 without credentials, 403 to a too-weak role, and leaves health and unknown paths alone', async () => {
    expect(errorOf(await call('GET', '/api/tokens'))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
    expect(errorOf(await call('GET', '/api/openapi.json'))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
    const write = await call('POST', '/api/users', t.as('viewer'), { username: 'bob', password: 'long-enough-pw', role: 'viewer' });
    expect(write.json()).toEqual({ error: { code: 'M2_ERR_API_FORBIDDEN', message: 'this needs the admin role; viewer has viewer here' } });
    expect(errorOf(await call('GET', '/api/users', await t.session('operator')))).toEqual([403, 'M2_ERR_API_FORBIDDEN']);
    expect((await call('GET', '/api/health')).statusCode).toBe(200);
    expect(errorOf(await call('GET', '/api/no-such-thing'))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
  });

  it('refuses an invalid bearer token even beside a valid session cookie', async () => {
    const s = await t.session('admin');
    const r = await call('GET', '/api/users', { cookie: s.cookie!, authorization: 'Bearer m2t_forged' });
    expect(r.json()).toEqual({ error: { code: 'M2_ERR_API_UNAUTHENTICATED', message: 'the API token is invalid, expired or revoked' } });
  });
});

describe('API tokens', () => {
  it('creates a token shown once, which then authenticates and records its use', async () => {
    const made = await call('POST', '/api/tokens', t.as('operator'), { name: 'deploy' });
    expect(made.statusCode).toBe(200);
    const body = made.json();
    expect(body).toEqual({
      id: expect.any(Number), name: 'deploy', user: 'operator', role: 'operator',
      createdAt: expect.any(String), expiresAt: null, lastUsedAt: null, token: expect.stringMatching(/^m2t_[A-Za-z0-9_-]{43}$/),
    });
    expect(t.app.m2.db.prepare('SELECT token_hash FROM admin_token WHERE id = ?').get(body.id)).toEqual({ token_hash: digestSecret(body.token) });
    const list = await call('GET', '/api/tokens', { authorization: `Bearer ${body.token}` });
    expect(list.json().tokens.map((x: { name: string; user: string }) => `${x.user}:${x.name}`)).toEqual(['operator:test operator', 'operator:deploy']);
    const mine = list.json().tokens.find((x: { id: number }) => x.id === body.id);
    expect(mine.lastUsedAt).not.toBeNull();
    expect(mine.token).toBeUndefined();
    expect(list.body).not.toContain(body.token);
  });

  it('shows an admin every token', async () => {
    const r = await call('GET', '/api/tokens', t.as('admin'));
    expect(r.json().tokens.map((x: { user: string; role: string }) => `${x.user}:${x.role}`)).toEqual(['viewer:viewer', 'operator:operator', 'admin:admin']);
  });

  it("refuses a token role above the creator's with 403", async () => {
    const r = await call('POST', '/api/tokens', t.as('viewer'), { name: 'sneaky', role: 'operator' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toEqual({
      code: 'M2_ERR_API_FORBIDDEN', message: "a token's role may not exceed yours: viewer has viewer, not operator",
      fields: [{ path: 'role', message: 'at most viewer', code: 'M2_ERR_API_FORBIDDEN' }],
    });
    expect((await call('POST', '/api/tokens', t.as('admin'), { name: 'ro', role: 'viewer' })).json().role).toBe('viewer');
  });

  it('stops a revoked token (401) and lets only its owner or an admin revoke it', async () => {
    const { id, token } = (await call('POST', '/api/tokens', t.as('operator'), { name: 'short-lived' })).json();
    expect(errorOf(await call('DELETE', `/api/tokens/${id}`, t.as('viewer')))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
    expect((await call('DELETE', `/api/tokens/${id}`, t.as('operator'))).json()).toEqual({ ok: true });
    const used = await call('GET', '/api/tokens', { authorization: `Bearer ${token}` });
    expect(used.json()).toEqual({ error: { code: 'M2_ERR_API_UNAUTHENTICATED', message: 'the API token is invalid, expired or revoked' } });
    const other = (await call('POST', '/api/tokens', t.as('viewer'), { name: 'v' })).json();
    expect((await call('DELETE', `/api/tokens/${other.id}`, t.as('admin'))).statusCode).toBe(200);
    expect(errorOf(await call('DELETE', '/api/tokens/not-a-number', t.as('admin')))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
  });

  it('expires a token after its lifetime (401)', async () => {
    const made = (await call('POST', '/api/tokens', t.as('operator'), { name: 'day', expiresInDays: 1 })).json();
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(86_400_000);
    expect((await call('GET', '/api/tokens', { authorization: `Bearer ${made.token}` })).statusCode).toBe(200);
    t.app.m2.db.prepare('UPDATE admin_token SET expires_at = ? WHERE id = ?').run(Date.now() - 1, made.id);
    expect(errorOf(await call('GET', '/api/tokens', { authorization: `Bearer ${made.token}` }))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
  });

  it("acts with its owner's lowered role after a demotion", async () => {
    const { token } = (await call('POST', '/api/tokens', t.as('operator'), { name: 'ops' })).json();
    expect((await call('PUT', '/api/users/operator', t.as('admin'), { role: 'viewer' })).statusCode).toBe(200);
    const r = await call('POST', '/api/tokens', { authorization: `Bearer ${token}` }, { name: 'again', role: 'operator' });
    expect(r.json().error.message).toBe("a token's role may not exceed yours: operator has viewer, not operator");
  });

  it('validates the body with field paths', async () => {
    const r = await call('POST', '/api/tokens', t.as('admin'), { name: '', expiresInDays: 0, extra: 1 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['expiresInDays', 'extra', 'name']);
  });
});

describe('users', () => {
  const bob = { username: 'bob', password: 'bobs-password-1', role: 'operator' };

  it('lists users without any secret', async () => {
    const r = await call('GET', '/api/users', t.as('admin'));
    expect(r.json().users.map((u: { username: string; role: string }) => [u.username, u.role])).toEqual([['admin', 'admin'], ['operator', 'operator'], ['viewer', 'viewer']]);
    expect(Object.keys(r.json().users[0]).sort()).toEqual(['createdAt', 'role', 'updatedAt', 'username']);
    expect(r.body).not.toContain('scrypt');
  });

  it('creates a user who can sign in, and refuses a duplicate or invalid one', async () => {
    const r = await call('POST', '/api/users', t.as('admin'), bob);
    expect(r.json()).toEqual({ user: { username: 'bob', role: 'operator', createdAt: expect.any(String), updatedAt: expect.any(String) } });
    expect((await signIn('bob', bob.password)).json().user).toEqual({ username: 'bob', role: 'operator' });
    const dup = await call('POST', '/api/users', t.as('admin'), { ...bob, role: 'viewer' });
    expect([dup.statusCode, dup.json()]).toEqual([409, { error: {
      code: 'M2_ERR_API_CONFLICT', message: 'a user named bob already exists',
      fields: [{ path: 'username', message: 'a user named bob already exists', code: 'M2_ERR_API_CONFLICT' }],
    } }]);
    const bad = await call('POST', '/api/users', t.as('admin'), { username: 'bad name', password: 'short', role: 'root' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['username', 'password', 'role']);
  });

  it("changes a role, and a password (ending that user's sessions)", async () => {
    await call('POST', '/api/users', t.as('admin'), bob);
    const bobSession = (await signIn('bob', bob.password)).cookies[0]!.value;
    const role = await call('PUT', '/api/users/bob', t.as('admin'), { role: 'viewer' });
    expect(role.json().user.role).toBe('viewer');
    expect((await call('GET', '/api/session', { cookie: `m2_session=${bobSession}` })).json().user.role).toBe('viewer');
    expect((await call('PUT', '/api/users/bob', t.as('admin'), { password: 'bobs-new-password' })).statusCode).toBe(200);
    expect((await call('GET', '/api/session', { cookie: `m2_session=${bobSession}` })).statusCode).toBe(401);
    expect((await signIn('bob', bob.password)).statusCode).toBe(401);
    expect((await signIn('bob', 'bobs-new-password')).statusCode).toBe(200);
    expect(errorOf(await call('PUT', '/api/users/nobody', t.as('admin'), { role: 'viewer' }))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
    expect(errorOf(await call('PUT', '/api/users/bob', t.as('admin'), {}))).toEqual([400, 'M2_ERR_API_VALIDATION']);
  });

  it('deletes a user with their sessions and tokens', async () => {
    await call('POST', '/api/users', t.as('admin'), bob);
    const session = (await signIn('bob', bob.password)).cookies[0]!.value;
    const token = (await call('POST', '/api/tokens', { cookie: `m2_session=${session}`, 'x-csrf-token': (await call('GET', '/api/session', { cookie: `m2_session=${session}` })).json().csrfToken }, { name: 'b' })).json().token;
    expect((await call('DELETE', '/api/users/bob', t.as('admin'))).json()).toEqual({ ok: true });
    expect((await call('GET', '/api/session', { cookie: `m2_session=${session}` })).statusCode).toBe(401);
    expect((await call('GET', '/api/tokens', { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect(t.app.m2.db.prepare("SELECT (SELECT count(*) FROM admin_token t JOIN admin_user u ON u.id = t.user_id WHERE u.username = 'bob') + (SELECT count(*) FROM admin_session) AS n").get()).toEqual({ n: 0 });
    expect(errorOf(await call('DELETE', '/api/users/bob', t.as('admin')))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
  });

  it('refuses to delete or demote the last admin (409) until there is another', async () => {
    const del = await call('DELETE', '/api/users/admin', t.as('admin'));
    expect(del.json()).toEqual({ error: { code: 'M2_ERR_API_CONFLICT', message: 'admin is the last admin and cannot be deleted; make another admin first' } });
    expect(errorOf(await call('PUT', '/api/users/admin', t.as('admin'), { role: 'operator' }))).toEqual([409, 'M2_ERR_API_CONFLICT']);
    expect((await call('PUT', '/api/users/viewer', t.as('admin'), { role: 'admin' })).statusCode).toBe(200);
    expect((await call('PUT', '/api/users/admin', t.as('admin'), { role: 'operator' })).json().user.role).toBe('operator');
    // The promoted user's old token keeps its viewer scope; their session has the admin role.
    expect(errorOf(await call('DELETE', '/api/users/viewer', t.as('viewer')))).toEqual([403, 'M2_ERR_API_FORBIDDEN']);
    expect(errorOf(await call('DELETE', '/api/users/viewer', await t.session('viewer')))).toEqual([409, 'M2_ERR_API_CONFLICT']);
  });
});

describe('the commit log', () => {
  it("records user and token changes as who/what/how='console', never a secret, and nothing for a refusal", async () => {
    await call('POST', '/api/users', { ...t.as('admin'), 'm2-why': 'new%20hire' }, { username: 'bob', password: 'bobs-password-1', role: 'operator' });
    await call('POST', '/api/users', t.as('admin'), { username: 'bob', password: 'bobs-password-1', role: 'operator' });
    await call('PUT', '/api/users/bob', t.as('admin'), { role: 'viewer', password: 'bobs-password-2' });
    const made = (await call('POST', '/api/tokens', t.as('operator'), { name: 'ci', expiresInDays: 30 })).json();
    await call('DELETE', `/api/tokens/${made.id}`, t.as('admin'));
    await call('DELETE', '/api/users/bob', t.as('admin'));
    await call('DELETE', '/api/users/admin', t.as('admin'));
    expect(logRows()).toEqual([
      { who: 'admin', what: 'user bob created (operator)', how: 'console', why: 'new hire' },
      { who: 'admin', what: 'user bob changed (role viewer, password reset)', how: 'console', why: null },
      { who: 'operator', what: "token 'ci' created for operator (operator, expires in 30 days)", how: 'console', why: null },
      { who: 'admin', what: "token 'ci' of operator revoked", how: 'console', why: null },
      { who: 'admin', what: 'user bob deleted', how: 'console', why: null },
    ]);
    const all = JSON.stringify(t.app.m2.db.prepare('SELECT * FROM log').all());
    for (const secret of ['bobs-password-1', 'bobs-password-2', made.token]) expect(all).not.toContain(secret);
  });
});

describe('changing one’s own password', () => {
  it('keeps this session, ends the others and swaps the password', async () => {
    const a = await t.session('operator');
    const b = await t.session('operator');
    const wrong = await call('POST', '/api/session/password', a, { current: 'not-it', password: 'operator-password-2' });
    expect(wrong.json()).toEqual({ error: { code: 'M2_ERR_API_VALIDATION', message: 'the current password is wrong', fields: [{ path: 'current', message: 'the current password is wrong', code: 'M2_ERR_API_VALIDATION' }] } });
    expect(errorOf(await call('POST', '/api/session/password', a, { current: TEST_PASSWORDS.operator, password: 'short' }))).toEqual([400, 'M2_ERR_API_VALIDATION']);
    const ok = await call('POST', '/api/session/password', a, { current: TEST_PASSWORDS.operator, password: 'operator-password-2' });
    expect(ok.json()).toEqual({ ok: true });
    expect((await call('GET', '/api/session', { cookie: a.cookie! })).statusCode).toBe(200);
    expect((await call('GET', '/api/session', { cookie: b.cookie! })).statusCode).toBe(401);
    expect((await signIn('operator', TEST_PASSWORDS.operator)).statusCode).toBe(401);
    expect((await signIn('operator', 'operator-password-2')).statusCode).toBe(200);
    expect(logRows()).toEqual([{ who: 'operator', what: 'user operator changed their password', how: 'console', why: null }]);
  });
});

describe('ensureAdmin', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'm2-first-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates admin with a generated password printed once, which signs in', async () => {
    const app = buildAdminApp({ dbPath: join(dir, 'c.sqlite'), uiDir: null });
    const printed: string[] = [];
    try {
      expect(ensureAdmin(app.m2, { print: (l) => printed.push(l) })).toEqual({ created: true });
      expect(ensureAdmin(app.m2, { print: (l) => printed.push(l) })).toEqual({ created: false });
      expect(printed).toHaveLength(1);
      const pw = /^console admin password: ([A-Za-z0-9_-]{32})$/.exec(printed[0]!)![1]!;
      const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: pw } });
      expect(r.json().user).toEqual({ username: 'admin', role: 'admin' });
    } finally {
      await app.close();
    }
  });

  it('never prints a password from M2_ADMIN_PASSWORD, refuses a short one, and does nothing when users exist', async () => {
    const app = buildAdminApp({ dbPath: join(dir, 'c.sqlite'), uiDir: null });
    const printed: string[] = [];
    try {
      expect(() => ensureAdmin(app.m2, { password: 'short', print: (l) => printed.push(l) })).toThrow('M2_ADMIN_PASSWORD must be at least 10 characters');
      expect(ensureAdmin(app.m2, { password: 'env-password-123', print: (l) => printed.push(l) })).toEqual({ created: true });
      expect(printed).toEqual([]);
      const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'env-password-123' } });
      expect(r.statusCode).toBe(200);
      expect(ensureAdmin(t.app.m2, { print: (l) => printed.push(l) })).toEqual({ created: false });
      expect(printed).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
