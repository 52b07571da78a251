// The control port over real 0MQ sockets (a REQ client, as m2sh uses) on ipc:// and tcp:// endpoints: exact
// reply bytes for every command of spec §4.3, the error constants of §4.4 for bad input, and that the port keeps
// answering after each; plus the endpoint rules of §4.1 / decision 12.
import { existsSync, lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Request } from 'zeromq';
import {
  CONTROL_CALLBACK_NOT_FOUND, CONTROL_CALLBACK_RETURN, CONTROL_INVALID_ARGUMENT, CONTROL_INVALID_DATA,
  CONTROL_INVALID_REQUEST,
} from '@m2/shared';
import { ControlPort, controlSpec, resolveControlEndpoint, type ControlTarget } from './control-port.js';
import { fakeTarget } from './test-target.js';

const UUID = 'f400bf85-4538-4f7a-8908-67e313d515c2';
const dir = mkdtempSync(join(tmpdir(), 'm2-ctl-'));
const quiet = { error: () => {}, info: () => {} };

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as AddressInfo;
  await new Promise((ok) => srv.close(ok));
  return port;
}

async function ask(endpoint: string, frame: string | Uint8Array): Promise<string> {
  const req = new Request({ linger: 0, receiveTimeout: 3000 });
  req.connect(endpoint);
  try {
    await req.send(frame);
    const [reply] = await req.receive();
    return String(reply);
  } finally {
    req.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['ipc', 'tcp'])('a control port on %s://', (transport) => {
  const target = fakeTarget(UUID);
  let port: ControlPort;
  let endpoint = '';
  const call = (frame: string | Uint8Array) => ask(endpoint, frame);

  beforeAll(async () => {
    endpoint = transport === 'ipc' ? `ipc://${join(dir, 'run', 'control')}` : `tcp://127.0.0.1:${await freePort()}`;
    port = new ControlPort(endpoint, target, quiet);
    await port.start();
  });
  afterAll(() => port.stop());

  it('answers time, uuid, info and help', async () => {
    const now = Math.floor(Date.now() / 1000);
    const time = await call('10:4:time,0:}]\0');
    const t = /^(\d+):7:headers,7:4:time,\]4:rows,\d+:\d+:\d+:(\d+),\]\]\}$/.exec(time);
    expect(t).not.toBeNull();
    expect(Math.abs(Number(t![2]) - now)).toBeLessThanOrEqual(2);
    expect(await call('10:4:uuid,0:}]')).toBe(`75:7:headers,7:4:uuid,]4:rows,44:40:36:${UUID},]]}`);
    expect(await call('10:4:info,0:}]')).toBe('260:7:headers,92:4:port,9:bind_addr,4:uuid,6:chroot,10:access_log,'
      + '9:error_log,8:pid_file,16:default_hostname,]4:rows,142:137:5:16767#9:127.0.0.1,36:' + UUID
      + ',2:./,16:/logs/access.log,15:/logs/error.log,17:/run/mongrel2.pid,9:localhost,]]}');
    expect(await call('10:4:help,0:}]')).toBe('416:7:headers,14:4:name,4:help,]4:rows,376:'
      + '35:4:stop,24:stop the server (SIGINT),]30:6:reload,17:reload the server,]23:4:help,12:this command,]'
      + '37:12:control_stop,17:stop control port,]28:4:kill,17:kill a connection,]'
      + "41:6:status,28:status, what=['net'|'tasks'],]46:9:terminate,30:terminate the server (SIGTERM),]"
      + "28:4:time,17:the server's time,]28:4:uuid,17:the server's uuid,]40:4:info,29:information about this server,]]}");
  });

  it('answers status net and tasks', async () => {
    expect(await call('26:6:status,13:4:what,3:net,}]')).toBe('191:7:headers,86:2:id,2:fd,4:type,9:last_ping,'
      + '9:last_read,10:last_write,10:bytes_read,13:bytes_written,]4:rows,80:35:2:25#2:29#1:1#1:0#1:0#1:0#2:47#1:0#]'
      + '37:2:-1#2:30#1:1#1:0#1:0#1:0#2:51#3:202#]]}');
    expect(await call('28:6:status,15:4:what,5:tasks,}]')).toBe('145:7:headers,38:2:id,6:system,4:name,5:state,'
      + '6:status,]4:rows,82:41:1:1#4:true!7:control,7:waiting,7:running,]33:1:2#5:false!4:http,4:read,4:idle,]]}');
    expect(await call('26:6:status,13:4:what,3:foo,}]')).toBe("51:5:error,39:Expected argument what=['net'|'tasks'].,}");
    expect(await call('24:6:status,11:4:what,1:1#}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(await call('12:6:status,0:}]')).toBe(CONTROL_INVALID_ARGUMENT);
  });

  it('kills a known id and refuses bad, out-of-range and unknown ones', async () => {
    expect(await call('21:4:kill,10:2:id,2:25#}]')).toBe('40:7:headers,9:6:status,]4:rows,8:5:2:OK,]]}');
    expect(await call('19:4:kill,9:2:id,1:x,}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(await call('24:4:kill,13:2:id,5:70000#}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(await call('24:4:kill,13:2:id,5:65536#}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(await call('21:4:kill,10:2:id,2:-1#}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(await call('22:4:kill,11:2:id,3:1.5^}]')).toBe(CONTROL_INVALID_DATA); // C never parses floats
    expect(await call('21:4:kill,10:2:id,2:99#}]')).toBe(CONTROL_INVALID_ARGUMENT); // unknown id
    expect(await call('10:4:kill,0:}]')).toBe(CONTROL_INVALID_ARGUMENT);
    expect(target.killed).toEqual([25, 99]);
  });

  it('answers stop, reload and terminate, raising the signal after replying', async () => {
    const msg = '59:7:headers,6:3:msg,]4:rows,29:25:21:signal sent to server,]]}';
    expect(await call('10:4:stop,0:}]')).toBe(msg);
    expect(await call('12:6:reload,0:}]')).toBe(msg);
    expect(await call('15:9:terminate,0:}]')).toBe(msg);
    expect(target.signals).toEqual(['SIGINT', 'SIGHUP', 'SIGTERM']);
  });

  it('answers bad input with the fixed errors and keeps serving after each', async () => {
    const bad: [string | Uint8Array, string][] = [
      ['not a tnetstring', CONTROL_INVALID_DATA],
      [new Uint8Array(), CONTROL_INVALID_DATA],
      ['0:~', CONTROL_INVALID_DATA],
      ['13:4:what,3:net,}', CONTROL_INVALID_REQUEST],
      ['14:1:1#0:}4:time,]', CONTROL_INVALID_DATA],
      ['7:4:time,]', CONTROL_INVALID_DATA],
      ['13:7:version,0:}]', CONTROL_CALLBACK_NOT_FOUND],
      ['10:4:nope,0:}]', CONTROL_CALLBACK_NOT_FOUND],
      ['10:4:boom,0:}]', CONTROL_CALLBACK_NOT_FOUND],
    ];
    for (const [frame, reply] of bad) {
      expect(await call(frame)).toBe(reply);
      expect(await call('10:4:uuid,0:}]')).toContain(UUID);
    }
  });

  it('answers CALLBACK_RETURN when the server side throws, and goes on', async () => {
    target.failInfo = true;
    expect(await call('10:4:info,0:}]')).toBe(CONTROL_CALLBACK_RETURN);
    target.failInfo = false;
    expect(await call('10:4:info,0:}]')).toContain('localhost');
  });

  it('stops after control_stop, once the reply is out', async () => {
    expect(await call('19:12:control_stop,0:}]')).toBe('63:7:headers,6:3:msg,]4:rows,33:29:25:stopping the control port,]]}');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(port.running).toBe(false);
  });
});

