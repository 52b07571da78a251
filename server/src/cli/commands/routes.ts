// `m2sh routes`: mirrors Command_routes in tools/m2sh/src/commands/querying.c. Either -id HOSTID, or
// -server NAME -host HOSTNAME.
import type { Command } from '../io.js';
import { logErr } from '../log.js';
import { option } from '../options.js';
import { simpleQueryPrint } from '../query-print.js';
import { withDb } from './db-access.js';

/** Lists the routes of one host: `path ` per row. */
export const routes: Command = {
  name: 'routes',
  help: 'Lists the routes in a host.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    const server = option(cmd, io, 'server');
    const host = option(cmd, io, 'host');
    const hostId = option(cmd, io, 'id');
    return withDb(io, dbFile, {}, (db) => {
      if (hostId !== undefined) {
        io.out(`ROUTES in host id ${hostId}\n-----\n`);
        simpleQueryPrint(io, db, 'SELECT path from route where host_id = ?', hostId);
        return 0;
      }
      if (server === undefined) {
        logErr(io, 'Must set the -server name you want or use -id.');
        return 255;
      }
      if (host === undefined) {
        logErr(io, 'Must set the -host in that server you want or use -id.');
        return 255;
      }
      io.out(`ROUTES in host ${host}, server ${server}\n-----\n`);
      simpleQueryPrint(io, db, `SELECT route.path from route, host, server where host.name = ? and
        route.host_id = host.id and server.name = ? and host.server_id = server.id`, host, server);
      return 0;
    });
  },
};
