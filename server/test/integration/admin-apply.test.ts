// Issue 6's "done when", end to end with real processes: a console (app.inject) on a real config.sqlite, our real
// mongrel2 started through the API, a real handler process (the echo example). A host and a Handler route created
// through the API and applied serve a real HTTP request; a change whose handler cannot bind is rolled back, the
// old routes keep serving, the API says why, and our m2sh log shows who did what and why.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestAdmin, type TestAdmin } from '../helpers/admin.js';
import { freePort } from '../helpers/c-mongrel2.js';
import { REPO, runOurs, tempDir } from '../helpers/processes.js';
import { exchange } from '../helpers/raw-http.js';

const ECHO = join(REPO, 'server/dist/examples/echo.js');
let t: TestAdmin;
let site: { dir: string; cleanup: () => void };
let port = 0;
let serverId = 0;
let handler: ChildProcess | null = null;
const send = (n: number) => `tcp://127.0.0.1:${n}`;
let specs: [number, number] = [0, 0];

function conf(p: number): string {
  return `main = Server(uuid="2f62bd5-apply-test", access_log="/logs/access.log", error_log="/logs/error.log",
    chroot="./", pid_file="/run/mongrel2.pid", default_host="localhost", name="main", port=${p}, bind_addr="127.0.0.1",
    hosts=[Host(name="localhost", routes={ '/static/': Dir(base='static/', index_file='index.html', default_ctype='text/plain') })])
servers = [main]
settings = { "server.daemonize": "0" }
`;
}

async function get(path: string, host = 'localhost'): Promise<{ status: number; body: string }> {
  const raw = (await exchange(port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, { quietMs: 3000 })).bytes.toString('latin1');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
  return { status, body: raw.slice(raw.indexOf('\r\n\r\n') + 4) };
}

const op = (why: string) => ({ ...t.as('operator'), 'm2-why': encodeURIComponent(why) });

beforeAll(async () => {
  // The operator's existing site, made with m2sh before the console first opens it (its baseline).
  site = tempDir('m2-apply-');
  port = await freePort();
  specs = [await freePort(), await freePort()];
  for (const d of ['logs', 'run', 'static']) mkdirSync(join(site.dir, d), { recursive: true });
  writeFileSync(join(site.dir, 'static/index.html'), 'hello from the dir\n');
  writeFileSync(join(site.dir, 'mongrel2.conf'), conf(port));
  const loaded = runOurs(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], site.dir);
  expect(loaded.status, loaded.stderr).toBe(0);
  t = await buildTestAdmin({ dbPath: join(site.dir, 'config.sqlite'), cwd: site.dir });
  serverId = (t.app.m2.db.prepare('SELECT id FROM server').get() as { id: number }).id;
  const started = await t.app.inject({ method: 'POST', url: `/api/servers/${serverId}/start`, headers: op('start for the test') });
  expect(started.statusCode, started.body).toBe(200);
  handler = spawn(process.execPath, [ECHO, send(specs[0]), send(specs[1]), 'apply-test-handler'], { stdio: 'ignore' });
}, 60_000);

afterAll(async () => {
  handler?.kill('SIGTERM');
  await t.app.inject({ method: 'POST', url: `/api/servers/${serverId}/stop`, headers: op('test over') });
  await t.close();
  site.cleanup();
});

