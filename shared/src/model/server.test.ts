// The server schema against values from the corpus configs and a row exactly as the C m2sh writes it
// (m2sh load of corpus/configs/configs_sample.conf; 1.12.2 has no error_log_level column, 1.13 writes 2).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  serverFromRow, serverInputSchema, serverSchema, serverToRow, type Server, type ServerRow,
} from './server.js';

const sampleRow: ServerRow = {
  id: 1, uuid: 'f400bf85-4538-4f7a-8908-67e313d515c2', access_log: '/logs/access.log', error_log: '/logs/error.log',
  error_log_level: 2, chroot: './', pid_file: '/run/mongrel2.pid', control_port: '', default_host: 'localhost',
  name: 'test', bind_addr: '0.0.0.0', port: 6767, use_ssl: 0,
};

const sample: Server = {
  id: 1, uuid: 'f400bf85-4538-4f7a-8908-67e313d515c2', name: 'test', accessLog: '/logs/access.log',
  errorLog: '/logs/error.log', errorLogLevel: 2, chroot: './', pidFile: '/run/mongrel2.pid', controlPort: '',
  defaultHost: 'localhost', bindAddr: '0.0.0.0', port: 6767, useSsl: 0,
};

// configs_complex.conf's server, as a client would send it (bind_addr, chroot defaults left out).
const complexInput = {
  uuid: '2f62bd5-9e59-49cd-993c-3b6013c28f05', accessLog: '/logs/access.log', errorLog: '/logs/error.log',
  pidFile: '/run/mongrel2.pid', defaultHost: 'mongrel2.org', name: 'main', port: 6767, chroot: './',
};

function errors(value: unknown): [string, string][] {
  const r = serverInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('server', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(serverFromRow(sampleRow)).toEqual(sample);
    expect(serverToRow(sample)).toEqual(sampleRow);
    expect(serverSchema.parse(sample)).toEqual(sample);
  });

  it('reads a 1.12 row without error_log_level, and a pre-1.9 one without control_port, with the defaults', () => {
    const { error_log_level: _l, control_port: _c, ...old } = sampleRow;
    expect(serverFromRow(old)).toEqual(sample);
    expect(serverFromRow({ ...sampleRow, error_log_level: null, control_port: null, name: null })).toEqual({ ...sample, name: '' });
  });

  it('round-trips values through rows', () => {
    const values: Server[] = [sample, { ...sample, id: 7, uuid: 'dev', name: 'dev', useSsl: 1, errorLogLevel: 3,
      controlPort: 'ipc://run/dev-control', bindAddr: '::1', chroot: '' }];
    for (const v of values) expect(serverFromRow(serverToRow(v))).toEqual(v);
  });

  it("fills in m2sh's defaults for what a client leaves out", () => {
    const parsed = serverInputSchema.parse(complexInput);
    expect(parsed).toEqual({ ...complexInput, errorLogLevel: 2, controlPort: '', bindAddr: '0.0.0.0', useSsl: 0 });
    expect(serverInputSchema.parse({ ...complexInput, chroot: undefined }).chroot).toBe('');
    expect(serverToRow(parsed)).not.toHaveProperty('id');
    expect(serverToRow(parsed).bind_addr).toBe('0.0.0.0');
  });

  it('accepts corpus and other real values', () => {
    for (const uuid of ['5', 'dev', 'e3ce7982-086f-4374-adde-bee320d509e6']) expect(errors({ ...complexInput, uuid })).toEqual([]);
    for (const bindAddr of ['127.0.0.1', '::', '::1', 'localhost', 'fe80::1%eth0']) expect(errors({ ...complexInput, bindAddr })).toEqual([]);
    for (const controlPort of ['', 'ipc://run/control', 'tcp://127.0.0.1:5555']) expect(errors({ ...complexInput, controlPort })).toEqual([]);
    expect(errors({ ...complexInput, id: 3 })).toEqual([]);
  });

  it.each([
    ['uuid', { uuid: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['uuid', { uuid: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['port', { port: 0 }, 'M2_ERR_MODEL_PORT'],
    ['port', { port: 65536 }, 'M2_ERR_MODEL_PORT'],
    ['port', { port: 80.5 }, 'M2_ERR_MODEL_PORT'],
    ['port', { port: '6767' }, 'M2_ERR_MODEL_TYPE'],
    ['bindAddr', { bindAddr: '' }, 'M2_ERR_MODEL_ADDRESS'],
    ['bindAddr', { bindAddr: '256.0.0.1' }, 'M2_ERR_MODEL_ADDRESS'],
    ['bindAddr', { bindAddr: '[::1]' }, 'M2_ERR_MODEL_ADDRESS'],
    ['bindAddr', { bindAddr: 'my host' }, 'M2_ERR_MODEL_ADDRESS'],
    ['defaultHost', { defaultHost: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['pidFile', { pidFile: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['accessLog', { accessLog: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['errorLog', { errorLog: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['chroot', { chroot: 'a\0b' }, 'M2_ERR_MODEL_INVALID'],
    ['chroot', { chroot: null }, 'M2_ERR_MODEL_TYPE'],
    ['errorLogLevel', { errorLogLevel: 4 }, 'M2_ERR_MODEL_LOG_LEVEL'],
    ['controlPort', { controlPort: 'run/control' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['useSsl', { useSsl: true }, 'M2_ERR_MODEL_FLAG'],
    ['id', { id: 0 }, 'M2_ERR_MODEL_ID'],
    ['matching', { matching: '(.*)' }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ ...complexInput, ...patch })).toEqual([[path, code]]);
  });

  it('reports every problem at once, with messages naming the field', () => {
    const r = serverInputSchema.safeParse({ ...complexInput, uuid: '', port: 0 });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(fieldErrors(r.error)).toEqual([
        { path: 'uuid', message: 'uuid must not be empty', code: 'M2_ERR_MODEL_EMPTY' },
        { path: 'port', message: 'port must be a whole number from 1 to 65535, not 0', code: 'M2_ERR_MODEL_PORT' },
      ]);
    }
  });

  it('types the resource as the API shows it', () => {
    expectTypeOf<Server>().toEqualTypeOf<{
      id: number; uuid: string; name: string; accessLog: string; errorLog: string; errorLogLevel: number; chroot: string;
      pidFile: string; controlPort: string; defaultHost: string; bindAddr: string; port: number; useSsl: 0 | 1;
    }>();
  });
});
