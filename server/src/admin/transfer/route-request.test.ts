// What the router sees of a tested URL (issue 6 §7), through the server's own head parser: the query string and
// fragment cut off, an absolute URL's authority as the Host (decision 11), and the requests mongrel2 answers 400.
import { describe, expect, it } from 'vitest';
import { toTestRequest } from './route-request.js';

const LIMITS = { relaxed: false, bufferSize: 2048 };

describe('toTestRequest', () => {
  it('keeps the raw path and sets the query aside', () => {
    expect(toTestRequest('/a/b%20c?x=1&y=2#top', 'example.com', LIMITS)).toEqual({
      hostHeader: 'example.com', hostFrom: 'host', ignoredHost: null, path: '/a/b%20c', query: 'x=1&y=2',
    });
  });

  it('sends no Host when none is given (the default host serves it)', () => {
    expect(toTestRequest('/x', undefined, LIMITS)).toEqual({ hostHeader: null, hostFrom: 'none', ignoredHost: null, path: '/x', query: null });
    expect(toTestRequest('/x', '', LIMITS)).toMatchObject({ hostHeader: null, hostFrom: 'none' });
  });

  it('takes the Host from an absolute URL, over a host given', () => {
    expect(toTestRequest('http://www.example.com:8080/p?q', undefined, LIMITS)).toEqual({
      hostHeader: 'www.example.com:8080', hostFrom: 'url', ignoredHost: null, path: '/p', query: 'q',
    });
    expect(toTestRequest('https://example.com', 'localhost', LIMITS)).toEqual({
      hostHeader: 'example.com', hostFrom: 'url', ignoredHost: 'localhost', path: '/', query: null,
    });
  });

  it('refuses what mongrel2 answers 400, naming the field', () => {
    expect(toTestRequest('/a b', undefined, LIMITS)).toMatchObject({ field: 'url' });
    expect(toTestRequest('/{x}', undefined, LIMITS)).toEqual({
      field: 'url', message: 'mongrel2 would answer 400 Bad Request: "{", "}" and "^" need request.relaxed',
    });
    expect(toTestRequest('/{x}', undefined, { ...LIMITS, relaxed: true })).toMatchObject({ path: '/{x}' });
    expect(toTestRequest('/x', 'bad host', LIMITS)).toMatchObject({ field: 'host' });
    expect(toTestRequest(`/${'a'.repeat(3000)}`, undefined, LIMITS)).toMatchObject({ field: 'url' });
  });
});
