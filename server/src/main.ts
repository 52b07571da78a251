// The mongrel2 process entry (src/mongrel2.c, src/unixy.c): `mongrel2 <config.sqlite> <server_uuid>`.
// Startup order as Mongrel2's: load the config → bind the listener → PID file check → confine to the chroot →
// (daemonize) → write the PID file → drop privileges → open logs → serve. Signals: SIGINT/SIGTERM stop
// gracefully (a second one exits at once with the signal's number), SIGHUP reloads the configuration and
// reopens the logs (decision 13).
//
// Confinement: Node has no chroot(2) without a native addon, so a server with a `chroot` changes into that
// directory, resolves every configured path inside it (`/logs/x` → `<chroot>/logs/x`), and when started as root
// drops to the owner of the directory; Dir serving refuses anything outside its base on its own (decision 7).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderLogLine } from './cli/log.js';
import { VERSION } from './cli/commands/version.js';
import { ConfigDbError } from './config/db.js';
import { ServerConfigError } from './config/server-config.js';
import { AccessLog } from './log/access-log.js';
import { ErrorLog } from './log/error-log.js';
import { PidFile, serverPath } from './process/pid-file.js';
import { ControlPort, controlSpec, resolveControlEndpoint } from './control/control-port.js';
import { controlTargetOf, createRuntime, readServerConfig } from './runtime.js';

const stderr = (level: 'INFO' | 'WARN' | 'ERROR', msg: string) => process.stderr.write(renderLogLine(level, msg));

function die(message: string): never {
  stderr('ERROR', message);
  stderr('ERROR', 'Exiting due to error.');
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length < 2 || args.length > 3) die('usage: mongrel2 config.sqlite server_uuid [config_module.so]');
  if (args.length === 3) die(`config modules (${args[2]}) are C shared objects; this mongrel2 reads only SQLite config databases`);
  const dbPath = resolve(args[0]!);
  const uuid = args[1]!;

  let config;
  try {
    config = readServerConfig(dbPath, uuid);
  } catch (e) {
    if (e instanceof ServerConfigError) for (const p of e.problems) stderr('ERROR', p);
    else if (e instanceof ConfigDbError) stderr('ERROR', e.message);
    else throw e;
    stderr('ERROR', `Failed to load server ${uuid} from ${args[0]}`);
    die("Aborting since can't load server.");
  }
  const server = config.server;
  const root = server.chroot === '' ? process.cwd() : resolve(server.chroot);
  const daemonize = config.settings.int('server.daemonize') === 1 && process.env.M2_DAEMON_CHILD !== '1';
  if (daemonize) return runDaemon(args);

  const log = new ErrorLog(server.errorLogLevel);
  const accessLog = new AccessLog();
  const runtime = createRuntime({ dbPath, uuid, cwd: root, log, accessLog });
  try {
    await runtime.start();
  } catch (e) {
    die(`Can't announce on TCP port ${server.port}: ${(e as Error).message}`);
  }

  const pid = new PidFile(serverPath(server.chroot, root, server.pidFile));
  const running = pid.livePid();
  if (running !== null) die(`Process ${running} is still running, shut it down first.`);
  pid.removeStale();

  if (server.chroot !== '') {
    process.chdir(root);
    stderr('INFO', `Confined to ${root}.`);
  }
  pid.write();
  dropPrivileges(root);

  stderr('INFO', `-- Starting ${VERSION}. Copyright (C) Zed A. Shaw. Licensed BSD.`);
  stderr('INFO', `-- Look in ${server.errorLog} for startup messages and errors.`);
  try {
    log.open(serverPath(server.chroot, root, server.errorLog));
    accessLog.open(config.settings.int('disable.access_logging') === 1 ? null : serverPath(server.chroot, root, server.accessLog));
  } catch (e) {
    pid.remove();
    die(`Failed to open the logs: ${(e as Error).message}`);
  }
  // The control port (src/control.c): the server row's control_port, else the setting, else ipc://run/control.
  const endpoint = resolveControlEndpoint(controlSpec(server.controlPort, config.settings.raw('control_port')), root, server.chroot !== '');
  const control = new ControlPort(endpoint, controlTargetOf(runtime, (sig) => process.kill(process.pid, sig)), log);
  try {
    await control.start();
  } catch (e) {
    log.error(`Control port ${endpoint} not started: ${(e as Error).message}`);
  }
  log.info(`-- ${VERSION} Running. Copyright (C) Zed A. Shaw. Licensed BSD.`);
  if (process.send) {
    process.stderr.on('error', () => {}); // the parent stops reading our stderr once we are serving
    process.send({ ready: true });
  }

  let stopping = false;
  const terminate = (signal: NodeJS.Signals, code: number) => {
    if (stopping) {
      log.warn('SIGINT CAUGHT AGAIN, ASSUMING MURDER.');
      process.exit(code);
    }
    stopping = true;
    log.info(`Shutting down on ${signal}.`);
    void control.stop().then(() => runtime.stop()).then(() => {
      log.info(`Removing pid file ${server.pidFile}`);
      pid.remove();
      log.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => terminate('SIGINT', 2));
  process.on('SIGTERM', () => terminate('SIGTERM', 15));
  process.on('SIGHUP', () => {
    log.info('Reloading the configuration and rotating logs (SIGHUP).');
    runtime.reload();
  });
  process.on('SIGPIPE', () => {});
}

/** As root, drops to the owner of the chroot directory (Mongrel2's privilege drop). */
function dropPrivileges(root: string): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const st = statSync(root);
  if (st.uid === 0 && st.gid === 0) return;
  process.setgid!(st.gid);
  process.setuid!(st.uid);
  stderr('INFO', `Now running as UID:${st.uid}, GID:${st.gid}`);
}

/**
 * Node cannot fork, so daemonizing re-runs this program detached (stdio kept, as daemon(0, 1) keeps it) and
 * exits once the child is serving, or with the child's exit code when it fails to start.
 */
function runDaemon(args: string[]): void {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, M2_DAEMON_CHILD: '1' },
  });
  // Startup messages reach the caller; once the child serves, its diagnostics go to its error log and the
  // caller's terminal (or pipe) is let go, so whoever started it is not kept waiting on an open descriptor.
  child.stderr!.pipe(process.stderr, { end: false });
  child.once('message', () => {
    child.stderr!.unpipe(process.stderr);
    child.stderr!.destroy();
    child.disconnect();
    child.unref();
    process.exit(0);
  });
  child.once('exit', (code) => process.exit(code ?? 1));
}

await main();
