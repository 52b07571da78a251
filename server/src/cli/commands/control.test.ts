// `m2sh control` against a real ControlPort with a fake server behind it: server selection, where it connects
// (decision 12), the exact text of every kind of reply, usage errors, timeouts, and a differential run of the
// reference C m2sh (Mongrel2 1.12.2) on the same lines, comparing stdout byte for byte.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTns, type TnsValue } from '@m2/shared';
import { openConfigDb } from '../../config/db.js';
import { parseControlLine, renderControlReply } from '../../control/client.js';
import { ControlPort } from '../../control/control-port.js';
import { fakeTarget } from '../../control/test-target.js';
import { parseCommandLine } from '../args.js';
import { memoryIo } from '../test-io.js';
import { control, controlSession } from './control.js';

const UUID = 'f400bf85-4538-4f7a-8908-67e313d515c2';
const dir = mkdtempSync(join(tmpdir(), 'm2-ctlcli-'));
const quiet = { error: () => {}, info: () => {} };
const target = fakeTarget(UUID);
const port = new ControlPort(`ipc://${join(dir, 'srv', 'run', 'control')}`, target, quiet);
const LINES = ['help', 'status what=net', 'status what=tasks', 'info', 'uuid', 'kill id=25', 'kill id=x', 'status what=foo',
  'version', 'stop', 'kill id', ''];

