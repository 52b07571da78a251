// A server's process state from its PID file (spec §9), where its files are, zombies, and what a failed start
// quotes from its output.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverFromRow, type Server } from '@m2/shared';
import { openAdminContext } from '../context.js';
import { launchOutputTail } from './launch-output.js';
import { isLive, isZombie, waitGone } from './liveness.js';
import { serverProcessState } from './process.js';
import { serverFile } from './servers.js';

const dir = mkdtempSync(join(tmpdir(), 'm2-proc-'));
const ctx = openAdminContext({ dbPath: join(dir, 'config.sqlite'), cwd: dir });
afterAll(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});
mkdirSync(join(dir, 'run'));

const server = (over: Partial<Server> = {}): Server => ({
  ...serverFromRow({
    id: 1, uuid: 'p-1', access_log: '/logs/access.log', error_log: '/logs/error.log', error_log_level: 2, chroot: './',
    pid_file: '/run/m.pid', control_port: '', default_host: 'localhost', name: 'main', bind_addr: '127.0.0.1', port: 6767, use_ssl: 0,
  }),
  ...over,
});

describe('serverFile', () => {
  it('puts configured paths inside the chroot, or takes them as given without one', () => {
    expect(serverFile(ctx, server(), '/run/m.pid')).toBe(join(dir, 'run/m.pid'));
    expect(serverFile(ctx, server({ chroot: 'site' }), 'run/m.pid')).toBe(join(dir, 'site/run/m.pid'));
    expect(serverFile(ctx, server({ chroot: '/srv/x' }), '/logs/a.log')).toBe('/srv/x/logs/a.log');
    expect(serverFile(ctx, server({ chroot: '' }), 'run/m.pid')).toBe(join(dir, 'run/m.pid'));
    expect(serverFile(ctx, server({ chroot: '' }), '/var/run/m.pid')).toBe('/var/run/m.pid');
  });
});

describe('serverProcessState', () => {
  const pidFile = join(dir, 'run', 'm.pid');

  it('is not running without a PID file, with garbage in it, or with a dead PID', async () => {
    expect(serverProcessState(ctx, server())).toEqual({ running: false, pid: null, pidFile });
    writeFileSync(pidFile, 'nonsense');
    expect(serverProcessState(ctx, server()).running).toBe(false);
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => child.once('exit', r));
    writeFileSync(pidFile, String(child.pid));
    expect(serverProcessState(ctx, server())).toEqual({ running: false, pid: null, pidFile });
    writeFileSync(pidFile, String(process.pid)); // the console itself is never the server
    expect(serverProcessState(ctx, server()).running).toBe(false);
  });

  it('is running while the PID names a live process, and a zombie counts as gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const pid = child.pid!;
    try {
      writeFileSync(pidFile, String(pid));
      expect(serverProcessState(ctx, server())).toEqual({ running: true, pid, pidFile });
      expect(isZombie(pid)).toBe(false);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
    expect(await waitGone(pid, 3000)).toBe(true);
    expect(isLive(pid)).toBe(false);
    expect(serverProcessState(ctx, server()).running).toBe(false);
  });
});

describe('launchOutputTail', () => {
  it('quotes the last non-empty lines written since the start began', () => {
    const f = join(dir, 'out.log');
    writeFileSync(f, 'old line\n');
    const offset = 9;
    appendFileSync(f, 'one\n\ntwo\nthree\n');
    expect(launchOutputTail({ path: f, offset })).toEqual(['one', 'two', 'three']);
    expect(launchOutputTail({ path: f, offset }, 2)).toEqual(['two', 'three']);
    expect(launchOutputTail({ path: join(dir, 'none'), offset: 0 })).toEqual([]);
  });
});
