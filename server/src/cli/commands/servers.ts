// `m2sh servers`: mirrors Command_servers in tools/m2sh/src/commands/querying.c.
import type { Command } from '../io.js';
import { option } from '../options.js';
import { simpleQueryPrint } from '../query-print.js';
import { withDb } from './db-access.js';

/** Lists the servers in a config database: `name default_host uuid ` per row. */
export const servers: Command = {
  name: 'servers',
  help: 'Lists the servers in a config database.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    return withDb(io, dbFile, {}, (db) => {
      io.out('SERVERS:\n------\n');
      simpleQueryPrint(io, db, 'SELECT name, default_host, uuid from server');
      return 0;
    });
  },
};
