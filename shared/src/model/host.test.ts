// The host schema: corpus names (plain and pattern ones from configs_any.conf), matching defaulting to the name as
// m2sh writes it, the limits.host_name bound and the pattern check, and rows as m2sh writes them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './errors.js';
import {
  HOST_NAME_MAX, hostFromRow, hostInputSchema, hostPatternProblem, hostSchema, hostToRow, type Host, type HostRow,
} from './host.js';

// `m2sh load` of configs_sample.conf: maintenance is the column default, matching is the name.
const row: HostRow = { id: 1, server_id: 1, maintenance: 0, name: 'localhost', matching: 'localhost' };
const host: Host = { id: 1, serverId: 1, name: 'localhost', matching: 'localhost', maintenance: 0 };

function errors(value: unknown): [string, string][] {
  const r = hostInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('host', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(hostFromRow(row)).toEqual(host);
    expect(hostToRow(host)).toEqual(row);
    expect(hostSchema.parse(host)).toEqual(host);
  });

  it('reads a NULL matching as the name, as the server does', () => {
    expect(hostFromRow({ ...row, matching: null, maintenance: null })).toEqual(host);
  });

  it('round-trips values through rows', () => {
    const values: Host[] = [host, { id: 4, serverId: 2, name: 'mongrel2.org', matching: '(.+).testing.org', maintenance: 1 }];
    for (const v of values) expect(hostFromRow(hostToRow(v))).toEqual(v);
  });

  it('defaults matching to the name, as m2sh does', () => {
    for (const name of ['localhost', 'mongrel2.org', 'ashley-jason.com', '(.+)', '(.+).testing.org']) {
      expect(hostInputSchema.parse({ serverId: 1, name })).toEqual({ serverId: 1, name, matching: name, maintenance: 0 });
    }
    expect(hostInputSchema.parse({ serverId: 1, name: 'main', matching: 'example.com' }).matching).toBe('example.com');
    expect(hostToRow(hostInputSchema.parse({ serverId: 3, name: 'sub' }))).toEqual({ server_id: 3, maintenance: 0, name: 'sub', matching: 'sub' });
  });

  it('checks the pattern part: the text up to the last `)`, plus `$`', () => {
    expect(hostPatternProblem('localhost')).toBeNull();
    expect(hostPatternProblem('(.+).testing.org')).toBeNull();
    expect(hostPatternProblem('([a-z]+)\\.example\\.com')).toBeNull();
    expect(hostPatternProblem('([a-z)x')).toMatch(/missing '\]'/);
    expect(hostPatternProblem('(a\\)')).toBeNull(); // the last `)` is escaped: `(a\)$` is well formed
    expect(hostPatternProblem('\\f).com')).toMatch(/missing '\[' after/);
  });

  it('allows names and matching text up to limits.host_name', () => {
    expect(HOST_NAME_MAX).toBe(256);
    expect(errors({ serverId: 1, name: 'a'.repeat(256) })).toEqual([]);
    expect(errors({ serverId: 1, name: 'a'.repeat(257) })).toEqual([['name', 'M2_ERR_MODEL_TOO_LONG']]);
    expect(errors({ serverId: 1, name: 'a', matching: 'b'.repeat(257) })).toEqual([['matching', 'M2_ERR_MODEL_TOO_LONG']]);
  });

  it.each([
    ['name', { name: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['name', { name: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['name', { name: '([a-z)' }, 'M2_ERR_MODEL_PATTERN'],
    ['matching', { matching: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['matching', { matching: '([a-z)' }, 'M2_ERR_MODEL_PATTERN'],
    ['serverId', { serverId: 0 }, 'M2_ERR_MODEL_ID'],
    ['serverId', { serverId: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['maintenance', { maintenance: 2 }, 'M2_ERR_MODEL_FLAG'],
    ['routes', { routes: {} }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ serverId: 1, name: 'localhost', ...patch })).toEqual([[path, code]]);
  });

  it('accepts a bad-pattern name when matching is given (only matching is matched against)', () => {
    expect(errors({ serverId: 1, name: '([a-z)', matching: 'localhost' })).toEqual([]);
  });

  it('names nested fields by their full path', () => {
    const body = z.object({ hosts: z.array(hostInputSchema) });
    const r = body.safeParse({ hosts: [{ serverId: 1, name: 'ok' }, { serverId: 1, name: '' }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(fieldErrors(r.error)).toEqual([{ path: 'hosts.1.name', message: 'name must not be empty', code: 'M2_ERR_MODEL_EMPTY' }]);
    }
  });
});
