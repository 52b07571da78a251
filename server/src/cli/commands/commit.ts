// `m2sh commit`: mirrors Command_commit / log_action in tools/m2sh/src/commands/logging.c: appends one row to the
// commit log. -what defaults to "", -how to "m2sh", -where to this machine's name; -why has no default.
import { appendLog } from '../../config/loader/write.js';
import type { Command } from '../io.js';
import { option } from '../options.js';
import { warnIfRoot, whereAmI, whoAmI } from '../who.js';
import { withDb } from './db-access.js';

/** Adds a message to the commit log. */
export const commit: Command = {
  name: 'commit',
  help: 'Adds a message to the log.',
  run(cmd, io) {
    const what = option(cmd, io, 'what', '')!;
    const why = option(cmd, io, 'why') ?? null;
    const where = option(cmd, io, 'where');
    const how = option(cmd, io, 'how', 'm2sh')!;
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    const who = whoAmI(io);
    return withDb(io, dbFile, {}, (db) => {
      appendLog(db, { who, what, location: where ?? whereAmI(), how, why });
      warnIfRoot(io, who);
      return 0;
    });
  },
};
