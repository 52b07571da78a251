// `m2sh hosts -server NAME`: mirrors Command_hosts in tools/m2sh/src/commands/querying.c, except that a missing
// -server exits 255 (the C m2sh logs the error and exits 0).
import type { Command } from '../io.js';
import { logErr } from '../log.js';
import { option } from '../options.js';
import { simpleQueryPrint } from '../query-print.js';
import { withDb } from './db-access.js';

/** Lists the hosts of the server named by -server: `id name ` per row. */
export const hosts: Command = {
  name: 'hosts',
  help: 'Lists the hosts in a server.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    const server = option(cmd, io, 'server');
    return withDb(io, dbFile, {}, (db) => {
      if (server === undefined) {
        logErr(io, 'You need to give a -server of the server to list hosts from.');
        return 255;
      }
      io.out(`HOSTS in ${server}:\n-----\n`);
      simpleQueryPrint(io, db, 'SELECT id, name from host where server_id = (select id from server where name = ?)', server);
      return 0;
    });
  },
};
