// An in-memory Io for unit tests of commands: what a command printed, and lines to feed its prompt.
import type { Io } from './io.js';

/** An Io whose output is collected; `lines` become the shell's input. */
export function memoryIo(cwd: string, env: Record<string, string> = {}, lines?: string[]): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env: { LOGNAME: 'tester', ...env },
    cwd,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    input: lines === undefined ? undefined : (async function* () {
      yield* lines;
    })(),
  };
  return io;
}
