// Mirrors the callbacks of src/request.c (request_method_cb, uri_cb, path_cb, query_string_cb, fragment_cb,
// http_version_cb, header_field_cb, header_done_cb): which values a parsed head yields, with decision 11's
// absolute-form (authority as host, routed by path) and exact Content-Length/chunked values.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSER_LIMITS, parseRequestHead } from './parser.js';
import type { HttpRequest } from './request.js';

function ok(raw: string | Buffer): HttpRequest {
  const buf = typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw;
  const r = parseRequestHead(buf, 0, DEFAULT_PARSER_LIMITS);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.request;
}
const target = (t: string) => ok(`GET ${t} HTTP/1.1\r\nHost: h\r\n\r\n`);

describe('parsed values', () => {
  it('fills every field of an origin-form request', () => {
    const raw = 'POST /a/b%20c?x=1&y=?#frag/? HTTP/1.1\r\nHost: example.com:8080\r\nX-Dup: 1\r\nx-dup:  2  \r\nContent-Length: 12\r\n\r\nbody follows';
    const r = parseRequestHead(Buffer.from(raw, 'latin1'), 0, DEFAULT_PARSER_LIMITS);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.headEnd).toBe(raw.indexOf('\r\n\r\n') + 4);
    expect({ ...r.request, head: r.request.head.toString('latin1') }).toEqual({
      method: 'POST',
      target: '/a/b%20c?x=1&y=?#frag/?',
      path: '/a/b%20c',
      query: 'x=1&y=?',
      fragment: 'frag/?',
      uri: '/a/b%20c?x=1&y=?',
      authority: undefined,
      version: 'HTTP/1.1',
      headers: [['Host', 'example.com:8080'], ['X-Dup', '1'], ['x-dup', '2'], ['Content-Length', '12']],
      head: raw.slice(0, r.headEnd),
      contentLength: 12,
      chunked: false,
    });
  });

  it('leaves query and fragment undefined when absent, and empty when present but empty', () => {
    expect(target('/p')).toMatchObject({ path: '/p', query: undefined, fragment: undefined, uri: '/p' });
    expect(target('/p?#')).toMatchObject({ path: '/p', query: '', fragment: '', uri: '/p?' });
    expect(target('/p#?x')).toMatchObject({ path: '/p', query: undefined, fragment: '?x', uri: '/p' });
    expect(target('?q')).toMatchObject({ path: '', query: 'q', uri: '?q' });
    expect(target('*')).toMatchObject({ path: '*', uri: '*' });
  });

  it('absolute-form: authority set, routed by its path (decision 11); empty path means /', () => {
    expect(target('http://Example.com:80/x/y?q=1#f')).toMatchObject({
      target: 'http://Example.com:80/x/y?q=1#f', authority: 'Example.com:80', path: '/x/y', query: 'q=1', fragment: 'f', uri: '/x/y?q=1',
    });
    expect(target('http://u:p@h')).toMatchObject({ authority: 'u:p@h', path: '/', uri: '/' });
    expect(target('HTTP://h?q')).toMatchObject({ authority: 'h', path: '/', query: 'q', uri: '/?q' });
    expect(target('http://[::1]:8/')).toMatchObject({ authority: '[::1]:8', path: '/' });
    expect(target('http://')).toMatchObject({ authority: '', path: '/' });
  });

  it('network-path and authority-less URIs keep their whole path, as Mongrel2 routes them', () => {
    expect(target('//fifo#seg')).toMatchObject({ authority: undefined, path: '//fifo', fragment: 'seg', uri: '//fifo' });
    expect(target('mailto:x@y')).toMatchObject({ authority: undefined, path: 'x@y', uri: 'x@y' });
    expect(target('http:/x')).toMatchObject({ authority: undefined, path: '/x' });
  });

  it('keeps header names as sent and trims SP/HT around values; values are latin1 so every byte survives', () => {
    const bytes = Buffer.concat([Buffer.from('GET / HTTP/1.0\r\nX-Bin:\t '), Buffer.from([0xe9, 0x80, 0xff, 0x20, 0x09, 0x41]), Buffer.from(' \t\r\nEmpty:\r\n\r\n')]);
    const r = ok(bytes);
    expect(r.headers.map(([n]) => n)).toEqual(['X-Bin', 'Empty']);
    expect(Buffer.from(r.headers[0]![1], 'latin1')).toEqual(Buffer.from([0xe9, 0x80, 0xff, 0x20, 0x09, 0x41]));
    expect(r.headers[1]).toEqual(['Empty', '']);
  });

  it('head is a copy of exactly the head bytes, so reusing the read buffer cannot change it', () => {
    const buf = Buffer.from('GET / HTTP/1.0\nA: b\n\nGET /next HTTP/1.0\n\n', 'latin1');
    const r = ok(buf);
    expect(r.head.toString('latin1')).toBe('GET / HTTP/1.0\nA: b\n\n');
    buf.fill(0x2e);
    expect(r.head.toString('latin1')).toBe('GET / HTTP/1.0\nA: b\n\n');
  });

  it('framing: Content-Length, chunked, neither (decision 11 and RFC 9112 §6.3)', () => {
    const h = (extra: string) => ok(`POST / HTTP/1.1\r\nHost: h\r\n${extra}\r\n`);
    expect(h('')).toMatchObject({ contentLength: 0, chunked: false });
    expect(h('Content-Length: 0042\r\n')).toMatchObject({ contentLength: 42, chunked: false });
    expect(h('Content-Length: 7, 7\r\nContent-Length: 7\r\n')).toMatchObject({ contentLength: 7 });
    expect(h('Content-Length: 9007199254740991\r\n')).toMatchObject({ contentLength: 9007199254740991 });
    expect(h('Transfer-Encoding: chunked\r\n')).toMatchObject({ contentLength: -1, chunked: true });
    expect(h('Transfer-Encoding: gzip ,  Chunked \r\n')).toMatchObject({ contentLength: -1, chunked: true });
    expect(ok('POST / HTTP/1.0\r\nContent-Length: 3\r\n\r\n')).toMatchObject({ version: 'HTTP/1.0', contentLength: 3 });
  });

  it('interns nothing it should not: any method made of A-Z 0-9 comes back as sent', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND', 'G3T', '0']) {
      expect(ok(`${m} / HTTP/1.0\r\n\r\n`).method).toBe(m);
    }
  });
});
