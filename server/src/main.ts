// The mongrel2 process entry: `mongrel2 <config.sqlite> <server_uuid>`, the C command line and usage message
// (src/mongrel2.c). This build opens and migrates the config database and finds the server; serving HTTP is
// the server issue's work, so for now it says so and exits 1 instead of pretending to run.
import { openConfigDb, ConfigDbError, explainDbError } from './config/db.js';
import { renderLogLine } from './cli/log.js';

function fail(message: string): never {
  process.stderr.write(renderLogLine('ERROR', message));
  process.stderr.write(renderLogLine('ERROR', 'Exiting due to error.'));
  process.exit(1);
}

const [dbFile, uuid] = process.argv.slice(2);
if (dbFile === undefined || uuid === undefined) fail('usage: mongrel2 config.sqlite server_uuid [config_module.so]');
let row: unknown;
try {
  const { db } = openConfigDb(dbFile);
  row = db.prepare('SELECT id FROM server WHERE uuid = ?').get(uuid);
  db.close();
} catch (e) {
  const err = explainDbError(e, dbFile);
  fail(err instanceof ConfigDbError ? err.message : String(err));
}
if (row === undefined) fail(`Failed to load server ${uuid} from ${dbFile}`);
fail(`server ${uuid} is configured in ${dbFile}, but this build of mongrel2 cannot serve yet (the HTTP server is not implemented)`);
