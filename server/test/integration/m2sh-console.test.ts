// `m2sh console` as a real child process (our m2sh, server/bin/m2sh.js — never Debian's C m2sh, which has no
// console): it prints `console on URL` once it listens on the loopback, creates the first admin (a generated
// password printed once; M2_ADMIN_PASSWORD never printed), answers /api/health without a session and /api
// routes only with one, and exits 0 on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/c-mongrel2.js';
import { OUR_M2SH, tempDir } from '../helpers/processes.js';

let proc: ChildProcess | null = null;
let site: { dir: string; cleanup: () => void } | null = null;

afterEach(() => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  site?.cleanup();
});

function startConsole(port: number, env: Record<string, string> = {}): Promise<{ out: () => string }> {
  site = tempDir('m2-console-');
  let out = '';
  proc = spawn(process.execPath, [OUR_M2SH, 'console', '-db', join(site.dir, 'config.sqlite'), '-port', String(port)], { cwd: site.dir, env: { ...process.env, ...env } });
  proc.stdout!.on('data', (d) => { out += String(d); });
  proc.stderr!.on('data', (d) => { out += String(d); });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('console on ')) { clearInterval(timer); resolve({ out: () => out }); }
      if (proc!.exitCode !== null) { clearInterval(timer); reject(new Error(`m2sh console exited: ${out}`)); }
    }, 50);
  });
}

describe('m2sh console', () => {
  it('listens on 127.0.0.1, prints a generated admin password once, and serves the API', async () => {
    const port = await freePort();
    const { out } = await startConsole(port);
    const lines = out().trim().split('\n');
    expect(lines[0]).toMatch(/^console admin password: [A-Za-z0-9_-]{24,}$/);
    expect(lines[1]).toBe(`console on http://127.0.0.1:${port}`);
    const password = lines[0]!.split(': ')[1]!;
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/servers`)).status).toBe(401);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`http://127.0.0.1:${port}/api/servers`, { headers: { cookie } })).status).toBe(200);
    const exited = new Promise<number | null>((r) => proc!.on('exit', (code) => r(code)));
    proc!.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('never prints M2_ADMIN_PASSWORD and refuses a bad -port', async () => {
    const port = await freePort();
    const { out } = await startConsole(port, { M2_ADMIN_PASSWORD: 'from-the-environment-1' });
    expect(out()).toBe(`console on http://127.0.0.1:${port}\n`);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'from-the-environment-1' }) });
    expect(signIn.status).toBe(200);
    proc!.kill('SIGTERM');
    const bad = spawn(process.execPath, [OUR_M2SH, 'console', '-db', 'x.sqlite', '-port', 'eighty'], { cwd: site!.dir });
    let err = '';
    bad.stderr.on('data', (d) => { err += String(d); });
    expect(await new Promise((r) => bad.on('exit', r))).toBe(255);
    expect(err).toContain("-port must be a number from 0 to 65535, not 'eighty'");
  }, 30_000);
});
