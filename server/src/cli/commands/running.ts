// `m2sh start | stop | reload | running`: mirrors exec_server_operations and its callbacks in
// tools/m2sh/src/commands/running.c. A server is selected by exactly one of -every, -name, -host (its
// default_host) or -uuid in -db (default config.sqlite). Its PID file is chroot + pid_file. stop sends SIGINT
// (SIGTERM with -murder), reload SIGHUP. Unlike the C m2sh, start runs this package's own mongrel2 (never the
// one on PATH), and -every acts on every matching server (decision 12).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Command, CommandLine, Io } from '../io.js';
import { logErr } from '../log.js';
import { cliPath, option } from '../options.js';
import { PidFile, processAlive } from '../../process/pid-file.js';
import { withDb } from './db-access.js';

/** Our own mongrel2 launcher, resolved from this package (never from PATH). */
export const MONGREL2_BIN = fileURLToPath(new URL('../../../bin/mongrel2.js', import.meta.url));

/**
 * Node flags our server runs with: a young generation of at least 16 MiB. A handler request leaves ~5 KB of garbage
 * that dies young; V8 sizes the young generation by survival, which stays low, so it stayed small and the server
 * scavenged every ~500 requests, paused ~4% of its wall time (--trace-gc) while wrk and the handler waited on it;
 * with this, every ~2,800. In alternating A/B bench runs our server CPU per handler request went from 0.59–0.71× C's
 * (median 0.66) to 0.56–0.68× (median 0.59), for ~20 MB more RSS under load (100 → 119 MB; 4 MB more idle). V8
 * reads it at start-up only: it must be on node's command line (v8.setFlagsFromString comes too late, and
 * NODE_OPTIONS refuses it).
 */
export const MONGREL2_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];

/** The node arguments that run our server with `args` (config database, server uuid). */
export function mongrel2Argv(...args: string[]): string[] {
  return [...MONGREL2_NODE_FLAGS, MONGREL2_BIN, ...args];
}

/** A server row as the selector options pick it. */
export interface ServerSel { id: number; uuid: string; name: string; chroot: string; pid_file: string }

/** The servers a command line selects, or an exit code after logging why there are none. */
export function select(cmd: CommandLine, io: Io, db: Database.Database): ServerSel[] | number {
  const every = option(cmd, io, 'every');
  const name = option(cmd, io, 'name');
  const host = option(cmd, io, 'host');
  const uuid = option(cmd, io, 'uuid');
  if ([every, name, host, uuid].filter((v) => v !== undefined).length !== 1) {
    logErr(io, 'You must give either --every, --name, --host, or --uuid');
    return 255;
  }
  const cols = 'SELECT id, uuid, name, chroot, pid_file FROM server';
  const rows = (every !== undefined ? db.prepare(`${cols} ORDER BY id`).all()
    : name !== undefined ? db.prepare(`${cols} WHERE name = ? ORDER BY id`).all(name)
      : host !== undefined ? db.prepare(`${cols} WHERE default_host = ? ORDER BY id`).all(host)
        : db.prepare(`${cols} WHERE uuid = ? ORDER BY id`).all(uuid)) as ServerSel[];
  if (rows.length === 0) {
    logErr(io, 'No servers matched the description.');
    return 255;
  }
  return rows;
}

/** The PID file m2sh reads for a server: the literal concatenation chroot + pid_file, from m2sh's directory. */
export function pidFileOf(io: Io, s: ServerSel): PidFile {
  return new PidFile(resolve(io.cwd, `${s.chroot ?? ''}${s.pid_file ?? ''}`));
}

function withServers(cmd: CommandLine, io: Io, fn: (servers: ServerSel[], dbFile: string) => Promise<number> | number): Promise<number> | number {
  const dbFile = option(cmd, io, 'db') ?? 'config.sqlite';
  let selected: ServerSel[] | number = 255;
  const rc = withDb(io, dbFile, {}, (db) => {
    selected = select(cmd, io, db);
    return typeof selected === 'number' ? selected : 0;
  });
  if (rc !== 0 || typeof selected === 'number') return rc || 255;
  return fn(selected, dbFile);
}

function signalServers(cmd: CommandLine, io: Io, signal: (cmd: CommandLine) => NodeJS.Signals): Promise<number> | number {
  return withServers(cmd, io, (servers) => {
    let rc = 0;
    for (const s of servers) {
      const file = pidFileOf(io, s);
      const pid = file.read();
      if (pid === null) {
        logErr(io, `Couldn't read the PID from ${s.chroot}${s.pid_file}`);
        rc = 255;
        continue;
      }
      try {
        process.kill(pid, signal(cmd));
      } catch {
        logErr(io, `Failed to stop server with PID: ${pid}`);
        rc = 255;
      }
    }
    return rc;
  });
}

/** Starts the selected servers with this package's mongrel2 (with -sudo [CMD], through sudo). */
export const start: Command = {
  name: 'start',
  help: 'Starts a server.',
  run(cmd, io) {
    const sudo = option(cmd, io, 'sudo');
    return withServers(cmd, io, async (servers, dbFile) => {
      const codes = await Promise.all(servers.map((s) => new Promise<number>((done) => {
        const argv = [process.execPath, ...mongrel2Argv(cliPath(io, dbFile), s.uuid)];
        const [bin, ...rest] = sudo === undefined ? argv : [sudo === '' ? 'sudo' : sudo, ...argv];
        const child = spawn(bin!, rest, { cwd: io.cwd, stdio: 'inherit', env: { ...process.env, ...io.env } });
        child.on('error', (e) => {
          logErr(io, `Failed to run mongrel2: ${e.message}`);
          done(255);
        });
        child.on('exit', (code) => {
          if (code !== 0) logErr(io, `Mongrel2 returned exit code ${code ?? 'signal'}`);
          done(code === 0 ? 0 : 255);
        });
      })));
      return codes.every((c) => c === 0) ? 0 : 255;
    });
  },
};

/** Stops the selected servers: SIGINT, or SIGTERM with -murder. */
export const stop: Command = {
  name: 'stop',
  help: 'Stops a server.',
  run: (cmd, io) => signalServers(cmd, io, (c) => (c.options.has('murder') ? 'SIGTERM' : 'SIGINT')),
};

/** Reloads the selected servers (SIGHUP: re-read the config, reopen the logs). */
export const reload: Command = {
  name: 'reload',
  help: 'Reloads a server.',
  run: (cmd, io) => signalServers(cmd, io, () => 'SIGHUP'),
};

/** Tells whether the selected servers are running, by their PID files. */
export const running: Command = {
  name: 'running',
  help: "Tells you what's running.",
  run(cmd, io) {
    return withServers(cmd, io, (servers) => {
      for (const s of servers) {
        const pid = pidFileOf(io, s).read();
        if (pid === null) io.out("mongrel2 is not running because pid_file isn't there.\n");
        else io.out(processAlive(pid) ? `mongrel2 at PID ${pid} running.\n` : `mongrel2 at PID ${pid} is NOT running.\n`);
      }
      return 0;
    });
  },
};