beforeAll(() => {
  const { db } = openConfigDb(join(dir, 'config.sqlite'), { create: true });
  const add = db.prepare(`INSERT INTO server (uuid, access_log, error_log, pid_file, chroot, default_host, name, port,
    control_port) VALUES (?, '/logs/access.log', '/logs/error.log', '/run/mongrel2.pid', ?, 'localhost', ?, 16767, ?)`);
  add.run(UUID, join(dir, 'srv'), 'main', '');
  add.run('other-uuid', 'rel', 'other', 'ipc://ctl/sock');
  add.run('tcp-uuid', '', 'viatcp', 'tcp://127.0.0.1:1');
  db.close();
  return port.start();
});
afterAll(async () => {
  await port.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function m2sh(args: string[], lines: string[]) {
  const io = memoryIo(dir, {}, lines);
  const status = await control.run(parseCommandLine(['control', ...args]), io);
  return { status, stdout: io.stdout, stderr: io.stderr.replace(/^.* GMT /gm, '') };
}

describe('m2sh control', () => {
  it('prints every kind of reply as m2sh does', async () => {
    const r = await m2sh(['-db', 'config.sqlite', '-name', 'main'], LINES);
    const p = 'm2 [main]> ';
    expect(r.stdout).toBe(p + 'name  help  \nstop  stop the server (SIGINT)  \nreload  reload the server  \n'
      + 'help  this command  \ncontrol_stop  stop control port  \nkill  kill a connection  \n'
      + "status  status, what=['net'|'tasks']  \nterminate  terminate the server (SIGTERM)  \n"
      + "time  the server's time  \nuuid  the server's uuid  \ninfo  information about this server  \n\n"
      + p + 'id  fd  type  last_ping  last_read  last_write  bytes_read  bytes_written  \n'
      + '25  29  1  0  0  0  47  0  \n-1  30  1  0  0  0  51  202  \n\n'
      + p + 'id  system  name  state  status  \n1  true  control  waiting  running  \n2  false  http  read  idle  \n\n'
      + p + 'port:  16767\nbind_addr:  127.0.0.1\nuuid:  ' + UUID + '\nchroot:  ./\naccess_log:  /logs/access.log\n'
      + 'error_log:  /logs/error.log\npid_file:  /run/mongrel2.pid\ndefault_hostname:  localhost\n'
      + p + 'uuid:  ' + UUID + '\n'
      + p + 'status:  OK\n'
      + p + 'ERROR: Invalid argument type.\n'
      + p + "ERROR: Expected argument what=['net'|'tasks'].\n"
      + p + 'ERROR: Callback requested was not found.\n'
      + p + 'msg:  signal sent to server\n'
      + p + p + p);
    expect(r.stderr).toBe(`[INFO] (errno: None) Connecting to control port ipc://${join(dir, 'srv', 'run', 'control')}\n`
      + '[ERROR] (errno: None) USAGE: command arg1=val1 arg2=val2\n[ERROR] (errno: None) Invalid command, try again.\n');
    expect(r.status).toBe(0);
    expect(target.killed).toContain(25);
    expect(target.signals).toContain('SIGINT');
  });

  it('leaves on exit or quit, and answers uuid by -uuid and -host too', async () => {
    expect((await m2sh(['-uuid', UUID], ['uuid', 'exit', 'uuid'])).stdout).toBe(`m2 [main]> uuid:  ${UUID}\nm2 [main]> `);
    expect((await m2sh(['-host', 'localhost', '-name', 'x'], [])).stderr).toContain('You must give either --every, --name, --host, or --uuid');
  });

  it('refuses several servers, none, and a missing database', async () => {
    const every = await m2sh(['-every'], ['uuid']);
    expect(every.stderr).toContain('Ambiguous server select, expected 1 but got 3.');
    expect([every.status, every.stdout]).toEqual([255, '']);
    expect((await m2sh(['-name', 'nope'], [])).stderr).toContain('No servers matched the description.');
    expect((await m2sh(['-db', 'missing.sqlite', '-name', 'main'], [])).status).toBe(255);
  });

  it('connects to the configured control_port, inside the chroot', async () => {
    const rel = await m2sh(['-name', 'other'], []);
    expect(rel.stderr).toContain(`Connecting to control port ipc://${join(dir, 'rel', 'ctl', 'sock')}\n`);
    expect((await m2sh(['-name', 'viatcp'], [])).stderr).toContain('Connecting to control port tcp://127.0.0.1:1\n');
  });

  it('says when nobody answers, then carries on with a fresh socket', async () => {
    const endpoint = `ipc://${join(dir, 'late', 'control')}`;
    const late = new ControlPort(endpoint, fakeTarget(UUID), quiet);
    const io = memoryIo(dir, {}, []);
    io.input = (async function* () {
      yield 'uuid';
      await late.start();
      yield 'uuid';
    })();
    expect(await controlSession(io, endpoint, 'late', 300)).toBe(0);
    await late.stop();
    expect(io.stdout).toBe(`m2 [late]> ERROR: no answer from ${endpoint} (is the server running?)\n`
      + `m2 [late]> uuid:  ${UUID}\nm2 [late]> `);
  });

  it('refuses a malformed endpoint up front', async () => {
    const io = memoryIo(dir, {}, ['uuid']);
    expect(await controlSession(io, 'bogus://nowhere', 'x', 300)).toBe(255);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/\[ERROR\] \(errno: None\) Failed to connect to control port bogus:\/\/nowhere: /);
  });

  it('matches the C m2sh byte for byte on the same lines', async () => {
    if (!existsSync('/usr/bin/m2sh')) throw new Error('/usr/bin/m2sh is missing: apt-get install -y mongrel2-core');
    const lines = LINES.filter((l) => l !== 'stop' && l !== 'kill id' && l !== '');
    const ours = await m2sh(['-name', 'main'], [...lines]);
    // Asynchronously: the control port answering it lives in this very process.
    const c = spawn('/usr/bin/m2sh', ['control', '-db', 'config.sqlite', '-name', 'main'],
      { cwd: dir, env: { PATH: '/usr/bin:/bin', TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    c.stdout.on('data', (d) => (stdout += String(d)));
    c.stdin.end(lines.join('\n') + '\n');
    const status = await new Promise((done) => c.once('exit', done));
    expect(status).toBe(0);
    expect(ours.stdout.split('m2 [main]> ').join('')).toBe(stdout);
  });
});

describe('lines and replies', () => {
  it('parses lines like parse_input, pairing keys and values', () => {
    expect(parseControlLine('kill id=25')).toEqual({ name: 'kill', args: new Map([['id', 25]]) });
    expect(parseControlLine('  status\twhat = net ')).toEqual({ name: 'status', args: new Map([['what', 'net']]) });
    expect(parseControlLine('x a=-3 b=1-2 c=007 d=99999999999999999999')).toEqual({
      name: 'x', args: new Map<string, unknown>([['a', -3], ['b', '1-2'], ['c', 7], ['d', '99999999999999999999']]),
    });
    expect(parseControlLine('kill id')).toBeNull();
  });
  it('complains about replies that are not tables', () => {
    expect(renderControlReply('junk')).toEqual({ out: '', errors: ['Server returned an invalid response, must be a dict.'] });
    const table = (headers: TnsValue[], rows: TnsValue[]) => renderTns(new Map<string, TnsValue>([['headers', headers], ['rows', rows]]));
    expect(renderControlReply(table(['a'], []))).toEqual({ out: 'a  \n\n', errors: [] });
    expect(renderControlReply(table(['a', 'b'], [[1]])))
      .toEqual({ out: '', errors: ["Server returned a bad result, names isn't same length as elements."] });
    expect(renderControlReply(table(['a', 'b'], [[1.5, null], [true, ['x']], [2]])).out)
      .toBe('a  b  \n1.500000  (null)  \ntrue  NA  \n2  NA  \n\n');
    expect(renderControlReply(table(['a', 1], [[1], [2]]))).toEqual({ out: 'a  ', errors: ['Headers should be strings, not: #'] });
    expect(renderControlReply(table(['a'], ['x', 'y']))).toEqual({ out: 'a  \n', errors: ['Invalid query results, probably not in table format.'] });
    expect(renderControlReply(renderTns(new Map([['error', 'bad'], ['code', 'X']])))).toEqual({ out: 'ERROR: bad\n', errors: [] });
  });
});
