#!/usr/bin/env node
// mongrel2, this package's own (never the C one on PATH): runs the compiled server built by `npm run build`.
import { existsSync } from 'node:fs';

// Node flags (the young generation's size) must be on node's command line: m2sh start, the console and npm start
// pass MONGREL2_NODE_FLAGS (server/src/cli/commands/running.ts). A direct run goes without them (slower, not
// wrong): a shebang with `env -S` would carry them, but not every env has -S (GNU coreutils since 8.30 only).
// File reads (Dir) run on libuv's thread pool, 4 threads by default: with more large files in flight than that,
// reads queue behind each other and the latency tail grows. Set before the pool is first used.
process.env.UV_THREADPOOL_SIZE ??= '16';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('mongrel2: not built yet; run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(entry.href);
