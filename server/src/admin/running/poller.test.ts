// The shared event poller: every client of a server gets the same events from one control call per tick, a
// state change is announced, and the last client to leave stops the polling. The "server" is a real control
// port serving a fake target, and a PID file naming a live child process this test starts and ends by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CONNECTIONS_MAX } from '@m2/shared';
import { ControlPort } from '../../control/control-port.js';
import { fakeTarget } from '../../control/test-target.js';
import { openAdminContext } from '../context.js';
import { closeControlClients, controlEndpointOf } from './control.js';
import { PollerHub, renderEvent } from './poller.js';
import { findServer } from './servers.js';

const dir = mkdtempSync(join(tmpdir(), 'm2-poll-'));
const ctx = openAdminContext({ dbPath: join(dir, 'config.sqlite'), cwd: dir });
let sleeper: ChildProcess;
let port: ControlPort;
let statusCalls = 0;
let many: number | null = null;

beforeAll(async () => {
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'logs'));
  ctx.db.prepare(`INSERT INTO server (id, uuid, access_log, error_log, chroot, pid_file, default_host, name, port)
    VALUES (1, 'poll-1', '/logs/access.log', '/logs/error.log', './', '/run/m.pid', 'localhost', 'main', 6767)`).run();
  sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  writeFileSync(join(dir, 'run', 'm.pid'), String(sleeper.pid));
  const target = fakeTarget('poll-1');
  const connections = target.connections;
  target.connections = () => {
    statusCalls++;
    return many === null ? connections() : target.many(many);
  };
  port = new ControlPort(controlEndpointOf(ctx, findServer(ctx, 1)!), target, { error: () => {}, info: () => {} });
  await port.start();
});

afterAll(async () => {
  if (sleeper.exitCode === null && sleeper.signalCode === null && sleeper.pid) process.kill(sleeper.pid, 'SIGKILL');
  await port.stop();
  closeControlClients(ctx);
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

function sink() {
  const texts: string[] = [];
  let closed = false;
  return { texts, get closed() { return closed; }, write: (t: string) => void texts.push(t), close: () => void (closed = true) };
}

const until = async (test: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('PollerHub', () => {
  it('renders events as SSE text', () => {
    expect(renderEvent('state', { running: true, pid: 7 })).toBe('event: state\ndata: {"running":true,"pid":7}\n\n');
  });

  it('shares one status call per tick between clients, announces a stop, and stops with the last client', async () => {
    const hub = new PollerHub(ctx, 100);
    const a = sink();
    const b = sink();
    const leaveA = hub.subscribe(1, a);
    const leaveB = hub.subscribe(1, b);
    await until(() => a.texts.filter((t) => t.startsWith('event: connections')).length >= 3);
    const conns = a.texts.find((t) => t.startsWith('event: connections'))!;
    expect(conns).toContain('"id":25,"fd":29,"type":1,"typeName":"HTTP"');
    expect(conns).toContain('"total":2}');
    expect(b.texts).toContain(conns);
    const perTick = a.texts.filter((t) => t.startsWith('event: connections')).length;
    expect(statusCalls).toBeLessThanOrEqual(perTick + 1);
    expect(a.texts.find((t) => t.startsWith('event: counters'))).toMatch(/"openConnections":2,"requestsTotal":0/);

    sleeper.kill('SIGKILL');
    await until(() => a.texts.includes(renderEvent('state', { running: false, pid: null })));
    leaveA();
    expect(hub.size).toBe(1);
    leaveB();
    expect(hub.size).toBe(0);
    const count = b.texts.length;
    await new Promise((r) => setTimeout(r, 250));
    expect(b.texts.length).toBe(count);
  });

  it('sends at most EVENT_CONNECTIONS_MAX connections an event, with the total', async () => {
    many = 10000;
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    writeFileSync(join(dir, 'run', 'm.pid'), String(sleeper.pid));
    const hub = new PollerHub(ctx, 100);
    const a = sink();
    const leave = hub.subscribe(1, a);
    try {
      await until(() => a.texts.some((t) => t.startsWith('event: connections')));
      const data = JSON.parse(a.texts.find((t) => t.startsWith('event: connections'))!.split('data: ')[1]!) as { connections: unknown[]; total: number };
      expect(data.total).toBe(10000);
      expect(data.connections).toHaveLength(EVENT_CONNECTIONS_MAX);
    } finally {
      leave();
      many = null;
    }
  });

  it('ends every stream when closed', () => {
    const hub = new PollerHub(ctx, 100);
    const a = sink();
    hub.subscribe(1, a);
    hub.closeAll();
    expect(a.closed).toBe(true);
    expect(hub.size).toBe(0);
  });
});
