// m2sh: the command-line view of the config model. Mirrors tools/m2sh/src/commands.c: a command table in
// COMMAND_MAPPING's order (our additions from the manual, init/dump/settings, after it), `help` generated from
// it, `Commands only take --option style arguments` and `INVALID COMMAND` errors, exit code 255 on failure.
import type { Command, CommandLine, Io } from './io.js';
import { parseCommandLine } from './args.js';
import { logErr } from './log.js';
import { access } from './commands/access.js';
import { commit } from './commands/commit.js';
import { consoleCmd } from './commands/console.js';
import { control } from './commands/control.js';
import { dump } from './commands/dump.js';
import { hosts } from './commands/hosts.js';
import { init } from './commands/init.js';
import { config, load } from './commands/load.js';
import { log } from './commands/log.js';
import { route } from './commands/route.js';
import { reload, running, start, stop } from './commands/running.js';
import { routes } from './commands/routes.js';
import { servers } from './commands/servers.js';
import { settings } from './commands/settings.js';
import { shell } from './commands/shell.js';
import { uuid } from './commands/uuid.js';
import { version } from './commands/version.js';

const help: Command = {
  name: 'help',
  help: 'Get help, lists commands.',
  run(cmd, io) {
    const on = cmd.options.get('on');
    if (on !== undefined) {
      const found = COMMANDS.find((c) => c.name === on);
      io.out(found ? `${found.name}\t${found.help}\n` : `No help for ${on}. Use m2sh help to see a list.\n`);
      return 0;
    }
    io.out('Mongrel2 m2sh has these commands available:\n\n');
    io.out(COMMANDS.map((c) => `${c.name.padStart(8)}  ${c.help}\n`).join(''));
    return 0;
  },
};

/** Every m2sh command, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  load, config, shell, access, servers, hosts, routes, commit, log, start, stop, reload, running, control, route, version, help, uuid,
  init, dump, settings, consoleCmd,
];

/** Runs one parsed command line; returns the exit code. */
export async function runCommandLine(cmd: CommandLine, io: Io): Promise<number> {
  if (cmd.extra.length > 0) {
    logErr(io, `Commands only take --option style arguments, you have ${cmd.extra.length} extra.`);
    return 255;
  }
  if (cmd.name === '') return help.run(cmd, io);
  const found = COMMANDS.find((c) => c.name === cmd.name);
  if (!found) {
    logErr(io, "INVALID COMMAND. Use m2sh help to find out what's available.");
    return 255;
  }
  return found.run(cmd, io);
}

/** Runs m2sh with `argv` (without the program name); returns the exit code. */
export function run(argv: readonly string[], io: Io): Promise<number> {
  return runCommandLine(parseCommandLine(argv), io);
}
