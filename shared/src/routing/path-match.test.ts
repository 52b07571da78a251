// Spec §5.3: the OBSERVED path table of host `localhost`, and the reasons the explainer gives.
import { describe, expect, it } from 'vitest';
import { explainPath, type PathReason } from './path-match.js';

// Inserted in this order on one host; there is no `/` route.
const ROUTES = ['@chat', '/tnet/', '/static/', '/handler', '/proxy/', '/files/(.*\\.txt)$', '/users/([0-9]+)$'];

describe('spec §5.3 OBSERVED table', () => {
  it.each<[string, string | null, PathReason]>([
    ['/', '/tnet/', 'extension'],
    ['/h', '/handler', 'extension'],
    ['/ha', '/handler', 'extension'],
    ['/handlerX', '/handler', 'prefix'],
    ['/handler/sub', '/handler', 'prefix'],
    ['/t', '/tnet/', 'extension'],
    ['/tnet', '/tnet/', 'extension'],
    ['/p', '/proxy/', 'extension'],
    ['/proxy', '/proxy/', 'extension'],
    ['/us', null, 'pattern-failed'],
    ['/f', null, 'pattern-failed'],
    ['/users/12', '/users/([0-9]+)$', 'pattern'],
    ['/users/12/x', null, 'pattern-failed'],
    ['/users/ab', null, 'pattern-failed'],
    ['/files/hello.txt', '/files/(.*\\.txt)$', 'pattern'],
    ['/files/data.json', null, 'pattern-failed'],
    ['/nothing', null, 'no-route'],
  ])('%s → %s (%s)', (path, expected, reason) => {
    const e = explainPath(ROUTES, path);
    expect(e.route?.text ?? null).toBe(expected);
    expect(e.reason).toBe(reason);
    if (expected !== null) expect(e.route?.index).toBe(ROUTES.indexOf(expected));
  });
});

describe('explanations', () => {
  it('says exact when the path is the key of a pattern-less route', () => {
    expect(explainPath(ROUTES, '/handler')).toMatchObject({ reason: 'exact', route: { text: '/handler' } });
    expect(explainPath(ROUTES, '@chat')).toMatchObject({ reason: 'exact', route: { index: 0 } });
  });

  it('lists the failed attempts of a pattern failure, and why', () => {
    const short = explainPath(ROUTES, '/us');
    expect(short.found?.prefix).toBe('/users/');
    expect(short.attempts.map((a) => a.outcome)).toEqual(['too-short']);
    const miss = explainPath(ROUTES, '/users/ab');
    expect(miss.attempts).toEqual([{ route: expect.objectContaining({ text: '/users/([0-9]+)$' }), outcome: 'no-match' }]);
    expect(miss.detail).toMatch(/no fallback/);
  });

  it('reports the matched length of the path remainder', () => {
    expect(explainPath(ROUTES, '/files/hello.txt').attempts).toEqual([
      { route: expect.objectContaining({ prefix: '/files/' }), outcome: 'matched', matchedLength: 9 },
    ]);
  });

  it('is plain JSON data', () => {
    const e = explainPath(ROUTES, '/users/12');
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('routes `/us` to `/users` in the routing_tests.c table (extension quirk)', () => {
    const table = ['/', '/users/([0-9]+)', '/users', '/users/people/([0-9]+)$', '/cars-fast/([a-z]-)$'];
    expect(explainPath(table, '/us')).toMatchObject({ reason: 'extension', route: { text: '/users', index: 2 } });
    expect(explainPath(table, '/')).toMatchObject({ reason: 'exact', route: { index: 0 } });
  });
});
