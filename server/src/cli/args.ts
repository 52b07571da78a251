// Mirrors tools/m2sh/src/cli.rl: `m2sh COMMAND -opt value --opt value -flag`. An option is `-ident` or
// `--ident` (ident = [A-Za-z_.][A-Za-z0-9_.]*); an option followed by another option or by the end of the line is
// a flag with the value ""; any other token is the option's value. Tokens that are nobody's value are "extra",
// which every command refuses (spec §2.1). We tokenise argv as the shell split it instead of re-joining it with
// spaces as the C m2sh does, so values with spaces or quotes survive intact.
import type { CommandLine } from './io.js';

const OPTION = /^--?([A-Za-z_.][A-Za-z0-9_.]*)$/;

/** The option name of a token, or null when the token is a value. */
function optionName(token: string): string | null {
  const m = OPTION.exec(token);
  return m ? m[1]! : null;
}

/** Splits argv (without the program name) into the command name, its options and any extra tokens. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const options = new Map<string, string>();
  const extra: string[] = [];
  let name = '';
  let i = 0;
  if (argv.length > 0 && optionName(argv[0]!) === null) {
    name = argv[0]!;
    i = 1;
  }
  while (i < argv.length) {
    const token = argv[i]!;
    const opt = optionName(token);
    if (opt === null) {
      extra.push(token);
      i++;
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || optionName(next) !== null) {
      options.set(opt, '');
      i++;
    } else {
      options.set(opt, next);
      i += 2;
    }
  }
  return { name, options, extra };
}
