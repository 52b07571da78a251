// Running m2sh as a real child process in tests: ours (server/bin/m2sh.js, built by `npm run build`) and the
// reference C m2sh from Debian's mongrel2-core (/usr/bin/m2sh, named explicitly so PATH never decides).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Our m2sh's launcher. */
export const OUR_M2SH = join(REPO, 'server/bin/m2sh.js');
/** The reference C m2sh (Mongrel2 1.12.2). */
export const C_M2SH = '/usr/bin/m2sh';
/** The shared corpus of real config files and requests, read in place. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

/** What a finished child process printed and returned. */
export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', LOGNAME: 'tester', HOME: '/nonexistent', TZ: 'UTC' };

function ran(r: ReturnType<typeof spawnSync>): Ran {
  return { status: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs our m2sh (the built one) with `args` in `cwd`. */
export function runOurs(args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  if (!existsSync(join(REPO, 'server/dist/cli/main.js'))) throw new Error('our m2sh is not built: run `npm run build` first (npm test does)');
  return ran(spawnSync(process.execPath, [OUR_M2SH, ...args], { cwd, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 30000 }));
}

/** Runs the reference C m2sh with `args` in `cwd`; throws with the install hint when it is not installed. */
export function runC(args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  if (!existsSync(C_M2SH)) {
    throw new Error(`the reference C m2sh is not at ${C_M2SH}: install mongrel2-core (apt-get install -y mongrel2-core); .ci/run does`);
  }
  return ran(spawnSync(C_M2SH, args, { cwd, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 30000 }));
}

/** Fails with a clear message when the shared corpus is not beside the repository. */
export function corpusPath(...parts: string[]): string {
  if (!existsSync(CORPUS)) throw new Error(`the shared corpus is not at ${CORPUS}: these tests read ../shared/corpus in place`);
  return join(CORPUS, ...parts);
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'm2-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces the RFC 1123 date at the start of each m2sh log line with DATE, so stderr can be compared. */
export function normaliseLog(stderr: string): string {
  return stderr.replace(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/gm, 'DATE');
}
