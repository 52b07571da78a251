// The console's typed client (shared/src/api/client.ts) against the real console app: its fetch is an adapter over
// app.inject that keeps the session cookie as a browser would, so the client's CSRF handling, If-Match versions,
// percent-encoded whys and error mapping are tested against the server's real answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClientError, createApiClient, type FetchLike } from '@m2/shared';
import { TEST_PASSWORDS, buildTestAdmin, type TestAdmin } from '../helpers/admin.js';

let t: TestAdmin;
beforeEach(async () => { t = await buildTestAdmin(); });
afterEach(async () => { await t.close(); });

function browserFetch(): FetchLike {
  let cookie = '';
  return async (url, init) => {
    const res = await t.app.inject({ method: init.method as 'GET', url, headers: { ...init.headers, ...(cookie ? { cookie } : {}) }, ...(init.body !== undefined ? { payload: init.body } : {}) });
    const set = res.cookies.find((c) => c.name === 'm2_session');
    if (set) cookie = set.value ? `m2_session=${set.value}` : '';
    return { status: res.statusCode, headers: { get: (n: string) => (res.headers[n.toLowerCase()] as string | undefined) ?? null }, text: async () => res.body };
  };
}

describe('the typed client', () => {
  it('signs in, edits with CSRF and versions, maps refusals, and signs out', async () => {
    const api = createApiClient({ fetch: browserFetch() });
    await expect(api.model.list('servers')).rejects.toMatchObject({ status: 401, code: 'M2_ERR_API_UNAUTHENTICATED' });
    const who = await api.session.signIn('operator', TEST_PASSWORDS.operator);
    expect(who.user).toEqual({ username: 'operator', role: 'operator' });
    const s = await api.model.create('servers', { uuid: 'u-1', accessLog: '/logs/a', errorLog: '/logs/e', pidFile: '/run/p', defaultHost: 'localhost', port: 7001, name: 'one' }, { why: 'new & shiny' });
    expect(s).toMatchObject({ uuid: 'u-1', port: 7001, name: 'one' });
    const host = (await api.model.list('hosts', { serverId: s.id })).items[0]!;
    const route = await api.model.create('routes', { hostId: host.id, path: '/s/', target: { kind: 'dir', create: { base: 'static/', indexFile: 'index.html', defaultCtype: 'text/plain' } } });
    expect(route.target.kind).toBe('dir');
    const renamed = await api.model.update('servers', s.id, { uuid: 'u-1', accessLog: '/logs/a', errorLog: '/logs/e', pidFile: '/run/p', defaultHost: 'localhost', port: 7001, name: 'renamed' }, { version: s.version });
    const stale = await api.model.update('servers', s.id, { uuid: 'u-1', accessLog: '/logs/a', errorLog: '/logs/e', pidFile: '/run/p', defaultHost: 'localhost', port: 7001, name: 'x' }, { version: s.version }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiClientError);
    expect((stale as ApiClientError).code).toBe('M2_ERR_API_STALE');
    expect((stale as ApiClientError).body.current).toEqual(renamed);
    const bad = (await api.model.create('proxies', { addr: '127.0.0.1', port: 0 }).catch((e: unknown) => e)) as ApiClientError;
    expect(bad.fields).toEqual([{ path: 'port', code: 'M2_ERR_MODEL_PORT', message: 'port must be a whole number from 1 to 65535, not 0' }]);
    const tested = await api.transfer.routeTest({ url: '/s/index.html', host: 'localhost' });
    expect(tested.route).toMatchObject({ id: route.id, path: '/s/' });
    expect(await api.transfer.exportConf(s.id)).toContain("'/s/'");
    expect((await api.log({ how: 'console', limit: 10 })).items.map((l) => l.why)).toContain('new & shiny');
    await api.session.signOut();
    await expect(api.model.list('servers')).rejects.toMatchObject({ status: 401 });
  });

  it('sends a bearer token instead of a cookie and needs no CSRF token', async () => {
    const token = t.as('viewer').authorization!.slice('Bearer '.length);
    const api = createApiClient({ fetch: browserFetch(), token });
    expect((await api.model.list('mimetypes', { q: '.css' })).items.map((m) => m.mimetype)).toContain('text/css');
    await expect(api.model.create('settings', { key: 'a.b', value: '1' })).rejects.toMatchObject({ status: 403, code: 'M2_ERR_API_FORBIDDEN' });
  });
});
