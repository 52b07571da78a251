// Starting and stopping a server's process from the console, the way m2sh start/stop do (cli/commands/running.ts,
// spec §9): the PID file (chroot + pid_file) says which process is the server; stop sends SIGINT (SIGTERM with
// murder) and waits; start runs this package's own mongrel2 (never the C one on PATH) as
// `mongrel2 <db> <uuid>` from the console's directory, detached so the console can die without taking it along,
// and waits until it is serving: its PID file names a live process and its control port answers.
import { spawn } from 'node:child_process';
import { closeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiErr, type Server } from '@m2/shared';
import { mongrel2Argv } from '../../cli/commands/running.js';
import { PidFile } from '../../process/pid-file.js';
import type { AdminContext } from '../context.js';
import { ApiError } from '../errors.js';
import { controlCall, controlEndpointOf } from './control.js';
import { launchOutputTail, openLaunchOutput, type LaunchOutput } from './launch-output.js';
import { isLive, signalProcess, waitGone } from './liveness.js';
import { serverFile, serverLabel } from './servers.js';

/** How long a start or a graceful stop may take before the console gives up on it. */
export const PROCESS_WAIT_MS = 10_000;

/** A server's process as its PID file tells it. */
export interface ProcessState {
  running: boolean;
  /** The live process's PID; null when not running. */
  pid: number | null;
  /** The PID file (absolute). */
  pidFile: string;
}

/** The server's process state: running when its PID file names a live process. */
export function serverProcessState(ctx: AdminContext, server: Server): ProcessState {
  const pidFile = serverFile(ctx, server, server.pidFile);
  const pid = new PidFile(pidFile).read();
  const running = pid !== null && isLive(pid);
  return { running, pid: running ? pid : null, pidFile };
}

const busy = new WeakMap<AdminContext, Set<number>>();

/** Runs `fn` unless a start, stop or restart of the same server is already under way (409 then). */
async function exclusive<T>(ctx: AdminContext, server: Server, fn: () => Promise<T>): Promise<T> {
  let set = busy.get(ctx);
  if (!set) busy.set(ctx, (set = new Set()));
  if (set.has(server.id)) throw new ApiError(409, ApiErr.BUSY, `a start or stop of server ${serverLabel(server)} is already under way`);
  set.add(server.id);
  try {
    return await fn();
  } finally {
    set.delete(server.id);
  }
}

function failure(server: Server, what: string, out: LaunchOutput): ApiError {
  const tail = launchOutputTail(out);
  const said = tail.length > 0 ? `; its output (${out.path}) ends with:\n${tail.join('\n')}` : '';
  return new ApiError(500, ApiErr.CONTROL, `server ${serverLabel(server)} did not start: ${what}${said}`);
}

async function launch(ctx: AdminContext, server: Server): Promise<{ pid: number }> {
  const state = serverProcessState(ctx, server);
  if (state.running) throw new ApiError(409, ApiErr.CONFLICT, `server ${serverLabel(server)} is already running (PID ${state.pid})`);
  const out = openLaunchOutput(ctx, server);
  const env = { ...process.env };
  delete env.M2_DAEMON_CHILD;
  const seen: { error: Error | null; exit: { code: number | null; signal: NodeJS.Signals | null } | null } = { error: null, exit: null };
  let childPid: number | undefined;
  try {
    const child = spawn(process.execPath, mongrel2Argv(resolve(ctx.cwd, ctx.dbPath), server.uuid), {
      cwd: ctx.cwd, detached: true, stdio: ['ignore', out.fd, out.fd], env,
    });
    child.once('error', (e) => (seen.error = e));
    child.once('exit', (code, signal) => (seen.exit = { code, signal }));
    child.unref();
    childPid = child.pid;
  } finally {
    closeSync(out.fd);
  }
  const deadline = Date.now() + PROCESS_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (seen.error) throw failure(server, `mongrel2 could not be run: ${seen.error.message}`, out);
    const ended = seen.exit;
    // A daemonizing server's launcher exits 0 once the real server serves (main.ts runDaemon): keep looking.
    if (ended && (ended.code !== 0 || ended.signal)) {
      throw failure(server, ended.signal ? `mongrel2 was killed by ${ended.signal}` : `mongrel2 exited with code ${ended.code}`, out);
    }
    const now = serverProcessState(ctx, server);
    if (now.pid === null) continue;
    try {
      await controlCall(ctx, server, 'uuid', {}, 500);
      return { pid: now.pid };
    } catch {
      /* not answering yet */
    }
  }
  const now = serverProcessState(ctx, server);
  if (now.pid !== null) {
    throw failure(server, `it runs as PID ${now.pid} but its control port ${controlEndpointOf(ctx, server)} did not answer within ${PROCESS_WAIT_MS / 1000} s`, out);
  }
  // Stuck before writing its PID file: end it, or nothing could stop it later (stop goes by the PID file).
  const stuck = childPid !== undefined && seen.exit === null && isLive(childPid);
  if (stuck) signalProcess(childPid!, 'SIGKILL');
  throw failure(server, `no live process was named in ${now.pidFile} within ${PROCESS_WAIT_MS / 1000} s${stuck ? ` (PID ${childPid} was killed)` : ''}`, out);
}

async function halt(ctx: AdminContext, server: Server, murder: boolean): Promise<void> {
  const state = serverProcessState(ctx, server);
  if (state.pid === null) throw new ApiError(409, ApiErr.NOT_RUNNING, `server ${serverLabel(server)} is not running`);
  const pid = state.pid;
  signalProcess(pid, murder ? 'SIGTERM' : 'SIGINT');
  if (await waitGone(pid, PROCESS_WAIT_MS)) return;
  // A second signal during a graceful stop is Mongrel2's "ASSUMING MURDER": it exits at once.
  signalProcess(pid, 'SIGTERM');
  if (await waitGone(pid, 2000)) return;
  signalProcess(pid, 'SIGKILL');
  if (await waitGone(pid, 2000)) return;
  throw new ApiError(500, ApiErr.CONTROL, `server ${serverLabel(server)} (PID ${pid}) did not exit, even after SIGKILL`);
}

/** Starts the server and resolves with its PID once it serves; 409 when it already runs, 500 with the reason
 *  (exit code, the last lines of its output) when it does not come up. */
export function startServer(ctx: AdminContext, server: Server): Promise<{ pid: number }> {
  return exclusive(ctx, server, () => launch(ctx, server));
}

/** Stops the server (SIGINT, or SIGTERM with murder), escalating when it does not exit; 409 when not running. */
export function stopServer(ctx: AdminContext, server: Server, opts: { murder?: boolean } = {}): Promise<void> {
  return exclusive(ctx, server, () => halt(ctx, server, opts.murder === true));
}

/** Stops the server if it runs, then starts it. */
export function restartServer(ctx: AdminContext, server: Server): Promise<{ pid: number }> {
  return exclusive(ctx, server, async () => {
    if (serverProcessState(ctx, server).running) await halt(ctx, server, false);
    return launch(ctx, server);
  });
}
