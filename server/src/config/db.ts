// Opens a Mongrel2 config database the way every m2sh command and the server need it: an existing file (or a
// new one where the caller creates it), migrated to this project's schema, with a short busy timeout so a
// database locked by another writer gets a clear error instead of a hang.
import Database from 'better-sqlite3';
import { migrate, type MigrationReport } from './migrate.js';

/** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 2000;

/** A config database that could not be opened or changed, with a message fit for an operator. */
export class ConfigDbError extends Error {
  constructor(
    readonly code: 'M2_ERR_DB_LOCKED' | 'M2_ERR_DB_NOT_A_DATABASE' | 'M2_ERR_DB_OPEN' | 'M2_ERR_DB_READONLY',
    message: string,
  ) {
    super(message);
    this.name = 'ConfigDbError';
  }
}

/** Turns a better-sqlite3 failure into a ConfigDbError naming the file, or returns the error unchanged. */
export function explainDbError(e: unknown, path: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ConfigDbError('M2_ERR_DB_LOCKED', `config database '${path}' is locked by another process; nothing was changed, try again when it is done`);
  }
  if (code === 'SQLITE_NOTADB') {
    return new ConfigDbError('M2_ERR_DB_NOT_A_DATABASE', `'${path}' is not an SQLite database`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ConfigDbError('M2_ERR_DB_READONLY', `config database '${path}' is read-only`);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new ConfigDbError('M2_ERR_DB_OPEN', `can't open config database '${path}'`);
  }
  return e;
}

/** An open, migrated config database. */
export interface ConfigDb {
  db: Database.Database;
  path: string;
  migrations: MigrationReport;
}

/**
 * Opens (creating it when `create` is set) and migrates the config database at `path`; messages call it `name`.
 * Throws ConfigDbError for a locked, foreign or unopenable file.
 */
export function openConfigDb(path: string, opts: { create?: boolean; name?: string } = {}): ConfigDb {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: !opts.create, timeout: BUSY_TIMEOUT_MS });
    const migrations = migrate(db);
    return { db, path, migrations };
  } catch (e) {
    db?.close();
    throw explainDbError(e, opts.name ?? path);
  }
}
