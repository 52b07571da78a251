// Mirrors tests/http11_tests.c and tests/request_tests.c: one line per good or bad request, like Mongrel2's own
// vectors, over the grammar of src/http11/http11_parser.rl plus decision 11's framing and Host rules, and every
// limit (limits.buffer_size, limits.header_count, request.relaxed).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSER_LIMITS, parseRequestHead, type HttpErrorCode, type ParserLimits } from './parser.js';

const parse = (raw: string, limits: Partial<ParserLimits> = {}) =>
  parseRequestHead(Buffer.from(raw, 'latin1'), 0, { ...DEFAULT_PARSER_LIMITS, ...limits });
const H = 'Host: a\r\n';

const GOOD: [name: string, raw: string][] = [
  ['minimal HTTP/1.0', 'GET / HTTP/1.0\r\n\r\n'],
  ['minimal HTTP/1.1', `GET / HTTP/1.1\r\n${H}\r\n`],
  ['bare LF line ends', 'GET / HTTP/1.1\nHost: a\n\n'],
  ['mixed CRLF and LF', 'GET / HTTP/1.1\nHost: a\r\n\n'],
  ['20-byte method', 'ABCDEFGHIJKLMNOPQRST / HTTP/1.0\r\n\r\n'],
  ['digits in method', 'M2 / HTTP/1.0\r\n\r\n'],
  ['asterisk-form', `OPTIONS * HTTP/1.1\r\n${H}\r\n`],
  ['empty target (the grammar has path_empty)', 'GET  HTTP/1.0\r\n\r\n'],
  ['query only', 'GET ?a=1 HTTP/1.0\r\n\r\n'],
  ['every pchar, query and fragment char', "GET /a!$&'()*+,;=:@-._~%2F?q=/?:@#f/?:@ HTTP/1.0\r\n\r\n"],
  ['network-path //', 'GET //fifo#seg HTTP/1.0\r\n\r\n'],
  ['many slashes', 'GET //// HTTP/1.0\r\n\r\n'],
  ['absolute-form', `GET http://h:80/x?y HTTP/1.1\r\n${H}\r\n`],
  ['absolute-form, empty authority and port', `GET http://:/x HTTP/1.1\r\n${H}\r\n`],
  ['absolute-form with userinfo', `GET http://u:p:q@h/ HTTP/1.1\r\n${H}\r\n`],
  ['absolute-form IPv6', `GET http://[::1]:8080/ HTTP/1.1\r\n${H}\r\n`],
  ['absolute-form IPv6 + IPv4', `GET http://[::ffff:1.2.3.4]/ HTTP/1.1\r\n${H}\r\n`],
  ['absolute-form IPvFuture', `GET http://[v1.x:y]/ HTTP/1.1\r\n${H}\r\n`],
  ['other scheme, rootless path', 'GET mailto:x@y HTTP/1.0\r\n\r\n'],
  ['scheme only', 'GET http: HTTP/1.0\r\n\r\n'],
  ['relative path, colon after first segment', 'GET a/b:c HTTP/1.0\r\n\r\n'],
  ['tab and obs-text in a value', 'GET / HTTP/1.0\r\nX: a\tb \xe9\xff\r\n\r\n'],
  ['control byte in a value (C allows all but NUL, CR, DEL)', 'GET / HTTP/1.0\r\nX: a\x01b\r\n\r\n'],
  ['empty value', 'GET / HTTP/1.1\r\nHost:\r\n\r\n'],
  ['no space after colon', 'GET / HTTP/1.1\r\nHost:a\r\n\r\n'],
  ['every tchar in a name', "GET / HTTP/1.0\r\nX!#$%&'*+-.^_`|~9: v\r\n\r\n"],
  ['Host with port', 'GET / HTTP/1.1\r\nHost: a.b:8080\r\n\r\n'],
  ['Host IPv6 literal', 'GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n'],
  ['Host with pct-escape and odd dots', 'GET / HTTP/1.1\r\nHost: www.foo..%41:\r\n\r\n'],
  ['HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n'],
  ['lower-case host name', 'GET / HTTP/1.1\r\nhOST: a\r\n\r\n'],
  ['Content-Length', 'POST / HTTP/1.0\r\nContent-Length: 5\r\n\r\n'],
  ['Content-Length list of equal values', 'POST / HTTP/1.0\r\nContent-Length: 5 ,5\r\n\r\n'],
  ['Content-Length repeated, equal', 'POST / HTTP/1.0\r\nContent-Length: 5\r\ncontent-length: 005\r\n\r\n'],
  ['Content-Length 2^53 - 1', 'POST / HTTP/1.0\r\nContent-Length: 9007199254740991\r\n\r\n'],
  ['chunked', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n`],
  ['gzip, chunked', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip, chunked\r\n\r\n`],
  ['chunked over two lines', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\nTransfer-Encoding: CHUNKED\r\n\r\n`],
];

const BAD: [name: string, raw: string, code: HttpErrorCode][] = [
  ['lower-case method', 'get / HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_METHOD'],
  ['21-byte method', 'ABCDEFGHIJKLMNOPQRSTU / HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_METHOD'],
  ['dash in method', 'M-SEARCH * HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_METHOD'],
  ['leading empty line', '\r\nGET / HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_REQUEST_LINE'],
  ['method only', 'GET\r\n\r\n', 'M2_ERR_HTTP_REQUEST_LINE'],
  ['no version', 'GET /\r\n\r\n', 'M2_ERR_HTTP_REQUEST_LINE'],
  ['two SPs after the method', 'GET  / HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['two SPs before the version', 'GET /  HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['SP after the version', 'GET / HTTP/1.0 \r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['HTTP/1.2', 'GET / HTTP/1.2\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['HTTP/2.0', 'GET / HTTP/2.0\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['lower-case version', 'GET / http/1.0\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['version with junk', 'GET / HTTP/1.1x\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['bare CR line end', 'GET / HTTP/1.0\rX: y\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['SP inside the target', 'GET /a b HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_VERSION'],
  ['{ } without relaxed', 'GET /{x} HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['^ without relaxed', 'GET /^ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['| in target', 'GET /a|b HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['\\ in target', 'GET /a\\b HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['" and < in target', 'GET /a">x</a> HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['` in target', 'GET /a`b HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['control byte in target', 'GET /a\x01 HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['NUL in target', 'GET /\x00blahblah HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['DEL in target', 'GET /a\x7f HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['byte >= 0x80 in target', 'GET /\xe9 HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['bad pct-escape', 'GET /a%zz HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['cut pct-escape', 'GET /a%2 HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['# in fragment', 'GET /a#b#c HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['[ in path', 'GET /a[b] HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['[ in query', 'GET /a?[b] HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['colon first in a relative path', 'GET :b HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['non-scheme char before colon', 'GET a_b:c HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['non-digit port', 'GET http://default:x/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['two colons without userinfo', 'GET http://a:b:c/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['two @', 'GET http://a@b@c/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['bad IPv6', 'GET http://[zz]/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['unclosed [', 'GET http://[::1/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['IPv6 with 9 groups', 'GET http://[1:2:3:4:5:6:7:8:9]/ HTTP/1.0\r\n\r\n', 'M2_ERR_HTTP_URI'],
  ['folded value (CRLF SP)', 'GET / HTTP/1.0\r\nX: a\r\n b\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['folded value (LF HT)', 'GET / HTTP/1.0\nX: a\n\tb\n\n', 'M2_ERR_HTTP_HEADER'],
  ['folded after an empty value', 'GET / HTTP/1.0\r\nX:\r\n b\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['SP before colon', 'GET / HTTP/1.0\r\nHost : a\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['line without colon', 'GET / HTTP/1.0\r\nfoo bar\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['name spanning lines (C accepts it)', 'GET / HTTP/1.0\r\nfoo\r\nX: y\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['empty name', 'GET / HTTP/1.0\r\n: b\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['obs-text in name', 'GET / HTTP/1.0\r\nX\xe9: a\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['NUL in value', 'GET / HTTP/1.0\r\nX: a\x00b\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['DEL in value', 'GET / HTTP/1.0\r\nX: a\x7fb\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['lone CR in value', 'GET / HTTP/1.0\r\nX: a\rb\r\n\r\n', 'M2_ERR_HTTP_HEADER'],
  ['Content-Length not digits', 'GET / HTTP/1.0\r\nContent-Length: abc\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length negative', 'GET / HTTP/1.0\r\nContent-Length: -1\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length empty', 'GET / HTTP/1.0\r\nContent-Length:\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length 2^53', 'GET / HTTP/1.0\r\nContent-Length: 9007199254740992\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length 20 digits', 'GET / HTTP/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length list, differing', 'GET / HTTP/1.0\r\nContent-Length: 5, 6\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Content-Length list, empty member', 'GET / HTTP/1.0\r\nContent-Length: 5,\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['two Content-Lengths, differing', 'GET / HTTP/1.0\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n', 'M2_ERR_HTTP_CONTENT_LENGTH'],
  ['Transfer-Encoding identity', `GET / HTTP/1.1\r\n${H}Transfer-Encoding: identity\r\n\r\n`, 'M2_ERR_HTTP_TRANSFER_ENCODING'],
  ['chunked not last', `GET / HTTP/1.1\r\n${H}Transfer-Encoding: chunked, gzip\r\n\r\n`, 'M2_ERR_HTTP_TRANSFER_ENCODING'],
  ['empty Transfer-Encoding', `GET / HTTP/1.1\r\n${H}Transfer-Encoding:\r\n\r\n`, 'M2_ERR_HTTP_TRANSFER_ENCODING'],
  ['chunked on HTTP/1.0', 'POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n', 'M2_ERR_HTTP_CHUNKED'],
  ['chunked and Content-Length', `POST / HTTP/1.1\r\n${H}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n`, 'M2_ERR_HTTP_CHUNKED'],
  ['HTTP/1.1 without Host', 'GET / HTTP/1.1\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['absolute-form HTTP/1.1 without Host', 'GET http://x/ HTTP/1.1\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['two Hosts on HTTP/1.0', 'GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['Host with a path', 'GET / HTTP/1.1\r\nHost: /etc\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['Host with a SP', 'GET / HTTP/1.1\r\nHost: a b\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['Host with userinfo', 'GET / HTTP/1.1\r\nHost: u@a\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['Host with a bad port', 'GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n', 'M2_ERR_HTTP_HOST'],
  ['Host with { even when relaxed is off', 'GET / HTTP/1.1\r\nHost: a{b}\r\n\r\n', 'M2_ERR_HTTP_HOST'],
];

const INCOMPLETE: [name: string, raw: string][] = [
  ['nothing', ''],
  ['part of the method', 'GE'],
  ['request line only', 'GET / HTTP/1.0\r\n'],
  ['CR of the blank line', 'GET / HTTP/1.0\r\n\r'],
  ['part of a header', 'GET / HTTP/1.0\r\nHost: a'],
];

const EARLY: [name: string, raw: string, code: HttpErrorCode][] = [
  ['lower-case method before its SP', 'ge', 'M2_ERR_HTTP_METHOD'],
  ['bad target byte before the SP', 'GET /{', 'M2_ERR_HTTP_URI'],
  ['bad version before the line end', 'GET / HTTPS', 'M2_ERR_HTTP_VERSION'],
  ['folded line before its end', 'GET / HTTP/1.0\r\nA: b\r\n c', 'M2_ERR_HTTP_HEADER'],
];

describe('request head vectors', () => {
  it.each(GOOD)('accepts: %s', (_name, raw) => expect(parse(raw).kind).toBe('ok'));
  it.each(BAD)('rejects: %s', (_name, raw, code) => expect(parse(raw)).toMatchObject({ kind: 'error', code }));
  it.each(INCOMPLETE)('waits: %s', (_name, raw) => expect(parse(raw).kind).toBe('incomplete'));
  it.each(EARLY)('rejects a partial head early: %s', (_name, raw, code) => expect(parse(raw)).toMatchObject({ kind: 'error', code }));
});

describe('limits', () => {
  const sized = (n: number, eol = '\r\n'): string => {
    const base = `GET / HTTP/1.1${eol}Host: a${eol}X: `;
    return base + 'a'.repeat(n - base.length - 2 * eol.length) + eol + eol;
  };

  it('limits.buffer_size: a head of exactly bufferSize bytes passes, one more byte is too large', () => {
    for (const eol of ['\r\n', '\n']) {
      expect(sized(4096, eol)).toHaveLength(4096);
      expect(parse(sized(4096, eol)).kind).toBe('ok');
      expect(parse(sized(4097, eol))).toMatchObject({ kind: 'error', code: 'M2_ERR_HTTP_TOO_LARGE' });
      expect(parse(sized(100, eol), { bufferSize: 100 }).kind).toBe('ok');
      expect(parse(sized(101, eol), { bufferSize: 100 })).toMatchObject({ code: 'M2_ERR_HTTP_TOO_LARGE' });
    }
  });

  it('limits.buffer_size: no terminator yet is incomplete below the limit and too large at it', () => {
    const head = sized(200);
    expect(parse(head.slice(0, 99), { bufferSize: 100 }).kind).toBe('incomplete');
    expect(parse(head.slice(0, 100), { bufferSize: 100 })).toMatchObject({ code: 'M2_ERR_HTTP_TOO_LARGE' });
    expect(parse(head.slice(0, 10), { bufferSize: 10 })).toMatchObject({ code: 'M2_ERR_HTTP_TOO_LARGE' });
    expect(parse('GET / HT', { bufferSize: 8 })).toMatchObject({ code: 'M2_ERR_HTTP_TOO_LARGE' });
  });

  it('limits.header_count: once that many distinct names are kept, every later line is dropped (C)', () => {
    const raw = 'GET / HTTP/1.0\r\nA: 1\r\na: 2\r\nB: 3\r\nC: 4\r\nA: 5\r\nD: 6\r\n\r\n';
    const names = (count: number) => {
      const r = parse(raw, { headerCount: count });
      return r.kind === 'ok' ? r.request.headers.map(([n, v]) => n + v).join(' ') : r.kind;
    };
    expect(names(1280)).toBe('A1 a2 B3 C4 A5 D6');
    expect(names(3)).toBe('A1 a2 B3 C4');
    expect(names(2)).toBe('A1 a2 B3');
    expect(names(1)).toBe('A1');
    expect(names(0)).toBe('');
  });

  it('limits.header_count: dropped lines still count for framing and Host (no smuggling past the cap)', () => {
    const r = parse('POST / HTTP/1.1\r\nA: 1\r\nHost: a\r\nContent-Length: 7\r\n\r\n', { headerCount: 1 });
    expect(r).toMatchObject({ kind: 'ok', request: { contentLength: 7, headers: [['A', '1']] } });
    expect(parse('GET / HTTP/1.1\r\nA: 1\r\nHost: a\r\nHost: b\r\n\r\n', { headerCount: 1 })).toMatchObject({ code: 'M2_ERR_HTTP_HOST' });
  });

  it('request.relaxed admits { } ^ in path, query, fragment and authority, and nothing else', () => {
    for (const t of ['/^', '/a{b}', '/?{x}', '/#^', 'http://a{b}/', 'http://u^@h/']) {
      expect(parse(`GET ${t} HTTP/1.0\r\n\r\n`)).toMatchObject({ code: 'M2_ERR_HTTP_URI' });
      expect(parse(`GET ${t} HTTP/1.0\r\n\r\n`, { relaxed: true }).kind).toBe('ok');
    }
    for (const t of ['/a|b', '/a"b', '/a b', '/a[b]']) expect(parse(`GET ${t} HTTP/1.0\r\n\r\n`, { relaxed: true }).kind).toBe('error');
  });
});
