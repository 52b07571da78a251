// The console's transfer endpoints through app.inject() on a real SQLite file (issue 6 §6-7): export (and its
// round trip over the shared corpus), import preview and import, backup and restore, the route tester — with
// their validation errors, roles and commit-log rows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigSource } from '../../src/config/load-file.js';
import { migrate } from '../../src/config/migrate.js';
import { writeModel } from '../../src/config/loader/write.js';
import { buildTestAdmin, type TestAdmin } from '../helpers/admin.js';
import { CORPUS } from '../helpers/processes.js';

const CONF = `site = Dir(base='site/', index_file='index.html', default_ctype='text/plain')
app = Handler(send_spec='tcp://127.0.0.1:9997', send_ident='app', recv_spec='tcp://127.0.0.1:9996', recv_ident='')
main = Server(uuid="u-main", access_log="/logs/access.log", error_log="/logs/error.log", pid_file="/run/main.pid",
  default_host="localhost", name="main", port=6767, hosts=[
    Host(name="localhost", routes={'/': site, '/users': app, '/img/(.*).jpg$': Proxy(addr='127.0.0.1', port=8080)}),
    Host(name="example.com", routes={'/api/': app}),
    Host(name="wild", matching="(.*).wild.org", routes={'/': site})])
second = Server(uuid="u-second", access_log="/logs/a2.log", error_log="/logs/e2.log", pid_file="/run/second.pid",
  default_host="other", name="second", port=6768, hosts=[Host(name="other", routes={'/': site})])
servers = [main, second]
settings = {'zeromq.threads': 1}
`;
const ONE = CONF.replace('servers = [main, second]', 'servers = [main]');
const BAD = 'main = Server(\n  uuid=`x`)\nservers = [main]\n';

let t: TestAdmin;
beforeEach(async () => {
  t = await buildTestAdmin();
  writeModel(t.app.m2.db, loadConfigSource(CONF, 'test.conf'), null);
});
afterEach(async () => { await t.close(); });

type Role = 'viewer' | 'operator' | 'admin';
const as = (role: Role | null) => (role ? t.as(role) : {});
const get = (url: string, role: Role | null = 'viewer') => t.app.inject({ method: 'GET', url, headers: as(role) });
const post = (url: string, payload: object, role: Role | null = 'operator') => t.app.inject({ method: 'POST', url, headers: as(role), payload });
const errorOf = (r: { statusCode: number; json(): unknown }) => [r.statusCode, (r.json() as { error: { code: string } }).error.code];
const fieldsOf = (r: { json(): unknown }) => (r.json() as { error: { fields: { path: string; message: string }[] } }).error.fields;
const logRows = () => t.app.m2.db.prepare('SELECT who, what, how, why FROM log ORDER BY id').all();
const db = () => t.app.m2.db;

/** Every row of the config tables with ids dropped and references spelled by natural key, sorted. */
function configRows(d: Database.Database): Record<string, string[]> {
  const all = (sql: string) => d.prepare(sql).all() as Record<string, unknown>[];
  const target = (type: unknown, id: unknown) => {
    const { id: _id, ...rest } = d.prepare(`SELECT * FROM ${type === 'dir' ? 'directory' : String(type)} WHERE id = ?`).get(id) as Record<string, unknown>;
    return rest;
  };
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  const drop = (r: Record<string, unknown>, ...cols: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !cols.includes(k)));
  return {
    server: sorted(all('SELECT * FROM server').map((r) => drop(r, 'id'))),
    host: sorted(all('SELECT h.*, s.uuid FROM host h JOIN server s ON s.id = h.server_id').map((r) => drop(r, 'id', 'server_id'))),
    route: sorted(all('SELECT r.*, h.name AS host, s.uuid FROM route r JOIN host h ON h.id = r.host_id JOIN server s ON s.id = h.server_id')
      .map((r) => ({ ...drop(r, 'id', 'host_id', 'target_id'), target: target(r.target_type, r.target_id) }))),
    ...Object.fromEntries(['filter', 'xrequest'].map((tb) => [tb, sorted(all(`SELECT p.*, s.uuid FROM ${tb} p JOIN server s ON s.id = p.server_id`)
      .map((r) => drop(r, 'id', 'server_id')))])),
    ...Object.fromEntries(['handler', 'directory', 'proxy', 'setting', 'mimetype'].map((tb) => [tb, sorted(all(`SELECT * FROM ${tb}`).map((r) => drop(r, 'id')))])),
  };
}

