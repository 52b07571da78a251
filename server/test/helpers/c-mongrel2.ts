// Running the reference C mongrel2 (Debian mongrel2-core, /usr/bin/mongrel2) in the foreground on a config
// database, to prove a database we wrote or upgraded still serves on it. The test owns the process and ends
// it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The reference server binary. */
export const C_MONGREL2 = '/usr/bin/mongrel2';

// Ports for ZeroMQ and HTTP listeners the tests bind later are taken from below the kernel's ephemeral range:
// a socket connecting to a not-yet-bound port inside that range can be given that very port as its source and
// connect to itself (TCP simultaneous open), and then the listener cannot bind it. A handler connecting before its
// server binds did exactly that, now and then, in the differential handler test.
const EPHEMERAL_LOW = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
})();
const PICK_LOW = Math.min(20000, EPHEMERAL_LOW - 2000);

function tryPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free loopback TCP port below the ephemeral range (bindable now; picked at random to keep parallel test
 *  files apart). */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = PICK_LOW + Math.floor(Math.random() * (EPHEMERAL_LOW - PICK_LOW));
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free loopback port in ${PICK_LOW}-${EPHEMERAL_LOW - 1}`);
}

/** Points every server in the database at `port`, keeps it in the foreground, and makes its chroot dirs. */
export function prepareForC(dir: string, dbFile: string, port: number): void {
  const db = new Database(join(dir, dbFile));
  db.prepare('UPDATE server SET port = ?, bind_addr = ?').run(port, '127.0.0.1');
  db.prepare("DELETE FROM setting WHERE key = 'server.daemonize'").run();
  db.prepare("INSERT INTO setting (key, value) VALUES ('server.daemonize', '0')").run();
  db.close();
  for (const d of ['logs', 'run']) mkdirSync(join(dir, d), { recursive: true });
}

/** Starts the C mongrel2 in `dir` and waits until `url` answers; returns the process and the response. */
export async function startC(dir: string, dbFile: string, uuid: string, url: string): Promise<{ proc: ChildProcess; status: number; body: string }> {
  if (!existsSync(C_MONGREL2)) throw new Error(`the reference mongrel2 is not at ${C_MONGREL2}: apt-get install -y mongrel2-core`);
  const proc = spawn(C_MONGREL2, [dbFile, uuid], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d) => (output += String(d)));
  proc.stderr!.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`C mongrel2 exited with ${proc.exitCode}:\n${output}`);
    try {
      const res = await fetch(url);
      return { proc, status: res.status, body: await res.text() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stopC(proc);
  throw new Error(`C mongrel2 did not answer ${url} within 10 s:\n${output}`);
}

/** Ends a C mongrel2 this test started, by its PID, and waits for it to exit. */
export async function stopC(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.pid === undefined) return;
  const exited = new Promise((r) => proc.once('exit', r));
  process.kill(proc.pid, 'SIGTERM');
  const timer = setTimeout(() => proc.pid !== undefined && proc.exitCode === null && process.kill(proc.pid, 'SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
