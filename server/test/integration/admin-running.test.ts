// The console's running-servers API against a REAL mongrel2 process (ours): start it through the API, watch it
// serve, see a held connection in the connections list and on the event stream, kill it and see the client
// socket close, read the access-log tail and per-route stats, reload over the control port, stop it and see the
// process gone; plus who may do what (401 / 403), refusals (400 / 404 / 409) and a start that fails with the
// server's own reason. The process is ended by its PID in afterAll whatever happens.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/c-mongrel2.js';
import { FakeHandler } from '../helpers/fake-handler.js';
import { buildTestAdmin, type TestAdmin } from '../helpers/admin.js';
import { tempDir } from '../helpers/processes.js';
import { makeSite, setPort } from '../helpers/servers.js';
import { processAlive } from '../../src/process/pid-file.js';
import { isLive } from '../../src/admin/running/liveness.js';

const tmp = tempDir('m2-admin-running-');
let admin: TestAdmin;
let handler: FakeHandler;
let port: number;
let id: number;
let baseUrl: string;
const sockets: Socket[] = [];
const pidPath = join(tmp.dir, 'run', 'mongrel2.pid');

beforeAll(async () => {
  const [p1, p2] = await Promise.all([freePort(), freePort()]);
  mkdirSync(join(tmp.dir, 'static'), { recursive: true });
  writeFileSync(join(tmp.dir, 'static', 'a.txt'), 'A\n');
  const db = makeSite(tmp.dir, `main = Server(uuid="run-1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={
      '/static/': Dir(base='static/', index_file='index.html', default_ctype='text/plain'),
      '/handler': Handler(send_spec='tcp://127.0.0.1:${p1}', send_ident='run-test', recv_spec='tcp://127.0.0.1:${p2}', recv_ident='')
    })])
servers = [main]
`);
  port = await freePort();
  setPort(db, port);
  admin = await buildTestAdmin({ dbPath: db, cwd: tmp.dir });
  id = (admin.app.m2.db.prepare('SELECT id FROM server').get() as { id: number }).id;
  await admin.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(admin.app.server.address() as { port: number }).port}`;
  handler = new FakeHandler(`tcp://127.0.0.1:${p1}`, `tcp://127.0.0.1:${p2}`);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  handler?.close();
  try {
    const pid = Number(readFileSync(pidPath, 'utf8'));
    if (pid > 0 && processAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch {
    /* no PID file: nothing runs */
  }
  await admin?.close();
  tmp.cleanup();
});

type Role = 'viewer' | 'operator' | 'admin';
async function call(method: 'GET' | 'POST', url: string, role: Role | null, payload?: unknown) {
  const res = await admin.app.inject({ method, url, headers: role ? admin.as(role) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

/** Waits until the process is gone and reaped (a zombie still answers signal 0). */
async function reaped(pid: number): Promise<boolean> {
  for (let i = 0; i < 40 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !processAlive(pid);
}

/** Opens a raw connection, sends a request, and resolves once the server has read it. */
async function hold(req: string): Promise<Socket> {
  const s = connect(port, '127.0.0.1');
  sockets.push(s);
  await new Promise<void>((r) => s.once('connect', () => r()));
  s.write(req);
  return s;
}

async function get(path: string): Promise<void> {
  const s = await hold(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  s.resume();
  await new Promise((r) => s.once('close', r));
}

/** Reads the event stream until `pick` returns a value, or throws after `ms`. */
function readEvents<T>(path: string, pick: (name: string, data: any) => T | undefined, ms = 8000, on: { admin: TestAdmin; baseUrl: string } = { admin, baseUrl }): Promise<{ value: T; res: IncomingMessage; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${on.baseUrl}${path}`, { headers: on.admin.as('viewer') }, (res) => {
      let text = '';
      const timer = setTimeout(() => { req.destroy(); reject(new Error(`no matching event in:\n${text}`)); }, ms);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const block of text.split('\n\n')) {
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!name || data === undefined) continue;
          const value = pick(name, JSON.parse(data));
          if (value !== undefined) {
            clearTimeout(timer);
            req.destroy();
            return resolve({ value, res, text });
          }
        }
      });
    });
    req.on('error', () => {});
    req.end();
  });
}

describe('the running-servers API with a real server', () => {
  it('refuses callers without credentials, and viewers on process controls', async () => {
    expect((await call('GET', '/api/running', null)).status).toBe(401);
    expect((await call('POST', `/api/servers/${id}/start`, 'viewer')).status).toBe(403);
    expect((await call('GET', '/api/servers/999/running', 'viewer')).status).toBe(404);
    expect((await call('GET', '/api/servers/abc/running', 'viewer')).status).toBe(400);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json', 'viewer')).body;
    expect(doc.paths['/api/servers/{id}/events'].get.responses['200'].content).toHaveProperty(['text/event-stream']);
    expect(doc.paths['/api/servers/{id}/connections/{connId}/kill'].post['x-m2-access']).toBe('operator');
    expect(doc.paths['/api/servers/{id}/access-log'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'lines']);
    expect(doc.paths['/api/servers/{id}/control'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('command');
  });

  it('shows the server stopped, then starts it and shows it running with its info and uptime', async () => {
    const before = await call('GET', '/api/running', 'viewer');
    expect(before.status).toBe(200);
    expect(before.body.servers).toEqual([expect.objectContaining({ id, name: 'main', uuid: 'run-1', running: false, pid: null, pidFile: pidPath, controlEndpoint: `ipc://${tmp.dir}/run/control` })]);
    expect((await call('POST', `/api/servers/${id}/stop`, 'operator', {})).body.error.code).toBe('M2_ERR_API_NOT_RUNNING');

    const started = await call('POST', `/api/servers/${id}/start`, 'operator');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ running: true, problem: null, info: { port, uuid: 'run-1', chroot: './', defaultHostname: 'localhost' } });
    expect(started.body.pid).toBe(Number(readFileSync(pidPath, 'utf8')));
    expect(processAlive(started.body.pid)).toBe(true);
    expect(started.body.uptimeSeconds).toBeGreaterThanOrEqual(0);

    const again = await call('POST', `/api/servers/${id}/start`, 'operator');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('M2_ERR_API_CONFLICT');
    expect((await call('GET', `/api/servers/${id}/running`, 'viewer')).body).toMatchObject({ running: true, pid: started.body.pid });
  });

  it('proxies the read-only control commands to viewers and refuses the rest', async () => {
    const time = await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'time' });
    expect(time.status).toBe(200);
    expect(Math.abs(Number(time.body.values.time) - Date.now() / 1000)).toBeLessThan(5);
    expect((await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'uuid' })).body).toEqual({ kind: 'msg', values: { uuid: 'run-1' } });
    const tasks = await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'status', args: { what: 'tasks' } });
    expect(tasks.body).toMatchObject({ kind: 'table', headers: ['id', 'system', 'name', 'state', 'status'] });
    expect((await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'status', args: { what: 'disk' } })).body)
      .toEqual({ kind: 'error', code: 'ERROR', message: "Expected argument what=['net'|'tasks']." });
    expect((await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'reload' })).status).toBe(403);
    expect((await call('POST', `/api/servers/${id}/control`, 'viewer', { command: 'kill', args: { id: 1 } })).status).toBe(403);
    for (const command of ['stop', 'terminate', 'control_stop', 'help', 'version']) {
      const r = await call('POST', `/api/servers/${id}/control`, 'operator', { command });
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe('command');
    }
    const reload = await call('POST', `/api/servers/${id}/control`, 'operator', { command: 'reload' });
    expect(reload.body).toEqual({ kind: 'msg', values: { msg: 'signal sent to server' } });
  });

  it('lists a held connection, streams it, kills it through the API, and the client sees the close', async () => {
    const first = handler.received.length;
    const held = await hold('GET /handler/wait HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const idle = await hold('GET /static/a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise<void>((r) => idle.once('data', () => r()));
    const msg = await handler.waitForPath('/handler/wait', first);
    const connId = Number(msg.toString('latin1').split(' ')[1]);
    expect(connId).toBeGreaterThanOrEqual(1);

    const list = await call('GET', `/api/servers/${id}/connections`, 'viewer');
    expect(list.status).toBe(200);
    const mine = list.body.connections.find((c: { id: number }) => c.id === connId);
    expect(mine).toMatchObject({ type: 1, typeName: 'HTTP' });
    expect(mine.bytesRead).toBeGreaterThan(30);
    expect(list.body.connections.some((c: { id: number; bytesWritten: number }) => c.id === -1 && c.bytesWritten > 0)).toBe(true);

    const stream = await readEvents(`/api/servers/${id}/events`, (name, data) =>
      name === 'connections' && data.connections.some((c: { id: number }) => c.id === connId) ? data : undefined);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.text.startsWith('retry: 2000\n\nevent: state\ndata: {"running":true,')).toBe(true);

    expect((await call('POST', `/api/servers/${id}/connections/${connId}/kill`, 'viewer')).status).toBe(403);
    const unknown = await call('POST', `/api/servers/${id}/connections/60000/kill`, 'operator');
    expect(unknown.status).toBe(404);
    expect((await call('POST', `/api/servers/${id}/connections/70000/kill`, 'operator')).status).toBe(400);
    const closed = new Promise<boolean>((r) => { held.once('close', () => r(true)); setTimeout(() => r(false), 5000); });
    const killed = await call('POST', `/api/servers/${id}/connections/${connId}/kill`, 'operator');
    expect(killed).toEqual({ status: 200, body: { id: connId, status: 'OK' } });
    expect(await closed).toBe(true);
    idle.destroy();
  });

  it('counts requests on the event stream as the access log grows', async () => {
    await new Promise((r) => setTimeout(r, 300)); // earlier requests' lines reach the log (the server batches for 50 ms)
    const seen = readEvents(`/api/servers/${id}/events`, (name, data) => (name === 'counters' && data.requestsTotal >= 2 ? data : undefined));
    await new Promise((r) => setTimeout(r, 1300)); // the poller first finds the log's end
    await get('/static/a.txt');
    await get('/static/a.txt');
    const { value } = await seen;
    expect(value).toMatchObject({ requestsTotal: 2, bytesTotal: 4, status: { '2xx': 2, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 } });
    expect(value.requestsPerSecond).toBeGreaterThan(0);
  });

  it('reads the access-log tail and per-route stats', async () => {
    for (const p of ['/static/a.txt', '/static/a.txt', '/static/missing.txt']) await get(p);
    await new Promise((r) => setTimeout(r, 200)); // the server batches log writes for 50 ms
    const tail = await call('GET', `/api/servers/${id}/access-log?lines=3`, 'viewer');
    expect(tail.status).toBe(200);
    expect(tail.body.path).toBe(join(tmp.dir, 'logs', 'access.log'));
    expect(tail.body.entries.map((e: { path: string; status: number }) => `${e.path} ${e.status}`))
      .toEqual(['/static/a.txt 200', '/static/a.txt 200', '/static/missing.txt 404']);
    expect(tail.body.entries[0]).toMatchObject({ host: 'localhost', addr: '127.0.0.1', method: 'GET', version: 'HTTP/1.1', size: 2 });
    expect((await call('GET', `/api/servers/${id}/access-log?lines=0`, 'viewer')).status).toBe(400);
    expect((await call('GET', `/api/servers/${id}/access-log?lines=5001`, 'viewer')).status).toBe(400);

    const stats = await call('GET', `/api/servers/${id}/stats`, 'viewer');
    expect(stats.status).toBe(200);
    const route = (path: string) => stats.body.routes.find((r: { route: string }) => r.route === path);
    // 5 reads of a.txt (2 bytes each: the held keep-alive one, 2 while streaming, 2 here) and one 404
    expect(route('/static/')).toMatchObject({ host: 'localhost', requests: 6, status: { 200: 5, 404: 1 }, bytes: 10 });
    expect(route('/handler')).toMatchObject({ requests: 1, status: { 200: 1 } });
    expect(stats.body.entries).toBe(7);
  });

  it('logs each control action in the commit log', () => {
    const whats = (admin.app.m2.db.prepare("SELECT what, how, who FROM log WHERE how = 'console' ORDER BY id").all() as { what: string; who: string }[]);
    expect(whats.map((w) => w.what)).toEqual([expect.stringMatching(/^server main started \(PID \d+\)$/), 'server main reloaded', expect.stringMatching(/^connection \d+ killed on server main$/)]);
    expect(whats.every((w) => w.who === 'operator')).toBe(true);
  });

  it('stops the server and the process is gone; restart brings it back', async () => {
    const pid = Number(readFileSync(pidPath, 'utf8'));
    expect((await call('POST', `/api/servers/${id}/stop`, 'viewer', {})).status).toBe(403);
    expect((await call('POST', `/api/servers/${id}/stop`, 'operator', { murder: 'yes' })).status).toBe(400);
    const stopped = await call('POST', `/api/servers/${id}/stop`, 'operator', {});
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ running: false, pid: null });
    expect(await reaped(pid)).toBe(true);
    expect((await call('POST', `/api/servers/${id}/connections`, 'viewer')).status).toBe(404);
    expect((await call('GET', `/api/servers/${id}/connections`, 'viewer')).body.error.code).toBe('M2_ERR_API_NOT_RUNNING');

    const restarted = await call('POST', `/api/servers/${id}/restart`, 'operator');
    expect(restarted.body).toMatchObject({ running: true });
    const murdered = await call('POST', `/api/servers/${id}/stop`, 'operator', { murder: true });
    expect(murdered.body.running).toBe(false);
    expect(await reaped(restarted.body.pid)).toBe(true);
  });

  it("answers a start that fails with the server's own reason", async () => {
    const db = new Database(admin.dbPath);
    db.prepare("UPDATE server SET default_host = 'nowhere'").run();
    db.close();
    try {
      const failed = await call('POST', `/api/servers/${id}/start`, 'operator');
      expect(failed.status).toBe(500);
      expect(failed.body.error.code).toBe('M2_ERR_API_CONTROL');
      expect(failed.body.error.message).toContain('exited with code 1');
      expect(failed.body.error.message).toContain('No default_host set for server: run-1, you need one host named: nowhere');
    } finally {
      const fix = new Database(admin.dbPath);
      fix.prepare("UPDATE server SET default_host = 'localhost'").run();
      fix.close();
    }
  });
});

