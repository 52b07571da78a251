// `m2sh init` (the old Python m2sh's, which the C m2sh dropped; decision 14): creates the config database if
// needed, with Mongrel2's tables and the default mimetypes, and empties any configuration it held. The commit
// log is kept and records the init.
import { appendLog, resetConfig } from '../../config/loader/write.js';
import type { Command } from '../io.js';
import { option } from '../options.js';
import { warnIfRoot, whereAmI, whoAmI } from '../who.js';
import { withDb } from './db-access.js';

/** Initialises an empty config database. */
export const init: Command = {
  name: 'init',
  help: 'Initializes a new config database.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    const who = whoAmI(io);
    return withDb(io, dbFile, { create: true }, (db) => {
      db.transaction(() => {
        resetConfig(db);
        appendLog(db, { who, what: 'init', location: whereAmI(), how: 'm2sh', why: 'command' });
      }).immediate();
      warnIfRoot(io, who);
      return 0;
    });
  },
};
