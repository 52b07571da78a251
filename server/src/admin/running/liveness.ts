// Whether a server's process is alive, as m2sh's `running` asks it (a signal-0 probe of the PID in the PID file,
// spec §9), plus one thing m2sh never had to care about: a server this console started is its child, and a
// child that exited but is not yet reaped (or an orphan in a container whose init does not reap) still answers
// signal 0, so a zombie counts as gone.
import { readFileSync } from 'node:fs';
import { processAlive } from '../../process/pid-file.js';

/** Whether `/proc` says the process is a zombie (false where there is no /proc). */
export function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Whether a process with this PID runs (and is not this console). */
export function isLive(pid: number): boolean {
  return pid !== process.pid && processAlive(pid) && !isZombie(pid);
}

/** Waits until the process is gone; false when it still runs after `ms`. */
export async function waitGone(pid: number, ms: number, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isLive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return true;
}

/** Sends a signal, ignoring a process that is already gone. */
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}
