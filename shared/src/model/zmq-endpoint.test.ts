// parseZmqEndpoint as a table of good and bad vectors: the corpus handler specs, the control-port default, libzmq's
// other accepted forms (`*` host or port, bracketed IPv6, interface names), and each coded refusal.
import { describe, expect, it } from 'vitest';
import { IPC_PATH_MAX, parseZmqEndpoint, type ZmqEndpoint } from './zmq-endpoint.js';

const good: [string, ZmqEndpoint][] = [
  ['tcp://127.0.0.1:9999', { ok: true, transport: 'tcp', host: '127.0.0.1', port: 9999 }],
  ['tcp://127.0.0.1:9998', { ok: true, transport: 'tcp', host: '127.0.0.1', port: 9998 }],
  ['tcp://*:9997', { ok: true, transport: 'tcp', host: '*', port: 9997 }],
  ['tcp://*:*', { ok: true, transport: 'tcp', host: '*', port: '*' }],
  ['tcp://localhost:1', { ok: true, transport: 'tcp', host: 'localhost', port: 1 }],
  ['tcp://eth0:65535', { ok: true, transport: 'tcp', host: 'eth0', port: 65535 }],
  ['tcp://[::1]:5555', { ok: true, transport: 'tcp', host: '::1', port: 5555 }],
  ['tcp://::1:5555', { ok: true, transport: 'tcp', host: '::1', port: 5555 }],
  ['ipc://run/control', { ok: true, transport: 'ipc', path: 'run/control' }],
  ['ipc:///tmp/mongrel2-handler', { ok: true, transport: 'ipc', path: '/tmp/mongrel2-handler' }],
  ['ipc://@abstract', { ok: true, transport: 'ipc', path: '@abstract' }],
  ['inproc://handlers', { ok: true, transport: 'inproc', path: 'handlers' }],
];

const bad: [string, string, RegExp][] = [
  ['', 'EMPTY', /empty/],
  ['127.0.0.1:9999', 'TRANSPORT', /has no transport/],
  ['udp://127.0.0.1:9999', 'TRANSPORT', /transport 'udp'/],
  ['TCP://127.0.0.1:9999', 'TRANSPORT', /transport 'TCP'/],
  ['pgm://eth0;239.192.1.1:5555', 'TRANSPORT', /tcp, ipc or inproc/],
  ['tcp://127.0.0.1', 'PORT', /needs a port/],
  ['tcp://127.0.0.1:', 'PORT', /from 1 to 65535/],
  ['tcp://127.0.0.1:0', 'PORT', /from 1 to 65535/],
  ['tcp://127.0.0.1:65536', 'PORT', /from 1 to 65535/],
  ['tcp://127.0.0.1:99x', 'PORT', /from 1 to 65535/],
  ['tcp://127.0.0.1:-1', 'PORT', /from 1 to 65535/],
  ['tcp://:9999', 'HOST', /no host/],
  ['tcp://[127.0.0.1]:9999', 'HOST', /not \*/],
  ['tcp://my host:9999', 'HOST', /not \*/],
  ['tcp://999.1.1.1:9999', 'HOST', /not \*/],
  ['ipc://', 'PATH', /socket path/],
  ['inproc://', 'PATH', /needs a name/],
  ['ipc://a\0b', 'PATH', /NUL/],
  [`ipc://${'x'.repeat(IPC_PATH_MAX + 1)}`, 'PATH', /longer than 107 bytes/],
];

describe('parseZmqEndpoint', () => {
  it.each(good)('parses %s', (spec, expected) => {
    expect(parseZmqEndpoint(spec)).toEqual(expected);
  });

  it.each(bad)('refuses %j with %s', (spec, code, message) => {
    const r = parseZmqEndpoint(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(message);
    }
  });

  it('takes an ipc path of exactly the Unix socket limit', () => {
    expect(parseZmqEndpoint(`ipc://${'x'.repeat(IPC_PATH_MAX)}`).ok).toBe(true);
  });
});
