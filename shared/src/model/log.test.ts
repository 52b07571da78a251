// The commit-log schema: a row as `m2sh commit -what mongrel2.org -why testing` writes it (who from LOGNAME,
// location the machine, how defaulting to 'm2sh', happened_at stamped by SQLite), and what a client sends.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import { logFromRow, logInputSchema, logSchema, logToRow, type Log, type LogRow } from './log.js';

const row: LogRow = {
  id: 1, who: 'zed', what: 'mongrel2.org', location: 'vm', happened_at: '2026-11-22 02:06:01', how: 'm2sh', why: 'testing',
};
const log: Log = {
  id: 1, who: 'zed', what: 'mongrel2.org', location: 'vm', happenedAt: '2026-11-22 02:06:01', how: 'm2sh', why: 'testing',
};

function errors(value: unknown): [string, string][] {
  const r = logInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('log', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(logFromRow(row)).toEqual(log);
    expect(logToRow(log)).toEqual(row);
    expect(logSchema.parse(log)).toEqual(log);
  });

  it('round-trips entries with and without a reason', () => {
    for (const v of [log, { ...log, id: 2, what: 'load', how: 'tests/sample.conf', why: null }]) {
      expect(logFromRow(logToRow(v))).toEqual(v);
    }
  });

  it('leaves id and happened_at to SQLite for a new entry', () => {
    const parsed = logInputSchema.parse({ who: 'zed', what: 'reload' });
    expect(parsed).toEqual({ who: 'zed', what: 'reload', location: '', how: '', why: null });
    expect(logToRow(parsed)).toEqual({ who: 'zed', what: 'reload', location: '', how: '', why: null });
    expect(logToRow(logInputSchema.parse({ who: 'zed', what: 'init', location: 'vm', how: 'm2sh', why: 'command' })))
      .toEqual({ who: 'zed', what: 'init', location: 'vm', how: 'm2sh', why: 'command' });
  });

  it.each([
    ['who', { who: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['what', { what: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['why', { why: 3 }, 'M2_ERR_MODEL_TYPE'],
    ['happenedAt', { happenedAt: '2026-01-01 00:00:00' }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ who: 'zed', what: 'load', ...patch })).toEqual([[path, code]]);
  });
});
