// A control command as typed: `cmd key=value ...`, parsed as m2sh control's parse_input does
// (server/src/control/client.ts parseControlLine): words split on blanks and `=`, the first is the command, the
// rest pair up as key and value, and a value of digits (with an optional minus) is an integer.

/** A parsed line: the command and its arguments, or why the line is not one. */
export type ParsedCommand =
  | { ok: true; command: string; args: Record<string, string | number> }
  | { ok: false; error: string };

/** The m2sh usage line, said for a line whose keys and values do not pair up. */
export const USAGE = 'USAGE: command arg1=val1 arg2=val2';

/** Parses one typed line. */
export function parseCommandLine(line: string): ParsedCommand {
  const words = line.trim().split(/[ \t\n=]+/).filter((w) => w !== '');
  const [command] = words;
  if (command === undefined) return { ok: false, error: 'Type a command, or help for the list.' };
  if (words.length % 2 === 0) return { ok: false, error: USAGE };
  const args: Record<string, string | number> = {};
  for (let i = 1; i + 1 < words.length; i += 2) {
    const value = words[i + 1]!;
    const n = /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
    args[words[i]!] = Number.isSafeInteger(n) ? n : value;
  }
  return { ok: true, command, args };
}

/** The commands the console's control panel takes, for `help` (answered locally). */
export const CONTROL_HELP: [string, string][] = [
  ['status what=net', 'the open connections'],
  ['status what=tasks', 'the server\'s tasks'],
  ['time', 'the server\'s time (unix seconds)'],
  ['uuid', 'the server\'s uuid'],
  ['info', 'information about this server'],
  ['kill id=N', 'kill connection N (operator)'],
  ['reload', 'reload the configuration from the database (operator)'],
  ['help', 'this list'],
  ['clear', 'clear this panel'],
];

/** The commands that change a running server, and so need the operator role. */
export const OPERATOR_COMMANDS = ['kill', 'reload'];
