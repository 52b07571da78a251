// The schema: a database our migrations make has Mongrel2's tables column for column as the C m2sh makes them
// (names, types, defaults, primary keys), and a database made by the C m2sh (1.12.2: no error_log_level) is
// upgraded in place without losing a row and still runs the C mongrel2.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openConfigDb } from '../../src/config/db.js';
import { CONFIG_TABLES } from '../../src/config/loader/write.js';
import { freePort, prepareForC, startC, stopC } from '../helpers/c-mongrel2.js';
import { dbContent } from '../helpers/db-content.js';
import { corpusPath, runC, runOurs, tempDir } from '../helpers/processes.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A table's columns in order: name, declared type, default, not-null and primary-key position (not the index). */
const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { cid: number }[]).map(({ cid: _cid, ...col }) => col);

function cLoaded(name: string, conf = 'configs_sample.conf'): string {
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'tests'), { recursive: true });
  copyFileSync(corpusPath('configs', conf), join(dir, 'mongrel2.conf'));
  const r = runC(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir);
  expect(r.status).toBe(0);
  return join(dir, 'config.sqlite');
}

describe('fresh database', () => {
  it('has every Mongrel2 table column for column as the C m2sh creates them', () => {
    const ours = openConfigDb(join(tmp.dir, 'fresh.sqlite'), { create: true }).db;
    const c = new Database(cLoaded('schema'), { readonly: true });
    for (const table of [...CONFIG_TABLES, 'log']) {
      const theirs = columns(c, table) as { name: string }[];
      const mine = columns(ours, table) as { name: string }[];
      // 1.12.2 predates server.error_log_level (1.13); everything else is identical, in the same order.
      const expected = table === 'server' ? theirs.slice(0, 4).concat([mine[4]!], theirs.slice(4)) : theirs;
      expect(mine, table).toEqual(expected);
    }
    expect((columns(ours, 'server') as { name: string; type: string }[])[4]).toMatchObject({ name: 'error_log_level', type: 'INTEGER' });
    ours.close();
    c.close();
  });

  it('holds the 857 default mimetypes of ../shared/data/mimetypes.tsv, in order', () => {
    const db = openConfigDb(join(tmp.dir, 'mime.sqlite'), { create: true }).db;
    const rows = db.prepare("SELECT extension || char(9) || mimetype AS line FROM mimetype ORDER BY id").all() as { line: string }[];
    const tsv = readFileSync(corpusPath('..', 'data', 'mimetypes.tsv'), 'utf8').trimEnd().split('\n');
    expect(rows.map((r) => r.line)).toEqual(tsv);
    expect(rows).toHaveLength(857);
    db.close();
  });

  it('records each migration once and applies nothing twice', () => {
    const path = join(tmp.dir, 'twice.sqlite');
    const first = openConfigDb(path, { create: true });
    expect(first.migrations.applied).toEqual(['0001_mongrel2_schema', '0002_default_mimetypes', '0003_admin_auth', '0004_admin_history']);
    first.db.close();
    const second = openConfigDb(path);
    expect(second.migrations).toEqual({ applied: [], addedColumns: [] });
    expect(second.db.prepare('SELECT count(*) AS n FROM mimetype').get()).toEqual({ n: 857 });
    second.db.close();
  });
});

const SAMPLE_UUID = 'f400bf85-4538-4f7a-8908-67e313d515c2';

describe('a database made by the C m2sh (1.12.2)', () => {
  it('is upgraded in place: error_log_level added with its default, every row kept', () => {
    const path = cLoaded('upgrade', 'configs_complex.conf');
    const before = dbContent(path);
    const raw = new Database(path);
    const cols = (columns(raw, 'server') as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('error_log_level');
    const logRows = raw.prepare('SELECT count(*) AS n FROM log').get();
    raw.close();
    const opened = openConfigDb(path);
    expect(opened.migrations.addedColumns).toEqual(['server.error_log_level']);
    expect(opened.migrations.applied).toEqual(['0001_mongrel2_schema', '0002_default_mimetypes', '0003_admin_auth', '0004_admin_history']);
    expect(opened.db.prepare('SELECT DISTINCT error_log_level AS level FROM server').all()).toEqual([{ level: 2 }]);
    expect(opened.db.prepare('SELECT count(*) AS n FROM log').get()).toEqual(logRows);
    opened.db.close();
    expect(dbContent(path)).toEqual(before);
  });

  it('still runs the C mongrel2 after our upgrade', async () => {
    const path = cLoaded('upgrade-run');
    const dir = join(path, '..');
    writeFileSync(join(dir, 'tests', 'index.html'), 'served after upgrade\n');
    openConfigDb(path).db.close();
    const port = await freePort();
    prepareForC(dir, 'config.sqlite', port);
    const { proc, status, body } = await startC(dir, 'config.sqlite', SAMPLE_UUID, `http://127.0.0.1:${port}/tests/`);
    await stopC(proc);
    expect(status).toBe(200);
    expect(body).toBe('served after upgrade\n');
  });

  it('is re-upgraded after the C m2sh loads over our database again', () => {
    const path = cLoaded('reload');
    openConfigDb(path).db.close();
    const dir = join(path, '..');
    expect(runC(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir).status).toBe(0);
    const again = openConfigDb(path);
    expect(again.migrations).toEqual({ applied: [], addedColumns: ['server.error_log_level'] });
    again.db.close();
  });
});

describe('a database made by our m2sh', () => {
  it('runs the C mongrel2', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'tests'));
      writeFileSync(join(dir, 'tests', 'index.html'), 'made by our m2sh\n');
      copyFileSync(corpusPath('configs', 'configs_sample.conf'), join(dir, 'mongrel2.conf'));
      expect(runOurs(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir).status).toBe(0);
      const port = await freePort();
      prepareForC(dir, 'config.sqlite', port);
      const { proc, status, body } = await startC(dir, 'config.sqlite', SAMPLE_UUID, `http://127.0.0.1:${port}/tests/`);
      await stopC(proc);
      expect(status).toBe(200);
      expect(body).toBe('made by our m2sh\n');
    } finally {
      cleanup();
    }
  });
});
