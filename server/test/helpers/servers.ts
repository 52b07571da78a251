// Starting a real server process for tests — ours (server/bin/mongrel2.js) or the reference C mongrel2
// (/usr/bin/mongrel2) — on a site made in a temp directory, in the foreground (server.daemonize=0), on a free
// loopback port. The test owns the process and stops it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { C_MONGREL2, freePort } from './c-mongrel2.js';
import { REPO, runOurs } from './processes.js';

/** Our mongrel2 launcher. */
export const OUR_MONGREL2 = join(REPO, 'server/bin/mongrel2.js');

/** A running server under test. */
export interface RunningServer {
  port: number;
  proc: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Writes `conf` into `dir`, loads it with our m2sh into `config.sqlite`, and applies `settings` rows. */
export function makeSite(dir: string, conf: string, settings: Record<string, string> = {}): string {
  for (const d of ['logs', 'run']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'mongrel2.conf'), conf);
  const r = runOurs(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir);
  if (r.status !== 0) throw new Error(`m2sh load failed:\n${r.stderr}`);
  const db = new Database(join(dir, 'config.sqlite'));
  const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
  put.run('server.daemonize', '0');
  for (const [k, v] of Object.entries(settings)) put.run(k, v);
  db.close();
  return join(dir, 'config.sqlite');
}

/** Sets every server's listening port. */
export function setPort(dbPath: string, port: number): void {
  const db = new Database(dbPath);
  db.prepare('UPDATE server SET port = ?, bind_addr = ?').run(port, '127.0.0.1');
  db.close();
}

function waitForPort(port: number, proc: ChildProcess, output: () => string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (proc.exitCode !== null) return reject(new Error(`server exited with ${proc.exitCode}:\n${output()}`));
      if (Date.now() > deadline) return reject(new Error(`server did not listen on ${port}:\n${output()}`));
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => setTimeout(attempt, 50));
    };
    attempt();
  });
}

/**
 * Waits until the server answers a real request: the C mongrel2 listens before its accept loop runs (it
 * chroots and drops privileges first), so an open port alone does not mean it serves yet.
 */
async function waitForAnswer(port: number, proc: ChildProcess, output: () => string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${output()}`);
    const got = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      const t = setTimeout(() => { s.destroy(); resolve(false); }, 500);
      s.once('connect', () => s.write('GET /__ready__ HTTP/1.0\r\n\r\n'));
      s.once('data', () => { clearTimeout(t); s.destroy(); resolve(true); });
      s.once('error', () => { clearTimeout(t); resolve(false); });
    });
    if (got) return;
  }
  throw new Error(`server on ${port} never answered a request:\n${output()}`);
}

/** Starts `which` server for the server `uuid` of `dbPath`, in `dir`, on a fresh port. */
export async function startServer(which: 'ours' | 'c', dir: string, dbPath: string, uuid: string): Promise<RunningServer> {
  const port = await freePort();
  setPort(dbPath, port);
  if (which === 'c' && !existsSync(C_MONGREL2)) throw new Error(`${C_MONGREL2} is missing: apt-get install -y mongrel2-core`);
  const [bin, args] = which === 'c' ? [C_MONGREL2, [dbPath, uuid]] : [process.execPath, [OUR_MONGREL2, dbPath, uuid]];
  const proc = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const output = () => out;
  await waitForPort(port, proc, output);
  await waitForAnswer(port, proc, output);
  return {
    port,
    proc,
    output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return proc.exitCode;
      const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
      try {
        process.kill(proc.pid, signal);
      } catch {
        return proc.exitCode; // it ended on its own between the check and the signal
      }
      const t = setTimeout(() => proc.exitCode === null && proc.pid !== undefined && process.kill(proc.pid, 'SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}
