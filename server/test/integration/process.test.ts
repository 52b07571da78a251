// The mongrel2 process (ours, a real child process): usage, the PID file, signals, SIGHUP hot reload (with and
// without a valid new configuration), and m2sh start / running / reload / stop, -every included.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/c-mongrel2.js';
import { runOurs, tempDir } from '../helpers/processes.js';
import { comparable, exchange } from '../helpers/raw-http.js';
import { makeSite, OUR_MONGREL2, startServer } from '../helpers/servers.js';
import { MONGREL2_BIN, MONGREL2_NODE_FLAGS } from '../../src/cli/commands/running.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

const conf = (uuid: string, name = 'main', extraRoutes = '') => `${name} = Server(uuid="${uuid}", name="${name}", chroot="./",
  access_log="/logs/access.log", error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost",
  port=6767, hosts=[Host(name="localhost", routes={'/static/': Dir(base='static/', index_file='index.html', default_ctype='text/plain')${extraRoutes}})])
`;

function site(uuid: string): { dir: string; db: string } {
  const dir = join(tmp.dir, `site${++n}`);
  mkdirSync(join(dir, 'static'), { recursive: true });
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'static', 'a.txt'), 'A\n');
  writeFileSync(join(dir, 'other', 'a.txt'), 'other A\n');
  return { dir, db: makeSite(dir, conf(uuid) + 'servers = [main]\n') };
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`;

describe('command line', () => {
  it('prints Mongrel2\'s usage and exits 1 without both arguments', () => {
    const r = spawnSync(process.execPath, [OUR_MONGREL2, 'config.sqlite'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[ERROR] (errno: None) usage: mongrel2 config.sqlite server_uuid [config_module.so]\n');
  });

  it('names the problems of a server it refuses to load', () => {
    const { dir, db } = site('u-refuse');
    const d = new Database(db);
    d.prepare("UPDATE server SET default_host = 'nowhere'").run();
    d.close();
    const r = spawnSync(process.execPath, [OUR_MONGREL2, db, 'u-refuse'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No default_host set for server: u-refuse, you need one host named: nowhere');
    expect(r.stderr).toContain("Aborting since can't load server.");
  });
});

describe('PID file and signals', () => {
  it('writes the PID without a newline and removes it on SIGTERM, exiting 0', async () => {
    const { dir, db } = site('u-pid');
    const srv = await startServer('ours', dir, db, 'u-pid');
    const pidPath = join(dir, 'run', 'mongrel2.pid');
    expect(readFileSync(pidPath, 'utf8')).toBe(String(srv.proc.pid));
    expect(await srv.stop('SIGTERM')).toBe(0);
    expect(existsSync(pidPath)).toBe(false);
  });

  it('refuses to start while the PID file names a live process, and clears a stale one', async () => {
    const { dir, db } = site('u-live');
    writeFileSync(join(dir, 'run', 'mongrel2.pid'), String(process.pid));
    const port = await freePort();
    const d = new Database(db);
    d.prepare('UPDATE server SET port = ?').run(port);
    d.close();
    const refused = spawnSync(process.execPath, [OUR_MONGREL2, db, 'u-live'], { cwd: dir, encoding: 'utf8', timeout: 10000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Process ${process.pid} is still running, shut it down first.`);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'run', 'mongrel2.pid'), dead);
    const srv = await startServer('ours', dir, db, 'u-live');
    expect(readFileSync(join(dir, 'run', 'mongrel2.pid'), 'utf8')).toBe(String(srv.proc.pid));
    await srv.stop();
  });

  it('a second SIGINT during a graceful stop exits at once with the signal number', async () => {
    const { dir, db } = site('u-murder');
    const srv = await startServer('ours', dir, db, 'u-murder');
    const busy = connect(srv.port, '127.0.0.1');
    await new Promise<void>((r) => busy.once('connect', () => r()));
    busy.write('POST /static/a.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((r) => srv.proc.once('exit', (code) => r(code)));
    process.kill(srv.proc.pid!, 'SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    process.kill(srv.proc.pid!, 'SIGINT');
    expect(await exited).toBe(2);
    busy.destroy();
  });
});

