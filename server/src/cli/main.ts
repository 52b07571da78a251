// The m2sh process entry: argv and the process's streams in, exit code out (ARCHITECTURE principle 8).
import { run } from './m2sh.js';

const code = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
