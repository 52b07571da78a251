// `m2sh load` / `m2sh config`: mirrors Command_load in tools/m2sh/src/commands/config.c. Parses the whole file
// first; only a valid file replaces the configuration, in one transaction together with its commit-log row
// (who, what=load, where=hostname, how=config path, why=command). Unlike the C m2sh (which exits 0 whatever
// happens), a bad file or database exits 255 with `file:line:col` and leaves the database as it was.
import { loadConfigFile } from '../../config/load-file.js';
import { ConfigError } from '../../config/lang/error.js';
import { writeModel } from '../../config/loader/write.js';
import type { Command, CommandLine, Io } from '../io.js';
import { logErr, logWarn } from '../log.js';
import { checkFile, cliPath, option } from '../options.js';
import { warnIfRoot, whereAmI, whoAmI } from '../who.js';
import { withDb } from './db-access.js';

async function runLoad(cmd: CommandLine, io: Io): Promise<number> {
  const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
  const confFile = option(cmd, io, 'config', 'mongrel2.conf')!;
  if (!checkFile(io, confFile, 'config file', false)) return 255;
  let model;
  try {
    model = loadConfigFile(cliPath(io, confFile), confFile);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.render() + '\n');
    logErr(io, `Failed to load the config file ${confFile}; ${dbFile} was not changed.`);
    return 255;
  }
  for (const w of model.warnings) logWarn(io, w);
  const who = whoAmI(io);
  return withDb(io, dbFile, { create: true }, (db) => {
    writeModel(db, model, { who, what: 'load', location: whereAmI(), how: confFile, why: 'command' });
    warnIfRoot(io, who);
    return 0;
  });
}

/** `m2sh load`: load a config file into the config database. */
export const load: Command = { name: 'load', help: 'Load a config.', run: runLoad };

/** `m2sh config`: the same as load (the manual's config = init + load; load already starts from empty). */
export const config: Command = { name: 'config', help: 'Alias for load.', run: runLoad };
