// Issue 6's access rules over every documented route, walked from the OpenAPI document itself (so a new route
// cannot slip through): without credentials every /api route but health and sign-in answers 401; a viewer gets
// 403 on every route whose documented access is operator or admin, before the route does anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestAdmin, type TestAdmin } from '../helpers/admin.js';

let t: TestAdmin;
let routes: { method: string; url: string; access: string }[] = [];
beforeAll(async () => {
  t = await buildTestAdmin();
  const doc = (await t.app.inject({ url: '/api/openapi.json', headers: t.as('viewer') })).json() as { paths: Record<string, Record<string, { 'x-m2-access': string }>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '1'), access: op['x-m2-access'],
  })));
});
afterAll(async () => { await t.close(); });

describe('access over every documented route', () => {
  it('documents the routes of every area', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const prefix of ['/api/servers', '/api/config/apply', '/api/session', '/api/users', '/api/running', '/api/export', '/api/route-test']) {
      expect(routes.some((r) => r.url.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('answers 401 without credentials everywhere but health and sign-in', async () => {
    const open = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual(['GET /api/health', 'POST /api/session']);
    for (const r of [...routes.filter((x) => x.access !== 'public'), { method: 'GET', url: '/api/openapi.json' }, { method: 'GET', url: '/api/docs' }]) {
      const res = await t.app.inject({ method: r.method as 'GET', url: r.url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('M2_ERR_API_UNAUTHENTICATED');
    }
  });

  it('answers 403 to a viewer on every operator and admin route', async () => {
    const guarded = routes.filter((r) => r.access === 'operator' || r.access === 'admin');
    expect(guarded.length).toBeGreaterThan(30);
    for (const r of guarded) {
      const res = await t.app.inject({ method: r.method as 'GET', url: r.url, headers: t.as('viewer'), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect(t.app.m2.db.prepare("SELECT count(*) AS n FROM log WHERE how = 'console'").get()).toEqual({ n: 0 });
  });
});