describe('binding', () => {
  it('creates the ipc directory, replaces a stale socket file, refuses a live one or a plain file', async () => {
    const endpoint = `ipc://${join(dir, 'deep', 'er', 'control')}`;
    const first = new ControlPort(endpoint, fakeTarget(UUID), quiet);
    await first.start();
    expect(lstatSync(join(dir, 'deep', 'er', 'control')).isSocket()).toBe(true);
    await expect(new ControlPort(endpoint, fakeTarget(UUID), quiet).start()).rejects.toThrow(/in use/);
    await first.stop();
    const again = new ControlPort(endpoint, fakeTarget(UUID), quiet);
    await again.start();
    expect(await ask(endpoint, '10:4:uuid,0:}]')).toContain(UUID);
    await again.stop();
    writeFileSync(join(dir, 'plain'), 'keep me');
    const errors: string[] = [];
    const refused = new ControlPort(`ipc://${join(dir, 'plain')}`, fakeTarget(UUID), { error: (m) => errors.push(m), info: () => {} });
    await expect(refused.start()).rejects.toThrow(/not a socket/);
    expect(existsSync(join(dir, 'plain'))).toBe(true);
    expect(errors[0]).toMatch(/^Failed to bind control port to ipc:/);
  });

  it('answers status net for 10,000 connections', async () => {
    const target: ControlTarget = { ...fakeTarget(UUID), connections: () => fakeTarget(UUID).many(10_000) };
    const endpoint = `ipc://${join(dir, 'many')}`;
    const port = new ControlPort(endpoint, target, quiet);
    await port.start();
    const reply = await ask(endpoint, '26:6:status,13:4:what,3:net,}]');
    await port.stop();
    expect(reply.match(/\]/g)?.length).toBe(10_000 + 2);
    expect(reply.endsWith('1:7#4:4096#5:81920#]]}')).toBe(true);
  });
});

describe('endpoint selection (spec §4.1, decision 12)', () => {
  it('prefers the server column, then the setting, then ipc://run/control', () => {
    expect(controlSpec('tcp://127.0.0.1:9999', 'ipc://x')).toBe('tcp://127.0.0.1:9999');
    expect(controlSpec('', 'ipc://x')).toBe('ipc://x');
    expect(controlSpec(null, undefined)).toBe('ipc://run/control');
  });
  it('resolves ipc paths inside the chroot, leaves other transports alone', () => {
    expect(resolveControlEndpoint('ipc://run/control', '/srv/app', true)).toBe('ipc:///srv/app/run/control');
    expect(resolveControlEndpoint('ipc://run/control', '/home/me', false)).toBe('ipc:///home/me/run/control');
    expect(resolveControlEndpoint('ipc:///tmp/ctl', '/srv/app', true)).toBe('ipc:///srv/app/tmp/ctl');
    expect(resolveControlEndpoint('ipc:///tmp/ctl', '/home/me', false)).toBe('ipc:///tmp/ctl');
    expect(resolveControlEndpoint('tcp://127.0.0.1:5', '/srv/app', true)).toBe('tcp://127.0.0.1:5');
    expect(resolveControlEndpoint('ipc://@abstract', '/srv/app', true)).toBe('ipc://@abstract');
  });
});