describe('hot reload (decision 13)', () => {
  it('SIGHUP applies a changed configuration without dropping an open connection', async () => {
    const { dir, db } = site('u-reload');
    const srv = await startServer('ours', dir, db, 'u-reload');
    const keep = connect(srv.port, '127.0.0.1');
    await new Promise<void>((r) => keep.once('connect', () => r()));
    const ask = (path: string) => new Promise<string>((resolve) => {
      keep.once('data', (d) => resolve(d.toString()));
      keep.write(get(path));
    });
    expect(await ask('/static/a.txt')).toContain('\r\n\r\nA\n');
    writeFileSync(join(dir, 'mongrel2.conf'), conf('u-reload', 'main', ",\n '/other/': Dir(base='other/', index_file='index.html', default_ctype='text/plain')") + 'servers = [main]\n');
    expect(runOurs(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir).status).toBe(0);
    const d = new Database(db);
    d.prepare('UPDATE server SET port = ?').run(srv.port);
    d.prepare("INSERT INTO setting (key, value) VALUES ('server.daemonize', '0')").run();
    d.close();
    expect(comparable((await exchange(srv.port, get('/other/a.txt'))).bytes).status).toBe('HTTP/1.1 404 Not Found');
    process.kill(srv.proc.pid!, 'SIGHUP');
    await new Promise((r) => setTimeout(r, 300));
    expect(comparable((await exchange(srv.port, get('/other/a.txt'))).bytes).body).toBe('other A\n');
    expect(await ask('/other/a.txt')).toContain('\r\n\r\nother A\n');
    keep.destroy();
    await srv.stop();
    expect(readFileSync(join(dir, 'logs', 'error.log'), 'utf8')).toContain('Reloaded the configuration of u-reload');
  });

  it('a reload that fails validation keeps the old configuration serving and says why', async () => {
    const { dir, db } = site('u-badreload');
    const srv = await startServer('ours', dir, db, 'u-badreload');
    const d = new Database(db);
    d.prepare("UPDATE host SET name = 'renamed'").run();
    d.close();
    process.kill(srv.proc.pid!, 'SIGHUP');
    await new Promise((r) => setTimeout(r, 300));
    expect(comparable((await exchange(srv.port, get('/static/a.txt'))).bytes).body).toBe('A\n');
    await srv.stop();
    expect(readFileSync(join(dir, 'logs', 'error.log'), 'utf8'))
      .toContain('Reload failed, still serving the previous configuration: No default_host set for server: u-badreload, you need one host named: localhost');
  });
});

describe('m2sh start / running / reload / stop', () => {
  it('manages every server with -every, starting our own mongrel2 (daemonized)', async () => {
    const dir = join(tmp.dir, 'every');
    mkdirSync(join(dir, 'static'), { recursive: true });
    mkdirSync(join(dir, 'b', 'static'), { recursive: true });
    mkdirSync(join(dir, 'b', 'logs'), { recursive: true });
    mkdirSync(join(dir, 'b', 'run'), { recursive: true });
    writeFileSync(join(dir, 'static', 'a.txt'), 'A\n');
    writeFileSync(join(dir, 'b', 'static', 'a.txt'), 'B\n');
    const [pa, pb] = [await freePort(), await freePort()];
    const text = conf('u-a', 'a').replace('port=6767', `port=${pa}`)
      + conf('u-b', 'b').replace('chroot="./"', 'chroot="./b/"').replace('port=6767', `port=${pb}`) + 'servers = [a, b]\n';
    makeSite(dir, text);
    const d = new Database(join(dir, 'config.sqlite'));
    d.prepare("DELETE FROM setting WHERE key = 'server.daemonize'").run();
    d.close();
    const started = runOurs(['start', '-db', 'config.sqlite', '-every'], dir);
    expect(started.stderr).not.toContain('[ERROR]');
    expect(started.status).toBe(0);
    try {
      expect(comparable((await exchange(pa, get('/static/a.txt'))).bytes).body).toBe('A\n');
      expect(comparable((await exchange(pb, get('/static/a.txt'))).bytes).body).toBe('B\n');
      const running = runOurs(['running', '-db', 'config.sqlite', '-every'], dir).stdout;
      expect(running).toMatch(/^mongrel2 at PID \d+ running\.\nmongrel2 at PID \d+ running\.\n$/);
      // Each daemonized server runs our launcher with the node flags m2sh start gives it (the young generation).
      for (const pid of [...running.matchAll(/PID (\d+)/g)].map((m) => m[1]!)) {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        expect(argv.slice(1, 1 + MONGREL2_NODE_FLAGS.length)).toEqual(MONGREL2_NODE_FLAGS);
        expect(argv[1 + MONGREL2_NODE_FLAGS.length]).toBe(MONGREL2_BIN);
      }
      expect(runOurs(['reload', '-db', 'config.sqlite', '-name', 'b'], dir).status).toBe(0);
    } finally {
      expect(runOurs(['stop', '-db', 'config.sqlite', '-every'], dir).status).toBe(0);
    }
    for (let i = 0; i < 50 && runOurs(['running', '-db', 'config.sqlite', '-every'], dir).stdout.includes(' running.'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(runOurs(['running', '-db', 'config.sqlite', '-every'], dir).stdout)
      .toBe("mongrel2 is not running because pid_file isn't there.\nmongrel2 is not running because pid_file isn't there.\n");
  });

  it('needs exactly one selector', () => {
    const { dir } = site('u-sel');
    const r = runOurs(['running', '-db', 'config.sqlite'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain('You must give either --every, --name, --host, or --uuid');
    expect(runOurs(['stop', '-db', 'config.sqlite', '-name', 'nobody'], dir).stderr).toContain('No servers matched the description.');
  });
});
