// `m2sh version`: the Mongrel2 version this implementation is faithful to, as src/version.h names it.
import type { Command } from '../io.js';

/** The version string the server and m2sh report. */
export const VERSION = 'Mongrel2/1.13.0';

/** Prints the Mongrel2 version. */
export const version: Command = {
  name: 'version',
  help: 'Prints the Mongrel2 and m2sh version.',
  run(_cmd, io) {
    io.out(`${VERSION}\n`);
    return 0;
  },
};
