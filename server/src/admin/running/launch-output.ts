// Where a server the console starts writes its stdout and stderr: appended to its own error log (where the
// server's messages go once it runs, spec §9), so startup complaints ("Can't announce on TCP port", a refused
// config) are kept there too and nothing ties the server to the console (a pipe would break when the console
// exits). When the log cannot be opened — its directory is missing, which the server will also report — a file
// in the system's temp directory takes the output instead. A failed start quotes what was written.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { serverFile } from './servers.js';

/** An open output file for a server being started. */
export interface LaunchOutput {
  fd: number;
  path: string;
  /** Its size when opened: what the start wrote begins here. */
  offset: number;
}

/** Opens the file a starting server's stdout and stderr go to. */
export function openLaunchOutput(ctx: AdminContext, server: Server): LaunchOutput {
  const errorLog = serverFile(ctx, server, server.errorLog);
  for (const path of [errorLog, join(tmpdir(), `m2-console-start-${server.uuid.replace(/[^\w.-]/g, '_')}.log`)]) {
    try {
      const fd = openSync(path, 'a', 0o640);
      return { fd, path, offset: fstatSync(fd).size };
    } catch {
      /* try the next place */
    }
  }
  const fd = openSync('/dev/null', 'a');
  return { fd, path: '/dev/null', offset: 0 };
}

/** The last `max` non-empty lines written to the output since it was opened (at most the last 8 KiB). */
export function launchOutputTail(out: Pick<LaunchOutput, 'path' | 'offset'>, max = 12): string[] {
  let fd: number;
  try {
    fd = openSync(out.path, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(out.offset, size - 8192);
    const buf = Buffer.alloc(Math.max(0, size - from));
    const n = buf.length > 0 ? readSync(fd, buf, 0, buf.length, from) : 0;
    return buf.subarray(0, n).toString('utf8').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').slice(-max);
  } finally {
    closeSync(fd);
  }
}
