// `m2sh console -db FILE [-bind ADDR] [-port N]`: the browser console and its API (issue 6) on this config
// database, until SIGINT or SIGTERM. Binds 127.0.0.1:6780 unless told otherwise; prints `console on URL` once it
// listens. Not a C m2sh command (the C m2sh has no console).
import type { Command } from '../io.js';
import { logErr } from '../log.js';
import { cliPath, option } from '../options.js';
import { CONSOLE_BIND, CONSOLE_PORT, serveConsole } from '../../admin/serve.js';

/** Runs the console. */
export const consoleCmd: Command = {
  name: 'console',
  help: 'Runs the browser console on a config database.',
  async run(cmd, io) {
    const dbFile = option(cmd, io, 'db', 'config.sqlite')!;
    // The documented defaults need no "using the default" warning (m2sh's option() gives one).
    const bind = option(cmd, io, 'bind') ?? CONSOLE_BIND;
    const portText = option(cmd, io, 'port') ?? String(CONSOLE_PORT);
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
      logErr(io, `-port must be a number from 0 to 65535, not '${portText}'`);
      return 255;
    }
    let app;
    try {
      ({ app } = await serveConsole({ dbPath: cliPath(io, dbFile), cwd: io.cwd, bind, port, adminPassword: io.env.M2_ADMIN_PASSWORD, print: (l) => io.out(`${l}\n`) }));
    } catch (e) {
      logErr(io, `Could not start the console on ${bind}:${port}: ${(e as Error).message}`);
      return 255;
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    return 0;
  },
};
