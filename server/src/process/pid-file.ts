// The PID file (src/unixy.c Unixy_pid_file / Unixy_remove_dead_pidfile, spec §9): the decimal PID with no
// trailing newline; a file naming a live process refuses the start, a stale one is removed. Also where m2sh's
// stop/reload/running look for a server's process.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where a configured path (PID file, logs) is: inside the chroot when the server has one (`/run/x.pid` under
 * `/srv/app` is `/srv/app/run/x.pid`), else the path as given, relative to the launch directory.
 */
export function serverPath(chroot: string, root: string, path: string): string {
  if (chroot === '') return resolve(path);
  return isAbsolute(path) ? join(root, path) : resolve(root, path);
}

/** Whether a process with this PID exists (signal 0 probe; EPERM still means it exists). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One server's PID file. */
export class PidFile {
  constructor(readonly path: string) {}

  /** The PID in the file, or null when there is no file or it holds no number. */
  read(): number | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return null;
    }
    const pid = Number.parseInt(text.trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  }

  /** The PID of the live process the file names, or null. */
  livePid(): number | null {
    const pid = this.read();
    return pid !== null && pid !== process.pid && processAlive(pid) ? pid : null;
  }

  /** Removes a file that names no live process. */
  removeStale(): void {
    if (this.livePid() === null) this.remove();
  }

  /** Writes this process's PID, no newline. */
  write(pid = process.pid): void {
    writeFileSync(this.path, String(pid), { mode: 0o644 });
  }

  /** Removes the file if it is there. */
  remove(): void {
    rmSync(this.path, { force: true });
  }
}
