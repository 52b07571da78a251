// A config file sent to the console, read the way `m2sh load` reads one (config/load-file.ts): parse and build
// the model without touching the database. A file that does not load is the API's 400 with one field error per
// problem at `source`, each `file:line:col: message` as m2sh prints it. The preview writes the model into a
// scratch in-memory database with the very writer `m2sh load` uses, then compares it with the real one.
import Database from 'better-sqlite3';
import { ApiErr, type FieldError, type ImportPreview } from '@m2/shared';
import { loadConfigSource } from '../../config/load-file.js';
import { ConfigError } from '../../config/lang/error.js';
import { migrate } from '../../config/migrate.js';
import type { ConfigModel } from '../../config/loader/model.js';
import { writeModel } from '../../config/loader/write.js';
import { ApiError } from '../errors.js';
import { diffConfigs } from './diff.js';
import { countRows, readSnapshot } from './snapshot.js';

/** What messages call a file sent without a name. */
export const DEFAULT_CONF_NAME = 'mongrel2.conf';

/** The field error for one config problem: `file:line:col: message` at `source`. */
export function configFieldError(e: ConfigError): FieldError {
  return { path: 'source', message: `${e.file}:${e.line}:${e.col}: ${e.message}`, code: e.code };
}

/** Parses and builds `source` (called `filename` in messages), or throws the API's 400 naming each problem. */
export function parseSource(source: string, filename = DEFAULT_CONF_NAME): ConfigModel {
  try {
    return loadConfigSource(source, filename);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const fields = [configFieldError(e)];
    throw new ApiError(400, ApiErr.VALIDATION, `${filename} does not load: ${fields[0]!.message}`, fields);
  }
}

/** What writing `model` into `db` would change; `db` is only read. */
export function previewModel(db: Database.Database, model: ConfigModel): ImportPreview {
  const scratch = new Database(':memory:');
  try {
    migrate(scratch);
    writeModel(scratch, model, null);
    return diffConfigs(readSnapshot(db), countRows(db), readSnapshot(scratch), countRows(scratch), model.warnings);
  } finally {
    scratch.close();
  }
}

/** Replaces the configuration in `db` with `model` (the caller holds the transaction) and says what changed. */
export function writeAndCompare(db: Database.Database, model: ConfigModel): ImportPreview {
  const before = readSnapshot(db);
  const countsBefore = countRows(db);
  writeModel(db, model, null);
  return diffConfigs(before, countsBefore, readSnapshot(db), countRows(db), model.warnings);
}
