// `m2sh dump` (the old Python m2sh's; decision 14): prints the configuration in a config database as an m2sh
// config file that `m2sh load` reads back into the same model. `-uuid UUID` dumps one server.
import { RenderConfError, renderConf } from '../../config/render-conf.js';
import type { Command } from '../io.js';
import { logErr } from '../log.js';
import { option } from '../options.js';
import { withDb } from './db-access.js';

/** Prints the config database as a config file. */
export const dump: Command = {
  name: 'dump',
  help: 'Prints the config database as a config file.',
  run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    const uuid = option(cmd, io, 'uuid');
    return withDb(io, dbFile, {}, (db) => {
      try {
        io.out(renderConf(db, { uuid, source: dbFile }));
        return 0;
      } catch (e) {
        if (!(e instanceof RenderConfError)) throw e;
        logErr(io, e.message);
        return 255;
      }
    });
  },
};
