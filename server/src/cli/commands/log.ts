// `m2sh log`: mirrors Command_log in tools/m2sh/src/commands/logging.c.
import type { Command } from '../io.js';
import { option } from '../options.js';
import { simpleQueryPrint } from '../query-print.js';
import { withDb } from './db-access.js';

/** Prints the commit log: `happened_at who location how what why ` per row, oldest first. */
export const log: Command = {
  name: 'log',
  help: 'Prints the commit log.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    return withDb(io, dbFile, {}, (db) => {
      io.out('LOG MESSAGES:\n------\n');
      simpleQueryPrint(io, db, 'SELECT happened_at, who, location, how, what, why FROM log ORDER BY happened_at');
      return 0;
    });
  },
};
