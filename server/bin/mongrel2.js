#!/usr/bin/env node
// mongrel2, this package's own (never the C one on PATH): runs the compiled server built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('mongrel2: not built yet; run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(entry.href);
