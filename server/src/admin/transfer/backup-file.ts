// The files behind backup and restore (issue 6 §6): a consistent copy of the live config database made with
// SQLite's `VACUUM INTO` (a single read transaction, so a write by m2sh or the console lands wholly before or
// after it), and the checks an uploaded file passes before it may replace anything: it is an SQLite database
// (its 16-byte header), intact (`PRAGMA integrity_check`) and has Mongrel2's tables with their key columns.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiErr } from '@m2/shared';
import { ApiError } from '../errors.js';

/** A file in a private temporary directory, removed with `cleanup`. */
export interface TempFile {
  path: string;
  cleanup(): void;
}

function tempFile(name: string): TempFile {
  const dir = mkdtempSync(join(tmpdir(), 'm2-transfer-'));
  return { path: join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies `db` into a new temporary file, consistently, while other connections keep writing. */
export function backupToTemp(db: Database.Database): TempFile {
  const file = tempFile('config.sqlite');
  try {
    db.prepare('VACUUM INTO ?').run(file.path);
    return file;
  } catch (e) {
    file.cleanup();
    throw e;
  }
}

/** The tables a restore needs and the columns each must have (what every m2sh since 1.6 writes). */
export const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  server: ['id', 'uuid', 'access_log', 'error_log', 'pid_file', 'default_host', 'port'],
  host: ['id', 'server_id', 'name', 'matching'],
  route: ['id', 'path', 'host_id', 'target_id', 'target_type'],
  handler: ['id', 'send_spec', 'send_ident', 'recv_spec', 'recv_ident'],
  proxy: ['id', 'addr', 'port'],
  directory: ['id', 'base', 'index_file', 'default_ctype'],
  setting: ['id', 'key', 'value'],
  mimetype: ['id', 'mimetype', 'extension'],
};

/** The 16-byte header every SQLite 3 database file starts with. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function refuse(code: `M2_ERR_${string}`, message: string): ApiError {
  return new ApiError(400, ApiErr.VALIDATION, message, [{ path: 'body', message, code }]);
}

/** An uploaded database, open read-only, with each of its tables' columns. */
export interface Upload {
  db: Database.Database;
  columns: ReadonlyMap<string, readonly string[]>;
  close(): void;
}

/** Checks that `bytes` is an intact Mongrel2 config database and opens it read-only, or throws the API's 400. */
export function openUpload(bytes: Buffer): Upload {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw refuse('M2_ERR_RESTORE_NOT_SQLITE', 'the upload is not an SQLite database (send the config.sqlite file itself)');
  }
  const file = tempFile('upload.sqlite');
  let db: Database.Database | undefined;
  try {
    writeFileSync(file.path, bytes);
    db = new Database(file.path, { readonly: true, fileMustExist: true });
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (check.join() !== 'ok') throw refuse('M2_ERR_RESTORE_CORRUPT', `the uploaded database is damaged: ${check.slice(0, 3).join('; ')}`);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const columns = new Map(tables.map((t) => [t, (db!.pragma(`table_info(${JSON.stringify(t)})`) as { name: string }[]).map((c) => c.name)]));
    const missing = Object.entries(REQUIRED_COLUMNS).flatMap(([t, cols]) => {
      const have = columns.get(t);
      if (!have) return [`table ${t}`];
      return cols.filter((c) => !have.includes(c)).map((c) => `column ${t}.${c}`);
    });
    if (missing.length > 0) {
      throw refuse('M2_ERR_RESTORE_FOREIGN', `the uploaded database is not a Mongrel2 config database: it lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    }
    const opened = db;
    return { db: opened, columns, close: () => { opened.close(); file.cleanup(); } };
  } catch (e) {
    db?.close();
    file.cleanup();
    if (e instanceof ApiError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw refuse('M2_ERR_RESTORE_CORRUPT', 'the uploaded file starts like an SQLite database but cannot be read as one');
    }
    throw e;
  }
}
