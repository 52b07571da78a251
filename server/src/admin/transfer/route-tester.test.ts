// The route tester's answers (issue 6 §7) for each routing rule of spec §5: exact and prefix paths, patterns and
// their no-fallback failure, the `/us` → `/users` extension (decision 5), host suffix and pattern matching, the
// default host, and the 404s.
import { describe, expect, it } from 'vitest';
import type { RouteTestTarget } from '@m2/shared';
import type { TestRequest } from './route-request.js';
import { describeTarget, testRoute, type ServerChoice, type TesterServer } from './route-tester.js';

const DIR: RouteTestTarget = { kind: 'dir', id: 1, base: 'site/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 };
const HANDLER: RouteTestTarget = {
  kind: 'handler', id: 1, sendSpec: 'tcp://127.0.0.1:9997', sendIdent: 'app', recvSpec: 'tcp://127.0.0.1:9996', recvIdent: '',
  rawPayload: 0, protocol: 'json',
};
const PROXY: RouteTestTarget = { kind: 'proxy', id: 1, addr: '127.0.0.1', port: 8080 };

const SERVER: TesterServer = {
  id: 1, uuid: 'u-main', name: 'main', defaultHost: 'localhost',
  hosts: [
    {
      id: 1, name: 'localhost', matching: 'localhost', routes: [
        { id: 1, path: '/', ref: 'dir 1', target: DIR },
        { id: 2, path: '/users', ref: 'handler 1', target: HANDLER },
        { id: 3, path: '/img/(.*).jpg$', ref: 'proxy 1', target: PROXY },
        { id: 4, path: '/gone/', ref: 'dir 9', target: null },
      ],
    },
    { id: 2, name: 'example.com', matching: 'example.com', routes: [{ id: 5, path: '/api/', ref: 'handler 1', target: HANDLER }] },
    { id: 3, name: 'wild', matching: '(.*).wild.org', routes: [{ id: 6, path: '/', ref: 'proxy 1', target: PROXY }] },
  ],
};
const ONLY: ServerChoice = { how: 'only', count: 1 };

function req(path: string, host: string | null = 'localhost', query: string | null = null): TestRequest {
  return { hostHeader: host, hostFrom: host === null ? 'none' : 'host', ignoredHost: null, path, query };
}

describe('testRoute', () => {
  it('an exact route key, with every part of the answer', () => {
    expect(testRoute(SERVER, ONLY, req('/users'))).toEqual({
      server: { id: 1, uuid: 'u-main', name: 'main' },
      serverChoice: 'only',
      request: { host: 'localhost', path: '/users', query: null },
      host: { id: 1, name: 'localhost', matching: 'localhost', matched: 'exact' },
      route: { id: 2, path: '/users', prefix: '/users', kind: 'prefix', matched: 'exact' },
      target: HANDLER,
      status: 200,
      steps: [
        "server 'main' (id 1, uuid u-main), the only server",
        "host: 'localhost' ends with 'localhost' (host 'localhost')",
        "path: '/users' is exactly the route '/users'",
        "target: Handler 1: send_spec 'tcp://127.0.0.1:9997', recv_spec 'tcp://127.0.0.1:9996' (json)",
      ],
    });
  });

  it('a longer path by prefix, without a / boundary', () => {
    const a = testRoute(SERVER, ONLY, req('/usersXYZ/1'));
    expect(a.route).toEqual({ id: 2, path: '/users', prefix: '/users', kind: 'prefix', matched: 'prefix' });
    expect(a.steps[2]).toBe("path: '/users' is the longest route key that is a prefix of '/usersXYZ/1'");
  });

  it('a path that is a proper prefix of a route key selects that key (decision 5: /us → /users)', () => {
    const a = testRoute(SERVER, ONLY, req('/us'));
    expect(a.status).toBe(200);
    expect(a.route).toEqual({ id: 2, path: '/users', prefix: '/users', kind: 'prefix', matched: 'extension' });
    expect(a.steps[2]).toBe("path: '/us' is a prefix of the route key '/users', which the lookup returns (Mongrel2 quirk)");
  });

  it('a pattern route, and its failure with no fallback to /', () => {
    const hit = testRoute(SERVER, ONLY, req('/img/cat.jpg'));
    expect(hit.route).toEqual({ id: 3, path: '/img/(.*).jpg$', prefix: '/img/', kind: 'pattern', matched: 'pattern' });
    expect(hit.target).toEqual(PROXY);
    expect(hit.steps.at(-1)).toBe('target: Proxy 1: 127.0.0.1:8080');
    const miss = testRoute(SERVER, ONLY, req('/img/cat.png'));
    expect(miss).toMatchObject({ status: 404, route: null, target: null, host: { id: 1, matched: 'exact' } });
    expect(miss.steps.slice(2)).toEqual([
      "path: key '/img/' found but no pattern matched (no fallback): '/img/(.*).jpg$': pattern did not match",
      "404 Not Found: host 'localhost' has no route for '/img/cat.png'",
    ]);
  });

  it('a host by suffix (no dot boundary), and by its pattern', () => {
    const a = testRoute(SERVER, ONLY, req('/api/v1', 'www.example.com:8080'));
    expect(a.host).toEqual({ id: 2, name: 'example.com', matching: 'example.com', matched: 'suffix' });
    expect(a.route).toMatchObject({ id: 5, matched: 'prefix' });
    expect(a.steps[1]).toBe("host: 'www.example.com' ends with 'example.com' (host 'example.com')");
    const w = testRoute(SERVER, ONLY, req('/x', 'a.wild.org'));
    expect(w.host).toEqual({ id: 3, name: 'wild', matching: '(.*).wild.org', matched: 'pattern' });
    expect(w.target).toEqual(PROXY);
  });

  it('the default host when no host matches or no Host is sent; host matching is case-sensitive', () => {
    for (const host of ['other.net', 'EXAMPLE.COM', null]) {
      const a = testRoute(SERVER, ONLY, req('/users', host));
      expect(a.host).toEqual({ id: 1, name: 'localhost', matching: 'localhost', matched: 'default' });
      expect(a.status).toBe(200);
    }
    expect(testRoute(SERVER, ONLY, req('/', null)).steps[1]).toBe("host: no Host header: default host 'localhost'");
    expect(testRoute(SERVER, ONLY, req('/', 'other.net')).steps[1]).toBe("host: no host key is a suffix of 'other.net': default host 'localhost'");
  });

  it('404 when no route key fits the path', () => {
    const a = testRoute(SERVER, ONLY, req('/nothing', 'example.com'));
    expect(a).toMatchObject({ status: 404, route: null, target: null, host: { id: 2, matched: 'exact' } });
    expect(a.steps.slice(2)).toEqual([
      "path: no route key is a prefix or an extension of '/nothing'",
      "404 Not Found: host 'example.com' has no route for '/nothing'",
    ]);
  });

  it('404 when the route points at a missing row', () => {
    const a = testRoute(SERVER, ONLY, req('/gone/x'));
    expect(a).toMatchObject({ status: 404, target: null, route: { id: 4, path: '/gone/' } });
    expect(a.steps.at(-1)).toBe("404 Not Found: route '/gone/' points at dir 9, which does not exist (mongrel2 would refuse to start)");
  });

  it('404 with no host when nothing matches and no host is named like the default host', () => {
    const a = testRoute({ ...SERVER, defaultHost: 'nowhere' }, ONLY, req('/', 'other.net'));
    expect(a).toMatchObject({ status: 404, host: null, route: null, target: null });
    expect(a.steps.slice(1)).toEqual([
      "host: no host key is a suffix of 'other.net', and no host is named 'nowhere'",
      '404 Not Found: no host to route the path in',
    ]);
  });

  it('says which server of several was used, that the query is ignored and where the Host came from', () => {
    const a = testRoute(SERVER, { how: 'first', count: 2 }, { hostHeader: 'example.com', hostFrom: 'url', ignoredHost: 'localhost', path: '/api/', query: 'a=1' });
    expect(a.serverChoice).toBe('first');
    expect(a.request).toEqual({ host: 'example.com', path: '/api/', query: 'a=1' });
    expect(a.steps.slice(0, 3)).toEqual([
      "server 'main' (id 1, uuid u-main), the first of 2 servers (give serverId to test another)",
      "the query string '?a=1' is not used for routing",
      "the URL's authority 'example.com' acts as the Host (the host 'localhost' given is not used)",
    ]);
    expect(testRoute(SERVER, { how: 'given', count: 2 }, req('/')).steps[0]).toBe("server 'main' (id 1, uuid u-main), as asked");
  });
});

describe('describeTarget', () => {
  it('names a Dir by its base, index file and default type', () => {
    expect(describeTarget(DIR)).toBe("Dir 1: files under 'site/' (index 'index.html', default type 'text/plain')");
  });
});