describe('authentication and roles', () => {
  it('401 without a credential; 403 for a viewer importing and an operator on backups', async () => {
    for (const [method, url] of [['GET', '/api/export'], ['POST', '/api/import/preview'], ['POST', '/api/import'], ['GET', '/api/backup'], ['POST', '/api/backup'], ['POST', '/api/route-test']] as const) {
      expect(errorOf(await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined }))).toEqual([401, 'M2_ERR_API_UNAUTHENTICATED']);
    }
    expect(errorOf(await post('/api/import', { source: CONF, why: 'x' }, 'viewer'))).toEqual([403, 'M2_ERR_API_FORBIDDEN']);
    expect(errorOf(await get('/api/backup', 'operator'))).toEqual([403, 'M2_ERR_API_FORBIDDEN']);
    expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/backup?why=x', headers: { ...t.as('operator'), 'content-type': 'application/vnd.sqlite3' }, payload: Buffer.from('x') })))
      .toEqual([403, 'M2_ERR_API_FORBIDDEN']);
  });

  it('documents every transfer route in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags: string[] }>> };
    for (const [path, method] of [['/api/export', 'get'], ['/api/import/preview', 'post'], ['/api/import', 'post'], ['/api/backup', 'get'], ['/api/backup', 'post'], ['/api/route-test', 'post']]) {
      expect(doc.paths[path!]?.[method!]?.tags).toEqual(['transfer']);
    }
  });
});

