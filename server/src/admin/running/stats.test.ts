// Per-route counts: each entry is routed again with the server's own matcher inside the host it names, so
// prefix quirks and patterns land where the server sent the request (spec §5.3).
import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '@m2/shared';
import { routeStats, type HostRoutes } from './stats.js';

const e = (host: string, path: string, status = 200, size = 10): AccessLogEntry =>
  ({ host, addr: '127.0.0.1', port: 1, time: 1, method: 'GET', path, version: 'HTTP/1.1', status, size });

const hosts: HostRoutes[] = [
  { name: 'localhost', routes: [{ id: 1, path: '/' }, { id: 2, path: '/static/' }, { id: 3, path: '/users' }, { id: 4, path: '/api/(\\d+)$' }] },
  { name: 'other', routes: [{ id: 5, path: '/' }] },
];

describe('routeStats', () => {
  it('counts requests, bytes and statuses per route, busiest first', () => {
    const stats = routeStats([
      e('localhost', '/static/a.txt'), e('localhost', '/static/b.txt', 404, 0), e('localhost', '/static/c?x=1', 304, 0),
      e('localhost', '/index.html', 200, 5), e('other', '/x', 200, 1),
    ], hosts);
    expect(stats).toEqual([
      { host: 'localhost', route: '/static/', routeId: 2, requests: 3, bytes: 10, status: { 200: 1, 404: 1, 304: 1 } },
      { host: 'localhost', route: '/', routeId: 1, requests: 1, bytes: 5, status: { 200: 1 } },
      { host: 'other', route: '/', routeId: 5, requests: 1, bytes: 1, status: { 200: 1 } },
    ]);
  });

  it("follows Mongrel2's prefix rules and patterns, and gathers the rest under route null", () => {
    const stats = routeStats([
      e('localhost', '/us'), // a proper prefix of a key selects that key (decision 5)
      e('localhost', '/api/42'),
      e('localhost', '/api/x'), // the pattern fails: no fallback
      e('nowhere', '/'),
      e('localhost', '/chunked', 200, -1), // -1 (chunked upload) adds no bytes
    ], hosts);
    const by = (host: string, route: string | null) => stats.find((s) => s.host === host && s.route === route);
    expect(by('localhost', '/users')?.requests).toBe(1);
    expect(by('localhost', '/api/(\\d+)$')?.requests).toBe(1);
    expect(by('localhost', null)).toMatchObject({ requests: 1, routeId: null });
    expect(by('nowhere', null)).toMatchObject({ requests: 1 });
    expect(by('localhost', '/')).toMatchObject({ requests: 1, bytes: 0 });
  });
});
