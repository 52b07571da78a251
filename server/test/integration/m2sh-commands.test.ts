// The other m2sh commands as real processes: access (against the C m2sh on the same log), help, version,
// uuid, init, settings, commit defaults and the interactive shell.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTns } from '@m2/shared';
import { corpusPath, normaliseLog, OUR_M2SH, runC, runOurs, tempDir } from '../helpers/processes.js';

const tmp = tempDir();
const dir = tmp.dir;
afterAll(() => tmp.cleanup());

describe('m2sh access renders the access log as the C m2sh does', () => {
  const entry = (host: string, path: string, status: number, size: number) =>
    renderTns([host, '127.0.0.1', 54321, 1763769600, 'GET', path, 'HTTP/1.1', status, size]);

  it('on good lines, malformed lines and a missing final newline', () => {
    const lines = [
      entry('localhost', '/tests/index.html', 200, 1024),
      'not a tnetstring',
      renderTns(['too', 'short']),
      entry('example.com', '/a b?x=1', 404, 0),
      entry('last.example', '/', 304, 0),
    ];
    writeFileSync(join(dir, 'access.log'), lines.join('\n'));
    const c = runC(['access', '-log', 'access.log'], dir);
    const ours = runOurs(['access', '-log', 'access.log'], dir);
    expect(ours.stdout).toBe('[1763769600] 127.0.0.1:54321 localhost "GET /tests/index.html HTTP/1.1" 200 1024\n'
      + '[1763769600] 127.0.0.1:54321 example.com "GET /a b?x=1 HTTP/1.1" 404 0\n'
      + '[1763769600] 127.0.0.1:54321 last.example "GET / HTTP/1.1" 304 0\n');
    expect(normaliseLog(ours.stderr)).toBe('DATE [WARN] (errno: None) Malformed log line: 2.\nDATE [WARN] (errno: None) Malformed log line: 3.\n');
    expect(ours.stdout).toBe(c.stdout);
    // The C m2sh also logs its tnetstring parser's own ERROR line before the WARN; ours prints only the WARN.
    expect(normaliseLog(c.stderr)).toContain('DATE [WARN] (errno: None) Malformed log line: 2.\n');
    expect(ours.status).toBe(c.status);
  });

  it('calls an entry with a field of the wrong type malformed (the C m2sh reads it as garbage)', () => {
    writeFileSync(join(dir, 'typed.log'), renderTns(['h', 'a', 'not-a-port', 1, 'GET', '/', 'HTTP/1.0', 200, 0]) + '\n' + entry('ok', '/', 200, 5) + '\n');
    const ours = runOurs(['access', '-log', 'typed.log'], dir);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe('[1763769600] 127.0.0.1:54321 ok "GET / HTTP/1.1" 200 5\n');
    expect(normaliseLog(ours.stderr)).toBe('DATE [WARN] (errno: None) Malformed log line: 1.\n');
  });

  it('a missing log file, with the default path', () => {
    const c = runC(['access'], dir);
    const ours = runOurs(['access'], dir);
    expect(ours.status).toBe(255);
    expect(ours.status).toBe(c.status);
    expect(normaliseLog(ours.stderr)).toBe(normaliseLog(c.stderr));
  });
});

describe('help, version, uuid', () => {
  it('help lists every command, right-aligned as the C m2sh does, and help -on one', () => {
    const r = runOurs(['help'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('Mongrel2 m2sh has these commands available:\n\n    load  Load a config.\n  config  Alias for load.\n')).toBe(true);
    expect(r.stdout).toContain('\n   route  Tests out routing patterns.\n');
    expect(runOurs(['help', '-on', 'load'], dir).stdout).toBe(runC(['help', '-on', 'load'], dir).stdout);
    // 1.13's Command_help ends this line with a newline; Debian's 1.12.2 did not.
    expect(runOurs(['help', '-on', 'nope'], dir).stdout).toBe('No help for nope. Use m2sh help to see a list.\n');
    expect(runC(['help', '-on', 'nope'], dir).stdout).toBe('No help for nope. Use m2sh help to see a list.');
  });

  it('the C m2sh\'s help lines are ours too, for every command both have', () => {
    const cLines = runC(['help'], dir).stdout.split('\n').slice(2).filter(Boolean);
    const ourLines = new Set(runOurs(['help'], dir).stdout.split('\n'));
    const notYet: string[] = [];
    const shared = cLines.filter((l) => !notYet.includes(l.trim().split(/\s+/)[0]!));
    expect(shared.length).toBe(cLines.length - notYet.length);
    for (const line of shared) expect(ourLines.has(line), line).toBe(true);
  });

  it('version names Mongrel2 1.13.0', () => expect(runOurs(['version'], dir).stdout).toBe('Mongrel2/1.13.0\n'));

  it('uuid prints a fresh version 4 UUID without uuidgen', () => {
    const a = runOurs(['uuid'], dir, { PATH: '/nonexistent' });
    const b = runOurs(['uuid'], dir);
    expect(a.stdout).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$/);
    expect(b.stdout).not.toBe(a.stdout);
  });
});

