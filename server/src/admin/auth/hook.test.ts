// The gate on a small app of its own: default access by method, public routes, 401 vs 403, CSRF, and that a bad
// bearer header is refused even beside a good session cookie.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAdminContext, type AdminContext } from '../context.js';
import { installErrorHandling } from '../errors.js';
import { installAuthHook } from './hook.js';
import { createSession } from './sessions.js';
import { createToken } from './tokens.js';
import { insertUser } from './users.js';

let dir: string;
let ctx: AdminContext;
let app: FastifyInstance;
const bearer: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'm2-hook-'));
  ctx = openAdminContext({ dbPath: join(dir, 'c.sqlite') });
  app = Fastify();
  app.decorateRequest('who', null);
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(async (api) => {
    installAuthHook(api, ctx);
    api.get('/read', async (req) => ({ who: req.who }));
    api.post('/write', async (req) => ({ who: req.who }));
    api.post('/open', { config: { access: 'public' } }, async (req) => ({ who: req.who }));
    api.get('/admin', { config: { access: 'admin' } }, async () => ({ ok: true }));
  });
  for (const role of ['viewer', 'operator'] as const) {
    const id = (ids[role] = insertUser(ctx.db, { username: role, passwordHash: 'x', role }).id);
    bearer[role] = `Bearer ${createToken(ctx.db, { userId: id, name: role, role, expiresAt: null }).token}`;
  }
});

afterEach(async () => {
  await app.close();
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) => app.inject({ method, url, headers });

describe('the auth hook', () => {
  it('lets a viewer read and refuses their writes by default (viewer for GET, operator otherwise)', async () => {
    expect((await call('GET', '/read', { authorization: bearer.viewer! })).json()).toEqual({ who: { user: 'viewer', role: 'viewer', via: 'token' } });
    const w = await call('POST', '/write', { authorization: bearer.viewer! });
    expect(w.statusCode).toBe(403);
    expect(w.json().error.code).toBe('M2_ERR_API_FORBIDDEN');
    expect((await call('POST', '/write', { authorization: bearer.operator! })).statusCode).toBe(200);
    expect((await call('GET', '/admin', { authorization: bearer.operator! })).statusCode).toBe(403);
  });

  it('answers 401 without credentials and leaves public routes open, with who null', async () => {
    const r = await call('GET', '/read');
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: { code: 'M2_ERR_API_UNAUTHENTICATED', message: 'sign in, or send an API token as Authorization: Bearer <token>' } });
    expect((await call('POST', '/open')).json()).toEqual({ who: null });
  });

  it('refuses a malformed or non-Bearer Authorization header', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer m2t_nope', bearer.viewer!.replace('Bearer', 'Token')]) {
      const r = await call('GET', '/read', { authorization });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe('the API token is invalid, expired or revoked');
    }
    expect((await call('GET', '/read', { authorization: bearer.viewer!.replace('Bearer', 'bearer') })).statusCode).toBe(200);
  });

  it('takes a session cookie, and demands its CSRF token on writes only', async () => {
    const s = createSession(ctx.db, ids.operator!);
    const cookieHeader = `m2_session=${s.id}`;
    expect((await call('GET', '/read', { cookie: cookieHeader })).json()).toEqual({ who: { user: 'operator', role: 'operator', via: 'session' } });
    const missing = await call('POST', '/write', { cookie: cookieHeader });
    expect([missing.statusCode, missing.json().error.code]).toEqual([403, 'M2_ERR_API_CSRF']);
    expect((await call('POST', '/write', { cookie: cookieHeader, 'x-csrf-token': s.csrfToken.slice(1) })).statusCode).toBe(403);
    expect((await call('POST', '/write', { cookie: cookieHeader, 'x-csrf-token': s.csrfToken })).statusCode).toBe(200);
  });

  it('refuses a bad bearer header even beside a good cookie, and an unknown cookie with a cleared cookie', async () => {
    const s = createSession(ctx.db, ids.operator!);
    expect((await call('GET', '/read', { cookie: `m2_session=${s.id}`, authorization: 'Bearer m2t_bad' })).statusCode).toBe(401);
    const gone = await call('GET', '/read', { cookie: 'm2_session=forged' });
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error.message).toBe('the session has ended; sign in again');
    expect(gone.headers['set-cookie']).toBe('m2_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict');
  });
});
