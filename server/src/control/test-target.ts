// A stand-in for the running server behind a control port, for tests of the port and of `m2sh control`:
// fixed identity (the values of spec §4.4's OBSERVED replies), two connections, two tasks, and a record of
// every kill and signal it was asked for.
import type { ControlTarget } from './commands.js';

type Conn = ReturnType<ControlTarget['connections']> extends Iterable<infer C> ? C : never;

/** A ControlTarget that records what it was asked to do. */
export interface FakeTarget extends ControlTarget {
  /** Every id `kill` was called with, known or not. */
  killed: number[];
  /** Every signal raised, in order. */
  signals: string[];
  /** When true, `info` throws (to exercise CALLBACK_RETURN). */
  failInfo: boolean;
  /** `n` made-up connections, ids 0..n-1, for load tests. */
  many(n: number): Iterable<Conn>;
}

/** A fake server with `uuid`; connection 25 is the only one `kill` knows. */
export function fakeTarget(uuid: string): FakeTarget {
  const t: FakeTarget = {
    killed: [],
    signals: [],
    failInfo: false,
    uuid: () => uuid,
    info() {
      if (t.failInfo) throw new Error('no server loaded');
      return {
        port: 16767, bindAddr: '127.0.0.1', uuid, chroot: './', accessLog: '/logs/access.log',
        errorLog: '/logs/error.log', pidFile: '/run/mongrel2.pid', defaultHostname: 'localhost',
      };
    },
    connections: () => [
      { id: 25, fd: 29, type: 1, lastPing: 0, lastRead: 0, lastWrite: 0, bytesRead: 47, bytesWritten: 0 },
      { id: -1, fd: 30, type: 1, lastPing: 0, lastRead: 0, lastWrite: 0, bytesRead: 51, bytesWritten: 202 },
    ],
    tasks: () => [
      { id: 1, system: true, name: 'control', state: 'waiting', status: 'running' },
      { id: 2, system: false, name: 'http', state: 'read', status: 'idle' },
    ],
    kill(id) {
      t.killed.push(id);
      return id === 25;
    },
    signal(sig) {
      t.signals.push(sig);
    },
    *many(n) {
      for (let i = 0; i < n; i++) {
        yield { id: i, fd: 100 + i, type: i % 4, lastPing: 3, lastRead: 5, lastWrite: 7, bytesRead: 4096, bytesWritten: 81920 };
      }
    },
  };
  return t;
}