describe('init, settings, commit', () => {
  it('init makes an empty database with the default mimetypes, and empties a loaded one but keeps its log', () => {
    expect(runOurs(['init', '-db', 'init.sqlite'], dir).status).toBe(0);
    const fresh = new Database(join(dir, 'init.sqlite'), { readonly: true });
    expect(fresh.prepare('SELECT (SELECT count(*) FROM server) AS servers, (SELECT count(*) FROM mimetype) AS mimes').get())
      .toEqual({ servers: 0, mimes: 857 });
    fresh.close();
    writeFileSync(join(dir, 'm.conf'), `main = Server(uuid="u", access_log="/a", error_log="/e", pid_file="/p",
  default_host="h", name="m", port=1, hosts=[Host(name="h", routes={'/': Proxy(addr='127.0.0.1', port=80)})])
servers = [main]
settings = {"limits.buffer_size": 8192, "upload.temp_store": "/tmp/upload.XXXXXX"}`);
    expect(runOurs(['load', '-db', 'init.sqlite', '-config', 'm.conf'], dir).status).toBe(0);
    const s = runOurs(['settings', '-db', 'init.sqlite'], dir);
    expect(s.stdout).toBe('SETTINGS:\n------\nlimits.buffer_size 8192 \nupload.temp_store /tmp/upload.XXXXXX \n');
    expect(runOurs(['init', '-db', 'init.sqlite'], dir).status).toBe(0);
    const db = new Database(join(dir, 'init.sqlite'), { readonly: true });
    expect(db.prepare('SELECT (SELECT count(*) FROM server) AS servers, (SELECT count(*) FROM proxy) AS proxies, (SELECT count(*) FROM setting) AS settings').get())
      .toEqual({ servers: 0, proxies: 0, settings: 0 });
    expect(db.prepare('SELECT what FROM log ORDER BY id').all()).toEqual([{ what: 'init' }, { what: 'load' }, { what: 'init' }]);
    db.close();
  });

  it('commit warns about the defaults it uses, in the C m2sh\'s order', () => {
    expect(runOurs(['init', '-db', 'config.sqlite'], dir).status).toBe(0);
    const ours = runOurs(['commit'], dir);
    const c = runC(['commit'], dir);
    expect(ours.status).toBe(0);
    expect(normaliseLog(ours.stderr)).toBe(normaliseLog(c.stderr));
    expect(normaliseLog(ours.stderr)).toBe('DATE [WARN] (errno: None) No option --what given, using "" as the default.\n'
      + 'DATE [WARN] (errno: None) No option --how given, using "m2sh" as the default.\n'
      + 'DATE [WARN] (errno: None) No option --db given, using "config.sqlite" as the default.\n');
  });
});

describe('shell', () => {
  it('runs each typed line as an m2sh command, keeps going after errors, and keeps history in ~/.m2sh', () => {
    writeFileSync(join(dir, 'shell.conf'), `x = Server(uuid="u", access_log="/a", error_log="/e", pid_file="/p",
  default_host="h", name="shellsrv", port=1, hosts=[Host(name="h", routes={'/': Proxy(addr='127.0.0.1', port=80)})])
servers = [x]`);
    const input = ['load -db shell.sqlite -config shell.conf', 'bogus', 'servers -db "shell.sqlite"', "route -match '/a b' -pattern '/a'", 'exit', 'version'].join('\n') + '\n';
    const r = spawnSync(process.execPath, [OUR_M2SH, 'shell'], { cwd: dir, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LOGNAME: 'tester', HOME: dir } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('SERVERS:\n------\nshellsrv h u \n');
    expect(r.stdout).toContain("Match passed on '/a b' against '/a'.\n");
    expect(r.stdout).not.toContain('Mongrel2/1.13.0');
    expect(r.stderr).toContain('INVALID COMMAND');
    const history = spawnSync('cat', [join(dir, '.m2sh')], { encoding: 'utf8' }).stdout;
    expect(history.split('\n').slice(0, 4)).toEqual(input.split('\n').slice(0, 4));
  });
});

describe('a corpus config through m2sh routes -id', () => {
  it('lists routes in the order m2sh loaded them', () => {
    const conf = corpusPath('configs', 'configs_mongrel2.conf');
    expect(runOurs(['load', '-db', 'corpus.sqlite', '-config', conf], dir).status).toBe(0);
    expect(runC(['routes', '-db', 'corpus.sqlite', '-id', '1'], dir).stdout).toBe(runOurs(['routes', '-db', 'corpus.sqlite', '-id', '1'], dir).stdout);
  });
});