describe('a server that daemonizes (server.daemonize=1, the default)', () => {
  const site = tempDir('m2-admin-daemon-');
  let a: TestAdmin;
  let url: string;
  afterAll(async () => {
    try {
      const pid = Number(readFileSync(join(site.dir, 'run', 'mongrel2.pid'), 'utf8'));
      if (pid > 0 && processAlive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      /* not running */
    }
    await a?.close();
    site.cleanup();
  });

  it('starts (the launcher exits 0 once the detached server serves), streams state changes, and stops', async () => {
    const db = makeSite(site.dir, `main = Server(uuid="run-d", name="daemon", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={'/': Dir(base='./', index_file='index.html', default_ctype='text/plain')})])
servers = [main]
`);
    const d = new Database(db);
    d.prepare("DELETE FROM setting WHERE key = 'server.daemonize'").run();
    d.close();
    setPort(db, await freePort());
    a = await buildTestAdmin({ dbPath: db, cwd: site.dir });
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(a.app.server.address() as { port: number }).port}`;
    const sid = (a.app.m2.db.prepare('SELECT id FROM server').get() as { id: number }).id;
    const on = { admin: a, baseUrl: url };

    const up = readEvents(`/api/servers/${sid}/events`, (name, data) => (name === 'state' && data.running ? data : undefined), 15000, on);
    await new Promise((r) => setTimeout(r, 300));
    const started = await a.app.inject({ method: 'POST', url: `/api/servers/${sid}/start`, headers: a.as('operator') });
    expect(started.statusCode).toBe(200);
    const pid = (started.json() as { pid: number }).pid;
    expect((await up).value).toEqual({ running: true, pid });
    expect(readFileSync(join(site.dir, 'logs', 'error.log'), 'utf8')).toContain('Running. Copyright (C) Zed A. Shaw');

    const down = readEvents(`/api/servers/${sid}/events`, (name, data) => (name === 'state' && !data.running ? data : undefined), 15000, on);
    await new Promise((r) => setTimeout(r, 300));
    const stopped = await a.app.inject({ method: 'POST', url: `/api/servers/${sid}/stop`, headers: a.as('operator'), payload: {} });
    expect(stopped.statusCode).toBe(200);
    expect((await down).value).toEqual({ running: false, pid: null });
    expect(isLive(pid)).toBe(false);
  });
});
