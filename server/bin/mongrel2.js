#!/usr/bin/env node
// mongrel2, this package's own (never the C one on PATH): runs the compiled server built by `npm run build`.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A larger young generation: a server allocates many short-lived buffers per request, and fewer scavenges mean
// more requests per second and a shorter tail (measured with npm run bench).
setFlagsFromString('--max-semi-space-size=32');
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
