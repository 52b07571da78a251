// What our m2sh load writes, beyond what the C m2sh can be compared on: the manual's Python-style files,
// working mimetype overrides, raw_payload, shared targets, the commit-log row, and dump → load round trips.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dbContent } from '../helpers/db-content.js';
import { corpusPath, runOurs, tempDir } from '../helpers/processes.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** Loads `text` into a new database; returns its path. */
function load(text: string, name = 'mongrel2.conf'): string {
  const db = `db${++n}.sqlite`;
  writeFileSync(join(tmp.dir, name), text);
  const r = runOurs(['load', '-db', db, '-config', name], tmp.dir);
  expect(r.stderr).not.toContain('[ERROR]');
  expect(r.status).toBe(0);
  return join(tmp.dir, db);
}

const query = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

const C_SAMPLE = `main = Server(uuid="f400bf85-4538-4f7a-8908-67e313d515c2", access_log="/logs/access.log",
    error_log="/logs/error.log", chroot="./", default_host="localhost", name="test",
    pid_file="/run/mongrel2.pid", port=6767,
    hosts=[Host(name="localhost", routes={'/tests/': Dir(base='tests/', index_file='index.html', default_ctype='text/plain')})])
servers = [main]
settings = {"zeromq.threads": 1}
`;

describe("the manual's Python-style files", () => {
  it('load to the same model as the C syntax', () => {
    const python = `from mongrel2.config import *

main = Server(
    uuid="f400bf85-4538-4f7a-8908-67e313d515c2",
    access_log="/logs/access.log",
    error_log="/logs/error.log",
    chroot="./",
    default_host="localhost",
    name="test",
    pid_file="/run/mongrel2.pid",
    port=6767,
)

tests = Dir(r'tests/', 'index.html')

main.hosts.add(Host(name="localhost", routes={
    r'/tests/': tests,
}))

commit([main], settings={"zeromq.threads": 1})
`;
    expect(dbContent(load(python, 'conf.py'))).toEqual(dbContent(load(C_SAMPLE)));
  });
});

describe('m2sh load details', () => {
  it('mimetypes = {...} replaces a default and adds a new one (1.13 only deleted them)', () => {
    const path = load(C_SAMPLE + 'mimetypes = {".txt": "text/x-mine", ".woff2": "font/woff2"}\n');
    expect(query(path, "SELECT extension, mimetype FROM mimetype WHERE extension IN ('.txt', '.woff2') ORDER BY id"))
      .toEqual([{ extension: '.txt', mimetype: 'text/x-mine' }, { extension: '.woff2', mimetype: 'font/woff2' }]);
    expect(query(path, 'SELECT count(*) AS n FROM mimetype')).toEqual([{ n: 858 }]);
  });

  it('raw_payload=1 and protocol load (the C m2sh crashes on raw_payload=1)', () => {
    const path = load(C_SAMPLE.replace(`'/tests/': Dir(`, `'@chat': Handler(send_spec='tcp://127.0.0.1:9999', send_ident='abc',
      recv_spec='tcp://127.0.0.1:9998', recv_ident='', raw_payload=1, protocol='tnetstring'), '/tests/': Dir(`));
    expect(query(path, 'SELECT send_spec, send_ident, recv_spec, recv_ident, raw_payload, protocol FROM handler')).toEqual([
      { send_spec: 'tcp://127.0.0.1:9999', send_ident: 'abc', recv_spec: 'tcp://127.0.0.1:9998', recv_ident: '', raw_payload: 1, protocol: 'tnetstring' },
    ]);
  });

  it('a target shared by several routes and hosts is one row', () => {
    const path = load(`d = Dir(base='s/', index_file='i', default_ctype='t')
main = Server(uuid="u", access_log="/a", error_log="/e", pid_file="/p", default_host="a", name="m", port=1,
  hosts=[Host(name="a", routes={'/x': d, '/y': d}), Host(name="b", routes={'/z': d})])
servers = [main]`);
    expect(query(path, 'SELECT count(*) AS n FROM directory')).toEqual([{ n: 1 }]);
    expect(query(path, 'SELECT path, target_id, target_type FROM route ORDER BY id')).toEqual([
      { path: '/x', target_id: 1, target_type: 'dir' },
      { path: '/y', target_id: 1, target_type: 'dir' },
      { path: '/z', target_id: 1, target_type: 'dir' },
    ]);
  });

  it('appends one commit-log row per load and keeps the earlier ones', () => {
    const path = load(C_SAMPLE);
    const again = runOurs(['load', '-db', path, '-config', 'mongrel2.conf'], tmp.dir, { LOGNAME: 'alice' });
    expect(again.status).toBe(0);
    const rows = query(path, 'SELECT who, what, how, why FROM log ORDER BY id') as { who: string }[];
    expect(rows).toEqual([
      { who: 'tester', what: 'load', how: 'mongrel2.conf', why: 'command' },
      { who: 'alice', what: 'load', how: 'mongrel2.conf', why: 'command' },
    ]);
  });

  it('warns about ignored parameters and a default_host that names no host, and still loads', () => {
    writeFileSync(join(tmp.dir, 'warn.conf'), C_SAMPLE.replace('name="test",', 'name="test", matching="x",').replace('default_host="localhost"', 'default_host="elsewhere"'));
    const r = runOurs(['load', '-db', 'warn.sqlite', '-config', 'warn.conf'], tmp.dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\[WARN\] \(errno: None\) warn\.conf:2:\d+: ignoring unknown parameter 'matching' of Server\(\.\.\.\)\n/);
    expect(r.stderr).toContain("server 'test' has no host named its default_host 'elsewhere'; mongrel2 will refuse to start it");
  });
});

describe('m2sh dump writes a config that loads back to the same model', () => {
  const configs = readdirSync(corpusPath('configs')).filter((f) => f.endsWith('.conf') && f !== 'm2sh-tests_other.conf');
  it.each(configs)('%s', (conf) => {
    const dir = tmp.dir;
    copyFileSync(corpusPath('configs', conf), join(dir, conf));
    const first = `first-${conf}.sqlite`;
    expect(runOurs(['load', '-db', first, '-config', conf], dir).status).toBe(0);
    const dumped = runOurs(['dump', '-db', first], dir);
    expect(dumped.status).toBe(0);
    writeFileSync(join(dir, `dumped-${conf}`), dumped.stdout);
    const second = `second-${conf}.sqlite`;
    const r = runOurs(['load', '-db', second, '-config', `dumped-${conf}`], dir);
    expect(r.stderr).not.toContain('[ERROR]');
    // The same rows, except that a host's routes come back in m2sh's load order (the ternary-search-tree walk
    // over the dumped keys), which need not be the order the first load wrote them in: compare them by path.
    // Likewise mimetypes, whose order means nothing (an extension names one type).
    type Content = { servers: { hosts: { routes: { path: string }[] }[] }[]; mimetypes: { extension: string }[] };
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const byPath = (c: Content) => {
      for (const s of c.servers) for (const h of s.hosts) h.routes.sort((x, y) => cmp(x.path, y.path));
      c.mimetypes.sort((x, y) => cmp(x.extension, y.extension));
      return c;
    };
    const a = dbContent(join(dir, first)) as Content;
    const b = dbContent(join(dir, second)) as Content;
    expect(byPath(b)).toEqual(byPath(a));
    expect(b.servers.flatMap((s) => s.hosts).length).toBeGreaterThan(0);
  });
});
