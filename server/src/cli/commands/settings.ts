// `m2sh settings`: lists the `setting` table (the C m2sh has no such command; the settings of spec §8 are only
// visible with sqlite3). Same layout as `servers`: a title, a rule, then `key value ` per row in row order.
import type { Command } from '../io.js';
import { option } from '../options.js';
import { simpleQueryPrint } from '../query-print.js';
import { withDb } from './db-access.js';

/** Lists the settings stored in a config database. */
export const settings: Command = {
  name: 'settings',
  help: 'Lists the settings in a config database.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    return withDb(io, dbFile, {}, (db) => {
      io.out('SETTINGS:\n------\n');
      simpleQueryPrint(io, db, 'SELECT key, value FROM setting ORDER BY id');
      return 0;
    });
  },
};
