// The console's control-port client: reply decoding with the exact bytes of spec §4.4, the endpoint rules of
// §4.1 as the server applies them (main.ts), and real calls against a ControlPort serving a fake server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL_INVALID_ARGUMENT, serverFromRow, type Server } from '@m2/shared';
import { ControlPort } from '../../control/control-port.js';
import { fakeTarget } from '../../control/test-target.js';
import { openAdminContext } from '../context.js';
import { ApiError } from '../errors.js';
import { answerRecords, closeControlClients, controlCall, controlEndpointOf, decodeControlAnswer } from './control.js';

const enc = (s: string) => new TextEncoder().encode(s);
const UUID = 'f400bf85-4538-4f7a-8908-67e313d515c2';

describe('decodeControlAnswer (spec §4.4 OBSERVED replies)', () => {
  it.each([
    ['49:7:headers,7:4:time,]4:rows,18:14:10:1795304782,]]}', { kind: 'msg', values: { time: '1795304782' } }],
    [`75:7:headers,7:4:uuid,]4:rows,44:40:36:${UUID},]]}`, { kind: 'msg', values: { uuid: UUID } }],
    ['40:7:headers,9:6:status,]4:rows,8:5:2:OK,]]}', { kind: 'msg', values: { status: 'OK' } }],
    ['59:7:headers,6:3:msg,]4:rows,29:25:21:signal sent to server,]]}', { kind: 'msg', values: { msg: 'signal sent to server' } }],
    [CONTROL_INVALID_ARGUMENT, { kind: 'error', code: 'INVALID_ARGUMENT', message: 'Invalid argument type.' }],
    ["51:5:error,39:Expected argument what=['net'|'tasks'].,}", { kind: 'error', code: 'ERROR', message: "Expected argument what=['net'|'tasks']." }],
    ['4:junk,', { kind: 'invalid', problem: 'Server returned an invalid response, must be a dict.' }],
  ])('%s', (bytes, want) => {
    expect(decodeControlAnswer(enc(bytes))).toEqual(want);
  });

  it('keeps a one-row table of several columns (info) a table, with its integers', () => {
    const info = `260:7:headers,92:4:port,9:bind_addr,4:uuid,6:chroot,10:access_log,9:error_log,8:pid_file,16:default_hostname,]4:rows,142:137:5:16767#9:127.0.0.1,36:${UUID},2:./,16:/logs/access.log,15:/logs/error.log,17:/run/mongrel2.pid,9:localhost,]]}`;
    const answer = decodeControlAnswer(enc(info));
    expect(answer).toEqual({
      kind: 'table',
      headers: ['port', 'bind_addr', 'uuid', 'chroot', 'access_log', 'error_log', 'pid_file', 'default_hostname'],
      rows: [[16767, '127.0.0.1', UUID, './', '/logs/access.log', '/logs/error.log', '/run/mongrel2.pid', 'localhost']],
    });
    expect(answerRecords(answer as never)?.[0]).toMatchObject({ port: 16767, chroot: './' });
  });
});

const dir = mkdtempSync(join(tmpdir(), 'm2-console-ctl-'));
const ctx = openAdminContext({ dbPath: join(dir, 'config.sqlite'), cwd: dir });
afterAll(() => {
  closeControlClients(ctx);
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

function server(over: Partial<Server> = {}): Server {
  return {
    ...serverFromRow({
      id: 1, uuid: UUID, access_log: '/logs/access.log', error_log: '/logs/error.log', error_log_level: 2, chroot: './',
      pid_file: '/run/mongrel2.pid', control_port: '', default_host: 'localhost', name: 'main', bind_addr: '127.0.0.1', port: 6767, use_ssl: 0,
    }),
    ...over,
  };
}

describe('controlEndpointOf (spec §4.1, as main.ts binds it)', () => {
  it('defaults to ipc://run/control inside the chroot, resolved from the console directory', () => {
    expect(controlEndpointOf(ctx, server())).toBe(`ipc://${dir}/run/control`);
    expect(controlEndpointOf(ctx, server({ chroot: 'site/' }))).toBe(`ipc://${dir}/site/run/control`);
    expect(controlEndpointOf(ctx, server({ chroot: '' }))).toBe(`ipc://${dir}/run/control`);
  });

  it('puts an absolute ipc path of the row under the chroot, and leaves tcp alone', () => {
    expect(controlEndpointOf(ctx, server({ controlPort: 'ipc:///tmp/ctl' }))).toBe(`ipc://${dir}/tmp/ctl`);
    expect(controlEndpointOf(ctx, server({ chroot: '', controlPort: 'ipc:///tmp/ctl' }))).toBe('ipc:///tmp/ctl');
    expect(controlEndpointOf(ctx, server({ controlPort: 'tcp://127.0.0.1:9999' }))).toBe('tcp://127.0.0.1:9999');
  });

  it('takes the control_port setting when the row has none (the last row wins)', () => {
    ctx.db.prepare("INSERT INTO setting (key, value) VALUES ('control_port', 'ipc://a'), ('control_port', 'ipc://b')").run();
    try {
      expect(controlEndpointOf(ctx, server())).toBe(`ipc://${dir}/b`);
      expect(controlEndpointOf(ctx, server({ controlPort: 'ipc://c' }))).toBe(`ipc://${dir}/c`);
    } finally {
      ctx.db.prepare("DELETE FROM setting WHERE key = 'control_port'").run();
    }
  });
});

describe('controlCall against a real control port', () => {
  it('answers commands, queues concurrent calls on one socket, and maps errors', async () => {
    const s = server({ controlPort: 'ipc://run/ctl-a' });
    const port = new ControlPort(controlEndpointOf(ctx, s), fakeTarget(UUID), { error: () => {}, info: () => {} });
    await port.start();
    try {
      const [a, b, c] = await Promise.all([controlCall(ctx, s, 'uuid'), controlCall(ctx, s, 'time'), controlCall(ctx, s, 'kill', { id: 7 })]);
      expect(a).toEqual({ kind: 'msg', values: { uuid: UUID } });
      expect(b.kind).toBe('msg');
      expect(c).toEqual({ kind: 'error', code: 'INVALID_ARGUMENT', message: 'Invalid argument type.' });
      const net = await controlCall(ctx, s, 'status', { what: 'net' });
      expect(net).toMatchObject({ kind: 'table', rows: [[25, 29, 1, 0, 0, 0, 47, 0], [-1, 30, 1, 0, 0, 0, 51, 202]] });
    } finally {
      await port.stop();
    }
  });

  it('gives a 504 M2_ERR_API_CONTROL when nobody answers in time', async () => {
    const s = server({ controlPort: 'ipc://run/nobody' });
    const err = await controlCall(ctx, s, 'uuid', {}, 200).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 504, code: 'M2_ERR_API_CONTROL' });
    expect((err as Error).message).toContain(`ipc://${dir}/run/nobody within 200 ms`);
  });
});
