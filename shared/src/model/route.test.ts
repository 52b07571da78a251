// The route schema: corpus paths (prefixes, `@chat` socket routes, pattern routes), the pattern check from the
// first `(`, the target reference, and rows as m2sh writes them (configs_complex.conf).
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  routeFromRow, routeInputSchema, routePatternProblem, routeSchema, routeToRow, type RouteRecord, type RouteRow,
} from './route.js';

const row: RouteRow = { id: 7, path: '/testsmulti/(.*.json)', reversed: 0, host_id: 1, target_id: 1, target_type: 'dir' };
const route: RouteRecord = { id: 7, hostId: 1, path: '/testsmulti/(.*.json)', reversed: 0, target: { kind: 'dir', id: 1 } };

function errors(value: unknown): [string, string][] {
  const r = routeInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

const ok = { hostId: 1, path: '/tests/', target: { kind: 'dir', id: 1 } };

describe('route', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(routeFromRow(row)).toEqual(route);
    expect(routeToRow(route)).toEqual(row);
    expect(routeSchema.parse(route)).toEqual(route);
    expect(routeFromRow({ ...row, reversed: null })).toEqual(route);
  });

  it('round-trips every target kind', () => {
    for (const kind of ['dir', 'handler', 'proxy'] as const) {
      const v: RouteRecord = { ...route, path: '@chat', target: { kind, id: 3 } };
      expect(routeFromRow(routeToRow(v))).toEqual(v);
    }
  });

  it('accepts the corpus paths', () => {
    const paths = ['/', '/tests/', '/handlertest', '/chat/', '@chat', '<chat', '/mp3stream', '/htchat/app',
      '/testsmulti/(.*.json)', '/testsmulti/(.*\\.json)', '/dev/null/(.*)'];
    for (const path of paths) expect(errors({ ...ok, path })).toEqual([]);
  });

  it('fills in reversed and leaves the id to SQLite', () => {
    const parsed = routeInputSchema.parse(ok);
    expect(parsed).toEqual({ ...ok, reversed: 0 });
    expect(routeToRow(parsed)).toEqual({ path: '/tests/', reversed: 0, host_id: 1, target_id: 1, target_type: 'dir' });
  });

  it('checks the pattern from the first `(`, pointing into the whole path', () => {
    expect(routePatternProblem('/plain/')).toBeNull();
    expect(routePatternProblem('/x/([a-')).toBe("malformed pattern (missing ']') at character 5");
    expect(routePatternProblem('/y/(a\\')).toBe("malformed pattern (ends with '\\') at character 6");
  });

  it.each([
    ['path', { path: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['path', { path: '/files/([^/]+' + '[' }, 'M2_ERR_MODEL_PATTERN'],
    ['path', { path: '/b/(\\b)' }, 'M2_ERR_MODEL_PATTERN'],
    ['hostId', { hostId: -1 }, 'M2_ERR_MODEL_ID'],
    ['target', { target: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['target.kind', { target: { kind: 'directory', id: 1 } }, 'M2_ERR_MODEL_TARGET'],
    ['target.kind', { target: { id: 1 } }, 'M2_ERR_MODEL_TARGET'],
    ['target.id', { target: { kind: 'proxy', id: 1.5 } }, 'M2_ERR_MODEL_ID'],
    ['target.name', { target: { kind: 'proxy', id: 1, name: 'x' } }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
    ['reversed', { reversed: -1 }, 'M2_ERR_MODEL_FLAG'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ ...ok, ...patch })).toEqual([[path, code]]);
  });

  it('says what is wrong with a bad target kind', () => {
    const r = routeInputSchema.safeParse({ ...ok, target: { kind: 'Dir', id: 1 } });
    expect(r.success ? [] : fieldErrors(r.error)[0]?.message).toBe("target kind must be 'dir', 'handler' or 'proxy', not 'Dir'");
  });
});