describe('apply through the console', () => {
  it('serves a host and handler route created through the API once applied', async () => {
    expect((await get('/static/')).body).toBe('hello from the dir\n');
    const host = await t.app.inject({ method: 'POST', url: '/api/hosts', headers: op('a new app'), payload: { serverId, name: 'app.test' } });
    expect(host.statusCode, host.body).toBe(201);
    const route = await t.app.inject({
      method: 'POST', url: '/api/routes', headers: op('a new app'),
      payload: { hostId: host.json().id, path: '/hello/', target: { kind: 'handler', create: { sendSpec: send(specs[0]), sendIdent: 'apply-test-send', recvSpec: send(specs[1]) } } },
    });
    expect(route.statusCode, route.body).toBe(201);
    const pending = (await t.app.inject({ url: '/api/config/pending', headers: t.as('viewer') })).json();
    expect(pending.servers[0]).toMatchObject({ id: serverId, running: true, pending: true });
    expect(pending.diff.tables.route.added.map((r: { path: string }) => r.path)).toEqual(['/hello/']);
    const applied = await t.app.inject({ method: 'POST', url: '/api/config/apply', headers: t.as('operator'), payload: { why: 'ship the app' } });
    expect(applied.statusCode, applied.body).toBe(200);
    const outcome = applied.json();
    expect(outcome.ok).toBe(true);
    expect(outcome.servers[0]).toMatchObject({ serverId, action: 'reloaded', probe: { ok: true, path: '/hello/', host: 'app.test' } });
    const answer = await get('/hello/there', 'app.test');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('/hello/there');
    const after = (await t.app.inject({ url: '/api/config/pending', headers: t.as('viewer') })).json();
    expect(after.servers[0]).toMatchObject({ pending: false, running: true });
    expect(after.servers[0].loaded).toBe(after.servers[0].wanted);
    expect(after.servers[0].problem).toBeUndefined();
    expect(after.changed).toBe(false);
  }, 30_000);

  it('rolls back a change whose handler cannot bind; the old routes keep serving and the API says why', async () => {
    const hostId = (t.app.m2.db.prepare("SELECT id FROM host WHERE name = 'app.test'").get() as { id: number }).id;
    const broken = await t.app.inject({
      method: 'POST', url: '/api/routes', headers: op('try a handler on a foreign address'),
      payload: { hostId, path: '/broken/', target: { kind: 'handler', create: { sendSpec: 'tcp://192.0.2.1:5999', sendIdent: 'broken', recvSpec: 'tcp://192.0.2.1:5998' } } },
    });
    expect(broken.statusCode, broken.body).toBe(201);
    const applied = await t.app.inject({ method: 'POST', url: '/api/config/apply', headers: t.as('operator'), payload: { why: 'add broken' } });
    expect(applied.statusCode, applied.body).toBe(409);
    const err = applied.json().error;
    expect(err.code).toBe('M2_ERR_API_APPLY_FAILED');
    expect(err.message).toMatch(/^not applied: server main: a handler socket cannot bind: handler send_spec tcp:\/\/192\.0\.2\.1:5999: .+; the previous configuration was restored$/);
    expect(err.detail.rollback.servers[0]).toMatchObject({ serverId, action: 'reloaded' });
    expect(t.app.m2.db.prepare("SELECT count(*) AS n FROM route WHERE path = '/broken/'").get()).toEqual({ n: 0 });
    expect((await get('/hello/again', 'app.test')).status).toBe(200);
    expect((await get('/static/')).body).toBe('hello from the dir\n');
    const snapshots = (await t.app.inject({ url: '/api/config/snapshots', headers: t.as('viewer') })).json().items;
    expect(snapshots.map((s: { kind: string }) => s.kind).slice(0, 3)).toEqual(['failed', 'applied', 'baseline']);
    const pending = (await t.app.inject({ url: '/api/config/pending', headers: t.as('viewer') })).json();
    expect(pending.servers[0].pending).toBe(false);
    const log = runOurs(['log', '-db', t.dbPath], site.dir).stdout;
    expect(log).toMatch(/ operator \S+ console host created: host app\.test \(id \d+\) a new app/);
    expect(log).toMatch(/ operator \S+ console apply: main reloaded \(probe 200\) \(snapshot \d+\) ship the app/);
    expect(log).toMatch(/ operator \S+ console apply failed, rolled back to snapshot \d+: server main: a handler socket cannot bind/);
  }, 30_000);

  it('refuses to apply a configuration the server would not load, and changes nothing', async () => {
    t.app.m2.db.prepare("UPDATE server SET default_host = 'nowhere'").run();
    const r = await t.app.inject({ method: 'POST', url: '/api/config/apply', headers: t.as('operator'), payload: { why: 'bad' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].path).toBe(`servers.${serverId}`);
    t.app.m2.db.prepare("UPDATE server SET default_host = 'localhost'").run();
    expect((await t.app.inject({ method: 'POST', url: '/api/config/apply', headers: t.as('operator'), payload: { why: '' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/config/apply', headers: t.as('viewer'), payload: { why: 'x' } })).statusCode).toBe(403);
  }, 30_000);
});
