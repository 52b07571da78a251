// Reading a config file sent to the console and previewing it against a database (issue 6 §6): a file that does
// not load is a 400 naming file:line:col at `source`; the preview keys rows naturally, inlines targets into the
// routes that use them, and leaves the database untouched.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../config/migrate.js';
import { writeModel } from '../../config/loader/write.js';
import { ApiError } from '../errors.js';
import { parseSource, previewModel, writeAndCompare } from './source.js';
import { readSnapshot } from './snapshot.js';

function conf(routes: string, extra = ''): string {
  return `main = Server(uuid="u-main", access_log="/a.log", error_log="/e.log", pid_file="/p.pid",
    default_host="localhost", name="main", port=6767, hosts=[
      Host(name="localhost", routes={
${routes}
      })])
servers = [main]
${extra}`;
}

const SITE = "Dir(base='site/', index_file='index.html', default_ctype='text/plain')";
const APP = "Handler(send_spec='tcp://127.0.0.1:9997', send_ident='app', recv_spec='tcp://127.0.0.1:9996', recv_ident='')";
const BASE = conf(`'/': ${SITE}\n'/app/': ${APP}`, "settings = {'zeromq.threads': 1}");

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  writeModel(db, parseSource(BASE), null);
});
afterEach(() => db.close());

describe('parseSource', () => {
  it('refuses a file that does not parse with file:line:col at source', () => {
    let err: unknown;
    try {
      parseSource('main = Server(\n  uuid=`x`)\n', 'bad.conf');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('M2_ERR_API_VALIDATION');
    expect(e.fields).toHaveLength(1);
    expect(e.fields![0]).toMatchObject({ path: 'source', code: 'M2_ERR_CONFIG_INVALID_CHAR' });
    expect(e.fields![0]!.message).toMatch(/^bad\.conf:2:8: /);
    expect(e.message).toBe(`bad.conf does not load: ${e.fields![0]!.message}`);
  });

  it('names the file mongrel2.conf by default, and refuses a file without servers', () => {
    expect(() => parseSource('x = 1\n')).toThrow(/^mongrel2\.conf does not load: mongrel2\.conf:\d+:\d+: /);
  });
});

describe('previewModel', () => {
  it('finds nothing to do for the same file', () => {
    const p = previewModel(db, parseSource(BASE));
    expect(p.unchanged).toBe(true);
    expect(p.counts.route).toEqual({ before: 2, after: 2 });
    expect(p.counts.mimetype.before).toBeGreaterThan(800);
  });

  it('reports changed targets through their routes, and added and removed rows by natural key', () => {
    const next = conf(`'/': Dir(base='public/', index_file='index.html', default_ctype='text/plain')\n'/proxy/': Proxy(addr='127.0.0.1', port=8080)`,
      "settings = {'zeromq.threads': 2}\nmimetypes = {'.m2': 'text/x-m2'}");
    const before = readSnapshot(db);
    const p = previewModel(db, parseSource(next));
    expect(readSnapshot(db)).toEqual(before);
    expect(p.unchanged).toBe(false);
    expect(p.changes.routes).toEqual({
      added: [{ key: ['u-main', 'localhost', '/proxy/'], values: { path: '/proxy/', reversed: 0, target_type: 'proxy', addr: '127.0.0.1', port: 8080 } }],
      removed: [{
        key: ['u-main', 'localhost', '/app/'],
        values: {
          path: '/app/', reversed: 0, target_type: 'handler', send_spec: 'tcp://127.0.0.1:9997', send_ident: 'app',
          recv_spec: 'tcp://127.0.0.1:9996', recv_ident: '', raw_payload: 0, protocol: 'json',
        },
      }],
      changed: [{
        key: ['u-main', 'localhost', '/'],
        before: { path: '/', reversed: 0, target_type: 'dir', base: 'site/', index_file: 'index.html', default_ctype: 'text/plain', cache_ttl: 0 },
        after: { path: '/', reversed: 0, target_type: 'dir', base: 'public/', index_file: 'index.html', default_ctype: 'text/plain', cache_ttl: 0 },
        fields: ['base'],
      }],
    });
    expect(p.changes.settings.changed).toEqual([{
      key: ['zeromq.threads'], before: { key: 'zeromq.threads', value: '1' }, after: { key: 'zeromq.threads', value: '2' }, fields: ['value'],
    }]);
    expect(p.changes.mimetypes).toEqual({ added: [{ key: ['.m2'], values: { mimetype: 'text/x-m2', extension: '.m2' } }], removed: [], changed: [] });
    expect(p.changes.servers).toEqual({ added: [], removed: [], changed: [] });
    expect(p.changes.hosts).toEqual({ added: [], removed: [], changed: [] });
    expect(p.counts).toMatchObject({ handler: { before: 1, after: 0 }, proxy: { before: 0, after: 1 }, directory: { before: 1, after: 1 } });
  });

  it('passes on the loader warnings', () => {
    const p = previewModel(db, parseSource(BASE.replace('name="main",', 'name="main", matching="x",')));
    expect(p.warnings).toEqual([expect.stringContaining("ignoring unknown parameter 'matching' of Server(...)")]);
  });
});

describe('writeAndCompare', () => {
  it('writes the model and reports what the write changed', () => {
    const next = conf(`'/': ${SITE}`);
    const changed = writeAndCompare(db, parseSource(next));
    expect(changed.changes.routes.removed.map((r) => r.key)).toEqual([['u-main', 'localhost', '/app/']]);
    expect(changed.changes.settings.removed).toEqual([{ key: ['zeromq.threads'], values: { key: 'zeromq.threads', value: '1' } }]);
    expect(previewModel(db, parseSource(next)).unchanged).toBe(true);
  });
});
