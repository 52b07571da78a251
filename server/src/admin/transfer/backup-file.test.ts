// Backup and restore files (issue 6 §6): a consistent copy of a live database; an upload refused unless it is an
// intact SQLite database with Mongrel2's tables; a restore that replaces only the config tables, ids kept.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../config/migrate.js';
import { ApiError } from '../errors.js';
import { backupToTemp, openUpload } from './backup-file.js';
import { restoreTables } from './restore.js';

function refusal(bytes: Buffer): ApiError {
  try {
    openUpload(bytes).close();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('the upload was accepted');
}

/** The bytes of a database built by `setup`. */
function dbBytes(setup: (db: Database.Database) => void): Buffer {
  const db = new Database(':memory:');
  setup(db);
  const bytes = db.serialize();
  db.close();
  return bytes;
}

let live: Database.Database;
beforeEach(() => {
  live = new Database(':memory:');
  migrate(live);
  live.exec(`INSERT INTO server (id, uuid, access_log, error_log, pid_file, default_host, name, port) VALUES (7, 'u', '/a', '/e', '/p', 'h', 'live', 80);
    INSERT INTO host (id, server_id, name, matching) VALUES (3, 7, 'h', 'h');
    INSERT INTO log (who, what, how, why) VALUES ('me', 'load', 'x.conf', 'command');`);
});
afterEach(() => live.close());

describe('backupToTemp', () => {
  it('copies the database, rows and all, into a file that cleanup removes', () => {
    const file = backupToTemp(live);
    const bytes = readFileSync(file.path);
    file.cleanup();
    expect(() => readFileSync(file.path)).toThrow();
    const upload = openUpload(bytes);
    try {
      expect(upload.db.prepare('SELECT id, name FROM server').all()).toEqual([{ id: 7, name: 'live' }]);
    } finally {
      upload.close();
    }
  });
});

describe('openUpload', () => {
  it('refuses what is not an SQLite database', () => {
    const e = refusal(Buffer.from('main = Server(...)\n'.repeat(20)));
    expect(e.status).toBe(400);
    expect(e.message).toBe('the upload is not an SQLite database (send the config.sqlite file itself)');
    expect(e.fields).toEqual([{ path: 'body', message: e.message, code: 'M2_ERR_RESTORE_NOT_SQLITE' }]);
  });

  it('refuses an SQLite database without Mongrel2\'s tables, naming what is missing', () => {
    const e = refusal(dbBytes((db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')));
    expect(e.fields![0]!.code).toBe('M2_ERR_RESTORE_FOREIGN');
    expect(e.message).toBe('the uploaded database is not a Mongrel2 config database: it lacks table server, table host, table route, table handler, table proxy and 3 more');
    const noPort = refusal(dbBytes((db) => {
      migrate(db);
      db.exec('ALTER TABLE proxy DROP COLUMN port');
    }));
    expect(noPort.message).toBe('the uploaded database is not a Mongrel2 config database: it lacks column proxy.port');
  });

  it('refuses a damaged file', () => {
    const bytes = dbBytes((db) => migrate(db));
    bytes.fill(0x55, 4096, 8192); // wreck the second page
    expect(refusal(bytes).fields![0]!.code).toBe('M2_ERR_RESTORE_CORRUPT');
  });
});

describe('restoreTables', () => {
  it('replaces the config tables with the upload\'s, ids kept, and leaves log and admin tables alone', () => {
    const bytes = dbBytes((db) => {
      migrate(db);
      db.exec(`INSERT INTO server (id, uuid, access_log, error_log, pid_file, default_host, name, port) VALUES (2, 'b', '/a', '/e', '/p', 'x', 'restored', 81);
        INSERT INTO host (id, server_id, name, matching) VALUES (5, 2, 'x', 'x');
        INSERT INTO proxy (id, addr, port) VALUES (9, '127.0.0.1', 8080);
        INSERT INTO route (id, path, host_id, target_id, target_type) VALUES (4, '/', 5, 9, 'proxy');
        DELETE FROM mimetype WHERE extension <> '.html';
        INSERT INTO log (who, what) VALUES ('them', 'theirs');`);
    });
    const upload = openUpload(bytes);
    try {
      const rows = live.transaction(() => restoreTables(live, upload))();
      expect(rows).toMatchObject({ server: 1, host: 1, route: 1, proxy: 1, handler: 0, directory: 0, mimetype: 1, setting: 0 });
    } finally {
      upload.close();
    }
    expect(live.prepare('SELECT id, name, error_log_level FROM server').all()).toEqual([{ id: 2, name: 'restored', error_log_level: null }]);
    expect(live.prepare('SELECT id, host_id, target_id, target_type FROM route').all()).toEqual([{ id: 4, host_id: 5, target_id: 9, target_type: 'proxy' }]);
    expect(live.prepare('SELECT who FROM log').all()).toEqual([{ who: 'me' }]);
    expect(live.prepare('SELECT count(*) AS n FROM admin_migration').get()).toEqual({ n: expect.any(Number) });
  });

  it('gives a database from before 1.13 the error_log_level 1.13 writes', () => {
    const bytes = dbBytes((db) => {
      migrate(db);
      db.exec(`ALTER TABLE server DROP COLUMN error_log_level;
        INSERT INTO server (id, uuid, access_log, error_log, pid_file, default_host, port) VALUES (1, 'old', '/a', '/e', '/p', 'x', 80);`);
    });
    const upload = openUpload(bytes);
    try {
      live.transaction(() => restoreTables(live, upload))();
    } finally {
      upload.close();
    }
    expect(live.prepare('SELECT uuid, error_log_level FROM server').all()).toEqual([{ uuid: 'old', error_log_level: 2 }]);
  });
});
