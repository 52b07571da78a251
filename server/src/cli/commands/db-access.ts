// Running a command against the config database: open + migrate, run, close, and turn database failures
// (locked, not a database) into one clear ERROR line and exit code 255, leaving the file as it was.
import type Database from 'better-sqlite3';
import { ConfigDbError, explainDbError, openConfigDb } from '../../config/db.js';
import type { Io } from '../io.js';
import { logErr } from '../log.js';
import { checkFile, cliPath } from '../options.js';

/**
 * Opens the database named on the command line and runs `fn` with it. Without `create`, a missing or
 * unwritable file is m2sh's `Can't access config database 'X' properly.` error.
 */
export function withDb(io: Io, dbFile: string, opts: { create?: boolean }, fn: (db: Database.Database) => number): number {
  if (!opts.create && !checkFile(io, dbFile, 'config database', true)) return 255;
  let handle;
  try {
    handle = openConfigDb(cliPath(io, dbFile), { ...opts, name: dbFile });
    return fn(handle.db);
  } catch (e) {
    const err = explainDbError(e, dbFile);
    if (err instanceof ConfigDbError) {
      logErr(io, err.message);
      return 255;
    }
    throw err;
  } finally {
    handle?.db.close();
  }
}
