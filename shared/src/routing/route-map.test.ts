// tests/routing_tests.c (spec §5.4 "Routing cases") and the RouteMap rules of spec §5.1.
import { describe, expect, it } from 'vitest';
import { RouteMap } from './route-map.js';

function mapOf(routes: string[]): RouteMap<string> {
  const map = new RouteMap<string>();
  routes.forEach((r, i) => map.insert(r, `route${i}`));
  return map;
}

describe('simple prefix matching (test_simple_prefix_matching)', () => {
  const map = mapOf(['/', '/users/([0-9]+)', '/users', '/users/people/([0-9]+)$', '/cars-fast/([a-z]-)$']);
  it.each([
    ['/users/1234/testing', 'route1'],
    ['/users', 'route2'],
    ['/users/people/1234', 'route3'],
    ['/cars-fast/cadillac', 'route4'],
    ['/users/1234', 'route1'],
    ['/', 'route0'],
    ['/usersBLAAHAHAH', 'route2'], // plain prefix, no `/` boundary
    ['/us', 'route2'], // the TST extension quirk
  ])('%s → %s', (path, expected) => {
    expect(map.simplePrefixMatch(path)?.data).toBe(expected);
  });
});

describe('simple prefix pattern matching (test_simple_prefix_pattern_matching)', () => {
  const map = mapOf(['/', '/img/(.*).jpg$', '/img/(.*).png$']);
  it.each([
    ['/img/foo.jpg', 'route1'],
    ['/img/foo.png', 'route2'],
    ['/img/foo.bmp', undefined], // no fallback to `/`
  ])('%s → %s', (path, expected) => {
    expect(map.simplePrefixMatch(path)?.data).toBe(expected);
  });
});

describe('reversed (host style) matching (test_routing_match_reversed)', () => {
  const map = new RouteMap<string>();
  map.insertReversed('(X+)foo', 'route1');
  map.insertReversed('moo', 'route2');
  map.insertReversed('fio', 'route3');
  it.each([
    ['Xfoo', 'route1'],
    ['moo', 'route2'],
    ['fio', 'route3'],
    ['XXXXXXXXXfoo', 'route1'],
    ['YYYfoo', undefined],
    ['XXXoo', undefined],
    ['XXX.stuff.foo', undefined],
  ])('%s → %s', (target, expected) => {
    expect(map.matchSuffix(target)?.data).toBe(expected);
  });
});

describe('route fields (spec §5.1)', () => {
  it('splits a path route at the first (', () => {
    const r = new RouteMap<null>().insert('/users/([0-9]+)$', null);
    expect(r).toMatchObject({ prefix: '/users/', pattern: '/users/([0-9]+)$', hasPattern: true, patternError: null });
    expect(new RouteMap<null>().insert('/static/', null)).toMatchObject({ prefix: '/static/', hasPattern: false });
  });

  it('keys a host by the reversed text after the last ) and anchors its pattern', () => {
    const m = new RouteMap<null>();
    expect(m.insertReversed('(.*).example.com', null)).toMatchObject({ prefix: 'moc.elpmaxe.', pattern: '(.*)$', hasPattern: true });
    expect(m.insertReversed('example.com', null)).toMatchObject({ prefix: 'moc.elpmaxe', pattern: 'example.com', hasPattern: false });
    expect(m.insertReversed('(a)(b)x', null)).toMatchObject({ prefix: 'x', pattern: '(a)(b)$' });
  });

  it('records a malformed pattern on the route, which then never matches', () => {
    const m = new RouteMap<string>();
    const r = m.insert('/bad/([a-z)$', 'bad');
    expect(r.patternError).toMatchObject({ code: 'MISSING_BRACKET', index: 6 });
    expect(m.simplePrefixMatch('/bad/x')).toBeNull();
    expect(m.lookupPrefix('/bad/x').attempts.map((a) => a.outcome)).toEqual(['malformed']);
  });
});

describe('chains of routes with the same prefix (RouteMap_insert_base)', () => {
  // Chain order: the first inserted, then the others from most recent to oldest.
  const map = mapOf(['/x/(1)', '/x/(\\d)', '/x/(\\d\\d)']);
  it('tries the first inserted route first', () => {
    expect(map.simplePrefixMatch('/x/1')?.data).toBe('route0');
  });
  it('then the most recent', () => {
    expect(map.simplePrefixMatch('/x/22')?.data).toBe('route2');
    expect(map.lookupPrefix('/x/22').attempts.map((a) => a.route.data)).toEqual(['route0', 'route2']);
  });
  it('then older ones', () => {
    expect(map.simplePrefixMatch('/x/3')?.data).toBe('route1');
    expect(map.lookupPrefix('/x/3').attempts.map((a) => a.outcome)).toEqual(['no-match', 'no-match', 'matched']);
  });
  it('returns a pattern-less head without looking at the chain', () => {
    const m = mapOf(['/z/', '/z/(\\d+)$']);
    expect(m.simplePrefixMatch('/z/5')?.data).toBe('route0');
  });
  it('lets a pattern-less route in a chain match (the C reads a NUL before its pattern)', () => {
    const m = mapOf(['/y/(\\d+)$', '/y/']);
    expect(m.simplePrefixMatch('/y/abc')?.data).toBe('route1');
    expect(m.simplePrefixMatch('/y')).toBeNull(); // shorter than the prefix: every attempt fails
  });
  it('tries only the head of a host chain', () => {
    const m = new RouteMap<string>();
    m.insertReversed('(a).example.com', 'A');
    m.insertReversed('(b).example.com', 'B');
    expect(m.matchSuffix('a.example.com')?.data).toBe('A');
    expect(m.matchSuffix('b.example.com')).toBeNull();
  });
});

describe('odd keys', () => {
  it('never finds a route whose prefix is empty', () => {
    const m = mapOf(['(.*)', '/a']);
    expect(m.simplePrefixMatch('/a')?.data).toBe('route1');
    expect(m.simplePrefixMatch('xyz')).toBeNull();
  });
  it('chains an empty-prefix route onto the root key, as the C exact search does', () => {
    const m = mapOf(['/(a)', '(.*)']);
    expect(m.simplePrefixMatch('/b')?.data).toBe('route1');
  });
  it('matches non-ASCII host suffixes character-wise', () => {
    const m = new RouteMap<string>();
    m.insertReversed('bücher.de', 'b');
    expect(m.matchSuffix('www.bücher.de')?.data).toBe('b');
    expect(m.matchSuffix('www.bucher.de')).toBeNull();
  });
});
