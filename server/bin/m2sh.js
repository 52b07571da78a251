#!/usr/bin/env node
// m2sh, this package's own (never the C one on PATH): runs the compiled CLI built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('m2sh: not built yet; run `npm run build` in the repository first\n');
  process.exit(255);
}
await import(entry.href);
