// The proxy schema: the corpus proxies (`Proxy(addr='127.0.0.1', port=8080)` and port 80), rows as m2sh writes
// them, and each refusal with its code.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import { proxyFromRow, proxyInputSchema, proxySchema, proxyToRow, type Proxy, type ProxyRow } from './proxy.js';

// `m2sh load` of configs_complex.conf.
const row: ProxyRow = { id: 1, addr: '127.0.0.1', port: 8080 };
const proxy: Proxy = { id: 1, addr: '127.0.0.1', port: 8080 };

function errors(value: unknown): [string, string][] {
  const r = proxyInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('proxy', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(proxyFromRow(row)).toEqual(proxy);
    expect(proxyToRow(proxy)).toEqual(row);
    expect(proxySchema.parse(proxy)).toEqual(proxy);
  });

  it('round-trips values through rows', () => {
    for (const v of [proxy, { id: 2, addr: 'backend.internal', port: 80 }, { id: 3, addr: '::1', port: 65535 }]) {
      expect(proxyFromRow(proxyToRow(v))).toEqual(v);
    }
  });

  it('accepts corpus and other real backends', () => {
    for (const addr of ['127.0.0.1', 'localhost', 'api.example.com', '10.0.0.2', '::1', '2001:db8::10']) {
      expect(errors({ addr, port: 80 })).toEqual([]);
    }
    expect(proxyToRow(proxyInputSchema.parse({ addr: '127.0.0.1', port: 8080 }))).toEqual({ addr: '127.0.0.1', port: 8080 });
  });

  it.each([
    ['addr', { addr: '' }, 'M2_ERR_MODEL_ADDRESS'],
    ['addr', { addr: 'http://127.0.0.1' }, 'M2_ERR_MODEL_ADDRESS'],
    ['addr', { addr: '127.0.0.1:8080' }, 'M2_ERR_MODEL_ADDRESS'],
    ['addr', { addr: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['port', { port: 0 }, 'M2_ERR_MODEL_PORT'],
    ['port', { port: 70000 }, 'M2_ERR_MODEL_PORT'],
    ['port', { port: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['port', { port: '8080' }, 'M2_ERR_MODEL_TYPE'],
    ['host', { host: 'x' }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ addr: '127.0.0.1', port: 8080, ...patch })).toEqual([[path, code]]);
  });

  it('says why an address is refused', () => {
    const r = proxyInputSchema.safeParse({ addr: '300.1.1.1', port: 80 });
    expect(r.success ? '' : fieldErrors(r.error)[0]?.message)
      .toBe("addr '300.1.1.1' is not an IPv4 address, an IPv6 address or a host name");
  });
});
