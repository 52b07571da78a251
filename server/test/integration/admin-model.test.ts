// The console's model API through app.inject() on a real SQLite file: every resource's CRUD, validation as deep as
// the server's load (coded field errors), cross-row checks (clashes, references, in use), optimistic concurrency,
// one transaction + one commit-log row per change (read back by our m2sh log), and access by role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestAdmin, type TestAdmin } from '../helpers/admin.js';
import { runOurs } from '../helpers/processes.js';

let t: TestAdmin;
beforeEach(async () => { t = await buildTestAdmin(); });
afterEach(async () => { await t.close(); });

type Body = Record<string, unknown>;
const op = () => ({ ...t.as('operator'), 'm2-why': encodeURIComponent('testing: ünïcode why') });

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Body, headers: Record<string, string> = op()): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

const SERVER = { uuid: 'f400bf85-4538-4f7a-8908-67e313d515c2', accessLog: '/logs/access.log', errorLog: '/logs/error.log', pidFile: '/run/mongrel2.pid', defaultHost: 'localhost', port: 6767, name: 'main' };

async function makeServer(extra: Body = {}): Promise<Body> {
  const r = await call('POST', '/api/servers', { ...SERVER, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

function logRows(): { who: string; what: string; how: string; why: string | null }[] {
  return t.app.m2.db.prepare('SELECT who, what, how, why FROM log ORDER BY id').all() as never;
}

describe('servers', () => {
  it('creates a server with its default host, one log row with who, how and why', async () => {
    const s = await makeServer();
    expect(s).toMatchObject({ ...SERVER, chroot: '', bindAddr: '0.0.0.0', errorLogLevel: 2, useSsl: 0, controlPort: '' });
    expect(s.version).toMatch(/^[0-9a-f]{16}$/);
    const hosts = (await call('GET', `/api/hosts?serverId=${s.id}`)).json().items;
    expect(hosts).toEqual([{ id: hosts[0].id, serverId: s.id, name: 'localhost', matching: 'localhost', maintenance: 0, version: hosts[0].version }]);
    const log = logRows().filter((l) => l.how === 'console');
    expect(log).toEqual([{ who: 'operator', how: 'console', why: 'testing: ünïcode why', what: `server created: server main (id ${s.id}), its default host localhost (id ${hosts[0].id})` }]);
  });

  it('refuses bad fields with coded field errors and writes nothing', async () => {
    const before = logRows().length;
    const r = await call('POST', '/api/servers', { ...SERVER, port: 70000, bindAddr: 'not an address!', extra: 1 });
    expect(r.statusCode).toBe(400);
    const err = r.json().error;
    expect(err.code).toBe('M2_ERR_API_VALIDATION');
    expect(err.fields.map((f: Body) => [f.path, f.code])).toEqual(expect.arrayContaining([
      ['port', 'M2_ERR_MODEL_PORT'], ['bindAddr', 'M2_ERR_MODEL_ADDRESS'], ['extra', 'M2_ERR_MODEL_UNKNOWN_FIELD'],
    ]));
    expect(logRows().length).toBe(before);
    expect((await call('GET', '/api/servers')).json().items).toEqual([]);
  });

  it('refuses a clashing uuid, port, PID file and control port with 409 naming the field', async () => {
    await makeServer({ controlPort: 'ipc://run/a' });
    const other = { ...SERVER, uuid: 'other', name: 'b', port: 6768, pidFile: '/run/b.pid' };
    const cases: [Body, string][] = [
      [{ ...other, uuid: SERVER.uuid }, 'uuid'],
      [{ ...other, port: 6767, bindAddr: '127.0.0.1' }, 'port'],
      [{ ...other, pidFile: SERVER.pidFile }, 'pidFile'],
      [{ ...other, controlPort: 'ipc://run/a' }, 'controlPort'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', '/api/servers', body);
      expect(r.statusCode, field).toBe(409);
      expect(r.json().error.fields[0].path).toBe(field);
    }
    expect((await call('POST', '/api/servers', other)).statusCode).toBe(201);
  });

  it('refuses a default host the server lacks, and a renamed default host is followed', async () => {
    const s = await makeServer();
    const r = await call('PUT', `/api/servers/${s.id}`, { ...SERVER, defaultHost: 'nowhere' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([{ path: 'defaultHost', code: 'M2_ERR_API_NOT_FOUND', message: "no host named 'nowhere' in this server (it has localhost)" }]);
    const host = (await call('GET', `/api/hosts?serverId=${s.id}`)).json().items[0];
    const renamed = await call('PUT', `/api/hosts/${host.id}`, { serverId: s.id, name: 'example.com' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await call('GET', `/api/servers/${s.id}`)).json().defaultHost).toBe('example.com');
  });
});

describe('routes and targets', () => {
  async function host(): Promise<{ serverId: number; hostId: number }> {
    const s = await makeServer();
    const h = (await call('GET', `/api/hosts?serverId=${s.id}`)).json().items[0];
    return { serverId: s.id as number, hostId: h.id };
  }

  it('creates a route with a new handler in one change', async () => {
    const { hostId } = await host();
    const r = await call('POST', '/api/routes', {
      hostId, path: '/chat/', target: { kind: 'handler', create: { sendSpec: 'tcp://127.0.0.1:9999', sendIdent: 'id-1', recvSpec: 'tcp://127.0.0.1:9998' } },
    });
    expect(r.statusCode, r.body).toBe(201);
    const route = r.json();
    const handler = (await call('GET', `/api/handlers/${route.target.id}`)).json();
    expect(handler).toMatchObject({ sendSpec: 'tcp://127.0.0.1:9999', sendIdent: 'id-1', recvSpec: 'tcp://127.0.0.1:9998', recvIdent: '', rawPayload: 0, protocol: 'json' });
    expect(logRows().at(-1)!.what).toBe(`route created: route /chat/ (id ${route.id}), new handler ${handler.id}`);
  });

  it('refuses bad targets, bad patterns and duplicate paths', async () => {
    const { hostId } = await host();
    const bad = await call('POST', '/api/routes', { hostId, path: '/x/', target: { kind: 'handler', create: { sendSpec: 'tcp://nope', sendIdent: 'a', recvSpec: 'tcp://127.0.0.1:1' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: Body) => [f.path, f.code])).toEqual([['target.create.sendSpec', 'M2_ERR_MODEL_ZMQ_ENDPOINT']]);
    const missing = await call('POST', '/api/routes', { hostId, path: '/x/', target: { kind: 'dir', id: 99 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'target.id', message: 'there is no dir 99' });
    const pattern = await call('POST', '/api/routes', { hostId, path: '/x/([a-z', target: { kind: 'proxy', create: { addr: '127.0.0.1', port: 8080 } } });
    expect(pattern.statusCode).toBe(400);
    expect(pattern.json().error.fields[0]).toMatchObject({ path: 'path', code: 'M2_ERR_MODEL_PATTERN' });
    const ok = await call('POST', '/api/routes', { hostId, path: '/x/', target: { kind: 'dir', create: { base: 'static/', indexFile: 'index.html', defaultCtype: 'text/plain' } } });
    expect(ok.statusCode, ok.body).toBe(201);
    const dup = await call('POST', '/api/routes', { hostId, path: '/x/', target: ok.json().target });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].path).toBe('path');
    expect(t.app.m2.db.prepare('SELECT count(*) AS n FROM proxy').get()).toEqual({ n: 0 });
  });

  it('refuses deleting a target in use and a host with routes unless cascading', async () => {
    const { hostId } = await host();
    const route = (await call('POST', '/api/routes', { hostId, path: '/p/', target: { kind: 'proxy', create: { addr: '127.0.0.1', port: 8080 } } })).json();
    const inUse = await call('DELETE', `/api/proxies/${route.target.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'M2_ERR_API_IN_USE', message: `proxy ${route.target.id} is the target of 1 route(s): /p/` });
    expect((await call('DELETE', `/api/hosts/${hostId}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/hosts/${hostId}?cascade=1`)).statusCode).toBe(409); // still the default host
    const s = (await call('GET', '/api/servers')).json().items[0];
    const gone = await call('DELETE', `/api/servers/${s.id}?cascade=1`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(logRows().at(-1)!.what).toBe(`server deleted: server main (id ${s.id}), with 1 host(s), 1 route(s)`);
    expect((await call('DELETE', `/api/proxies/${route.target.id}`)).statusCode).toBe(200);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a write with a stale If-Match with 409 and the current record', async () => {
    const s = await makeServer();
    const first = await call('PUT', `/api/servers/${s.id}`, { ...SERVER, name: 'renamed' }, { ...op(), 'if-match': `"${s.version as string}"` });
    expect(first.statusCode).toBe(200);
    const stale = await call('PUT', `/api/servers/${s.id}`, { ...SERVER, name: 'again' }, { ...op(), 'if-match': `"${s.version as string}"` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('M2_ERR_API_STALE');
    expect(stale.json().error.current).toEqual(first.json());
    const del = await call('DELETE', `/api/servers/${s.id}?cascade=1`, undefined, { ...op(), 'if-match': `"${s.version as string}"` });
    expect(del.statusCode).toBe(409);
    expect((await call('GET', `/api/servers/${s.id}`)).headers.etag).toBe(`"${first.json().version as string}"`);
  });
});

describe('settings, mimetypes, filters', () => {
  it('validates known settings, refuses duplicate keys and searches mimetypes', async () => {
    const bad = await call('POST', '/api/settings', { key: 'limits.buffer_size', value: 'lots' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'value', code: 'M2_ERR_MODEL_SETTING_VALUE' });
    expect((await call('POST', '/api/settings', { key: 'limits.buffer_size', value: '4096' })).statusCode).toBe(201);
    expect((await call('POST', '/api/settings', { key: 'limits.buffer_size', value: '8192' })).statusCode).toBe(409);
    expect((await call('POST', '/api/settings', { key: 'my.own', value: 'anything' })).statusCode).toBe(201);
    const found = (await call('GET', '/api/mimetypes?q=json')).json().items.map((m: Body) => m.extension);
    expect(found).toContain('.json');
    expect(found.every((e: string) => e.length > 0)).toBe(true);
    expect((await call('POST', '/api/mimetypes', { extension: '.json', mimetype: 'application/json' })).statusCode).toBe(409);
    expect((await call('POST', '/api/filters', { serverId: 42, name: 'null.so' })).json().error.fields[0].path).toBe('serverId');
  });
});

describe('access and the commit log', () => {
  it('answers 401 without credentials, 403 to a viewer writing, and lists for a viewer', async () => {
    for (const url of ['/api/servers', '/api/hosts', '/api/routes', '/api/handlers', '/api/dirs', '/api/proxies', '/api/settings', '/api/mimetypes', '/api/filters', '/api/log', '/api/config/pending', '/api/openapi.json']) {
      expect((await call('GET', url, undefined, {})).statusCode, url).toBe(401);
      expect((await call('GET', url, undefined, t.as('viewer'))).statusCode, url).toBe(200);
    }
    const w = await call('POST', '/api/servers', SERVER, t.as('viewer'));
    expect(w.statusCode).toBe(403);
    expect(w.json().error.code).toBe('M2_ERR_API_FORBIDDEN');
    expect((await call('GET', '/api/health', undefined, {})).statusCode).toBe(200);
  });

  it('shows console changes in GET /api/log and in our m2sh log on the same database', async () => {
    await makeServer();
    const api = (await call('GET', '/api/log?how=console&limit=5', undefined, t.as('viewer'))).json().items;
    expect(api[0]).toMatchObject({ who: 'operator', how: 'console', why: 'testing: ünïcode why' });
    const ran = runOurs(['log', '-db', t.dbPath], t.dir);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/ operator \S+ console server created: server main \(id \d+\), its default host localhost \(id \d+\) testing: ünïcode why/);
  });

  it('documents every model route in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json', undefined, t.as('viewer'))).json();
    for (const r of ['servers', 'hosts', 'routes', 'handlers', 'dirs', 'proxies', 'settings', 'mimetypes', 'filters']) {
      expect(Object.keys(doc.paths[`/api/${r}/{id}`]).sort()).toEqual(['delete', 'get', 'put']);
      expect(doc.paths[`/api/${r}`].post.requestBody).toBeDefined();
    }
  });
});