describe('GET /api/export', () => {
  it('answers the config file as an attachment, which previews as no change', async () => {
    const r = await get('/api/export');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="mongrel2.conf"');
    expect(r.body).toContain("uuid='u-main'");
    expect(r.body).toContain("uuid='u-second'");
    const p = await post('/api/import/preview', { source: r.body }, 'viewer');
    expect(p.json()).toMatchObject({ unchanged: true });
  });

  it('exports one server with ?serverId; 404 for an unknown one, 400 for a bad one', async () => {
    const id = (db().prepare("SELECT id FROM server WHERE uuid = 'u-second'").get() as { id: number }).id;
    const r = await get(`/api/export?serverId=${id}`);
    expect(r.body).toContain("uuid='u-second'");
    expect(r.body).not.toContain('u-main');
    expect(errorOf(await get('/api/export?serverId=999'))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
    expect(errorOf(await get('/api/export?serverId=abc'))).toEqual([400, 'M2_ERR_API_VALIDATION']);
  });
});

const CONFIGS = join(CORPUS, 'configs');
const NO_CORPUS = existsSync(CONFIGS) ? '' : ` — SKIPPED: the shared corpus is not at ${CONFIGS}`;
describe.skipIf(NO_CORPUS !== '')(`export round trip over the corpus configs${NO_CORPUS}`, () => {
  const confs = NO_CORPUS ? [] : readdirSync(CONFIGS).filter((f) => f.endsWith('.conf') && f !== 'm2sh-tests_other.conf');
  it.each(confs)('%s re-imports to the same rows', async (conf) => {
    writeModel(db(), loadConfigSource(readFileSync(join(CONFIGS, conf), 'utf8'), conf), null);
    const exported = await get('/api/export');
    expect(exported.statusCode).toBe(200);
    const fresh = new Database(':memory:');
    try {
      migrate(fresh);
      writeModel(fresh, loadConfigSource(exported.body, 'exported.conf'), null);
      expect(configRows(fresh)).toEqual(configRows(db()));
    } finally {
      fresh.close();
    }
  });

  it('m2sh-tests_other.conf does not import: 400 naming file:line:col', async () => {
    const source = readFileSync(join(CONFIGS, 'm2sh-tests_other.conf'), 'utf8');
    const r = await post('/api/import/preview', { source, filename: 'm2sh-tests_other.conf' }, 'viewer');
    expect(errorOf(r)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(r)).toEqual([expect.objectContaining({ path: 'source', message: expect.stringMatching(/^m2sh-tests_other\.conf:\d+:\d+: /) })]);
  });
});

describe('POST /api/import/preview and POST /api/import', () => {
  it('previews a change without writing anything', async () => {
    const before = configRows(db());
    const r = await post('/api/import/preview', { source: ONE }, 'viewer');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.unchanged).toBe(false);
    expect(body.changes.servers.removed.map((x: { key: string[] }) => x.key)).toEqual([['u-second']]);
    expect(body.changes.hosts.removed.map((x: { key: string[] }) => x.key)).toEqual([['u-second', 'other']]);
    expect(body.changes.routes.removed.map((x: { key: string[] }) => x.key)).toEqual([['u-second', 'other', '/']]);
    expect(body.counts.server).toEqual({ before: 2, after: 1 });
    expect(configRows(db())).toEqual(before);
    expect(logRows()).toEqual([]);
  });

  it('refuses a config that does not parse with file:line:col in the field message', async () => {
    const r = await post('/api/import/preview', { source: BAD, filename: 'bad.conf' }, 'viewer');
    expect(errorOf(r)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(r)).toEqual([{ path: 'source', message: expect.stringMatching(/^bad\.conf:2:8: /), code: 'M2_ERR_CONFIG_INVALID_CHAR' }]);
    const missing = await post('/api/import/preview', { filename: 'x.conf' }, 'viewer');
    expect(errorOf(missing)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(missing).map((f) => f.path)).toEqual(['source']);
  });

  it('imports in one transaction with a console log row; users and tokens survive', async () => {
    const r = await post('/api/import', { source: ONE, filename: 'one.conf', why: 'drop the second server' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ imported: true, unchanged: false, counts: { server: { before: 2, after: 1 } } });
    expect(db().prepare('SELECT uuid FROM server').all()).toEqual([{ uuid: 'u-main' }]);
    expect(logRows()).toEqual([{ who: 'operator', what: 'import one.conf', how: 'console', why: 'drop the second server' }]);
    expect((db().prepare('SELECT count(*) AS n FROM admin_user').get() as { n: number }).n).toBe(3);
    expect((await get('/api/export', 'admin')).statusCode).toBe(200);
  });

  it('requires a why, and a failing import leaves the database as it was', async () => {
    const before = configRows(db());
    const noWhy = await post('/api/import', { source: ONE, why: '  ' });
    expect(errorOf(noWhy)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(noWhy).map((f) => f.path)).toEqual(['why']);
    expect(errorOf(await post('/api/import', { source: BAD, why: 'broken' }))).toEqual([400, 'M2_ERR_API_VALIDATION']);
    // A failure in the middle of the write: everything rolls back, the log row included.
    db().exec("CREATE TEMP TRIGGER no_routes BEFORE INSERT ON route BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    expect((await post('/api/import', { source: ONE, why: 'will fail' })).statusCode).toBe(500);
    db().exec('DROP TRIGGER no_routes');
    expect(configRows(db())).toEqual(before);
    expect(logRows()).toEqual([]);
  });
});

const sqlite = (role: Role, payload: Buffer, query = '', headers: Record<string, string> = {}) => t.app.inject({
  method: 'POST', url: `/api/backup${query}`, payload, headers: { ...t.as(role), 'content-type': 'application/vnd.sqlite3', ...headers },
});

describe('GET /api/backup and POST /api/backup', () => {
  it('downloads a consistent copy and restores it, keeping users and the log', async () => {
    const backup = await get('/api/backup', 'admin');
    expect(backup.statusCode).toBe(200);
    expect(backup.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(backup.headers['content-disposition']).toBe('attachment; filename="config.sqlite"');
    expect(backup.rawPayload.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const saved = configRows(db());
    expect((await post('/api/import', { source: ONE, why: 'shrink' })).statusCode).toBe(200);
    const r = await sqlite('admin', backup.rawPayload, '', { 'm2-why': encodeURIComponent('undo: the shrink') });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ restored: true, rows: expect.objectContaining({ server: 2, host: 4, route: 6, handler: 1, proxy: 1, directory: 1, setting: 1 }) });
    expect(configRows(db())).toEqual(saved);
    expect(logRows()).toEqual([
      { who: 'operator', what: 'import mongrel2.conf', how: 'console', why: 'shrink' },
      { who: 'admin', what: 'restore backup', how: 'console', why: 'undo: the shrink' },
    ]);
    expect((db().prepare('SELECT count(*) AS n FROM admin_user').get() as { n: number }).n).toBe(3);
    expect((await sqlite('admin', backup.rawPayload, '?why=again', { 'content-type': 'application/octet-stream' })).statusCode).toBe(200);
  });

  it('refuses a non-SQLite or foreign file and a restore without why, writing nothing', async () => {
    const before = configRows(db());
    const text = await sqlite('admin', Buffer.from(CONF), '?why=oops');
    expect(errorOf(text)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(text.json().error.message).toBe('the upload is not an SQLite database (send the config.sqlite file itself)');
    const other = new Database(':memory:');
    other.exec('CREATE TABLE notes (body TEXT)');
    const foreign = await sqlite('admin', other.serialize(), '?why=oops');
    other.close();
    expect(errorOf(foreign)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(foreign.json().error.message).toMatch(/^the uploaded database is not a Mongrel2 config database: it lacks table server/);
    const backup = await get('/api/backup', 'admin');
    const noWhy = await sqlite('admin', backup.rawPayload);
    expect(errorOf(noWhy)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(noWhy).map((f) => f.path)).toEqual(['why']);
    const json = await t.app.inject({ method: 'POST', url: '/api/backup?why=x', headers: t.as('admin'), payload: { file: 'no' } });
    expect(fieldsOf(json).map((f) => f.path)).toEqual(['body']);
    expect(configRows(db())).toEqual(before);
    expect(logRows()).toEqual([]);
  });
});

describe('POST /api/route-test', () => {
  const routeId = (path: string) => (db().prepare('SELECT id FROM route WHERE path = ? ORDER BY id').get(path) as { id: number }).id;
  const test = async (body: object) => {
    const r = await post('/api/route-test', body, 'viewer');
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  it('routes by exact key, prefix, pattern and the /us → /users extension', async () => {
    const exact = await test({ url: '/users', host: 'localhost' });
    expect(exact).toMatchObject({
      server: { uuid: 'u-main', name: 'main' }, serverChoice: 'first', status: 200,
      host: { name: 'localhost', matched: 'exact' },
      route: { id: routeId('/users'), path: '/users', kind: 'prefix', matched: 'exact' },
      target: { kind: 'handler', sendSpec: 'tcp://127.0.0.1:9997', sendIdent: 'app' },
    });
    expect(exact.steps[0]).toMatch(/^server 'main' \(id \d+, uuid u-main\), the first of 2 servers/);
    expect((await test({ url: '/users/42', host: 'localhost' })).route).toMatchObject({ path: '/users', matched: 'prefix' });
    expect((await test({ url: '/us', host: 'localhost' })).route).toMatchObject({ path: '/users', matched: 'extension' });
    const jpg = await test({ url: '/img/cat.jpg', host: 'localhost' });
    expect(jpg).toMatchObject({ route: { path: '/img/(.*).jpg$', kind: 'pattern', matched: 'pattern' }, target: { kind: 'proxy', addr: '127.0.0.1', port: 8080 } });
    expect(await test({ url: '/img/cat.png', host: 'localhost' })).toMatchObject({ status: 404, route: null, target: null });
  });

  it('picks hosts by suffix, pattern and default, ignores the query and reads an absolute URL', async () => {
    expect((await test({ url: '/api/x', host: 'www.example.com' })).host).toMatchObject({ name: 'example.com', matched: 'suffix' });
    expect((await test({ url: '/', host: 'a.wild.org' })).host).toMatchObject({ name: 'wild', matched: 'pattern' });
    expect((await test({ url: '/users', host: 'nowhere.net' })).host).toMatchObject({ name: 'localhost', matched: 'default' });
    const q = await test({ url: '/users?id=1&x=2', host: 'localhost' });
    expect(q).toMatchObject({ request: { host: 'localhost', path: '/users', query: 'id=1&x=2' }, route: { path: '/users' } });
    expect(q.steps[1]).toBe("the query string '?id=1&x=2' is not used for routing");
    const abs = await test({ url: 'http://www.example.com:8080/api/v1?k=v' });
    expect(abs).toMatchObject({ request: { host: 'www.example.com:8080', path: '/api/v1', query: 'k=v' }, host: { name: 'example.com' }, route: { path: '/api/' }, status: 200 });
    const none = await test({ url: '/nothing', host: 'example.com' });
    expect(none).toMatchObject({ status: 404, host: { name: 'example.com' }, route: null });
    expect(none.steps.at(-1)).toBe("404 Not Found: host 'example.com' has no route for '/nothing'");
  });

  it('tests the server asked for, and refuses bad input', async () => {
    const id = (db().prepare("SELECT id FROM server WHERE uuid = 'u-second'").get() as { id: number }).id;
    expect(await test({ url: '/x', serverId: id })).toMatchObject({ serverChoice: 'given', server: { uuid: 'u-second' }, host: { name: 'other', matched: 'default' } });
    expect(errorOf(await post('/api/route-test', { url: '/', serverId: 999 }, 'viewer'))).toEqual([404, 'M2_ERR_API_NOT_FOUND']);
    const rel = await post('/api/route-test', { url: 'users' }, 'viewer');
    expect(errorOf(rel)).toEqual([400, 'M2_ERR_API_VALIDATION']);
    expect(fieldsOf(rel).map((f) => f.path)).toEqual(['url']);
    const space = await post('/api/route-test', { url: '/a b' }, 'viewer');
    expect(fieldsOf(space)).toEqual([expect.objectContaining({ path: 'url', message: expect.stringContaining('mongrel2 would answer 400') })]);
    writeModel(db(), loadConfigSource(ONE, 'one.conf'), null);
    expect((await test({ url: '/' })).serverChoice).toBe('only');
  });
});
