// `m2sh version`: the Mongrel2 version this implementation is faithful to, as src/version.h names it.
import { SERVER_VERSION } from '../../http/responses.js';
import type { Command } from '../io.js';

/** The version string the server and m2sh report (the Server header's). */
export const VERSION = SERVER_VERSION;

/** Prints the Mongrel2 version. */
export const version: Command = {
  name: 'version',
  help: 'Prints the Mongrel2 and m2sh version.',
  run(_cmd, io) {
    io.out(`${VERSION}\n`);
    return 0;
  },
};
