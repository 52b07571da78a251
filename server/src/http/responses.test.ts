// Mirrors src/response.c and src/dir.c: the exact bytes of every built-in response, as spec §6.1's table lists
// them (copied from the table, `\r\n` line ends), the 301 observed in §12.1, and the Date format.
import { describe, expect, it } from 'vitest';
import {
  BAD_GATEWAY_502, BAD_REQUEST_400, CONTINUE_100, ENTITY_TOO_LARGE_413, EXPECTATION_FAILED_417, INTERNAL_ERROR_500,
  METHOD_NOT_ALLOWED_405, NOT_FOUND_404, NOT_IMPLEMENTED_501, NOT_MODIFIED_304, PRECONDITION_FAILED_412, RESPONSES,
  SERVER_HEADER, SERVER_VERSION, httpDate, redirect,
} from './responses.js';

const SPEC: [name: string, actual: Buffer, exact: string][] = [
  ['100', CONTINUE_100, 'HTTP/1.1 100 Continue\r\n\r\n'],
  ['304', NOT_MODIFIED_304, 'HTTP/1.1 304 Not Modified\r\nConnection: close\r\nContent-Length: 0\r\nServer: Mongrel2/1.13.0\r\n\r\n'],
  ['400', BAD_REQUEST_400, 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 11\r\nServer: Mongrel2/1.13.0\r\n\r\nBad Request'],
  ['404', NOT_FOUND_404, 'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 9\r\nServer: Mongrel2/1.13.0\r\n\r\nNot Found'],
  ['405', METHOD_NOT_ALLOWED_405, 'HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 18\r\nServer: Mongrel2/1.13.0\r\n\r\nMethod Not Allowed'],
  ['412', PRECONDITION_FAILED_412, 'HTTP/1.1 412 Precondition Failed\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 19\r\nServer: Mongrel2/1.13.0\r\n\r\nPrecondition Failed'],
  ['413', ENTITY_TOO_LARGE_413, 'HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 16\r\nServer: Mongrel2/1.13.0\r\n\r\nEntity Too Large'],
  ['417', EXPECTATION_FAILED_417, 'HTTP/1.1 417 Expectation Failed\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 18\r\nServer: Mongrel2/1.13.0\r\n\r\nExpectation Failed'],
  ['500', INTERNAL_ERROR_500, 'HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 21\r\nServer: Mongrel2/1.13.0\r\n\r\nInternal Server Error'],
  ['501', NOT_IMPLEMENTED_501, 'HTTP/1.1 501 Not Implemented\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 15\r\nServer: Mongrel2/1.13.0\r\n\r\nNot Implemented'],
  ['502', BAD_GATEWAY_502, 'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 11\r\nServer: Mongrel2/1.13.0\r\n\r\nBad Gateway'],
];

describe('built-in responses (spec §6.1)', () => {
  it.each(SPEC)('%s is byte for byte the spec text', (_name, actual, exact) => {
    expect(actual.equals(Buffer.from(exact, 'latin1'))).toBe(true);
    expect(actual.toString('latin1')).toBe(exact);
  });

  it('each Content-Length matches its body', () => {
    for (const [, actual] of SPEC) {
      const text = actual.toString('latin1');
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      const declared = /Content-Length: (\d+)/.exec(text);
      if (declared) expect(Number(declared[1])).toBe(body.length);
      else expect(body).toBe('');
    }
  });

  it('RESPONSES indexes the text/plain errors by status', () => {
    expect(Object.keys(RESPONSES).map(Number)).toEqual([400, 404, 405, 412, 413, 417, 500, 501, 502]);
    for (const [status, buf] of Object.entries(RESPONSES)) expect(buf.toString('latin1').startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(Object.isFrozen(RESPONSES)).toBe(true);
  });

  it('the Server constants', () => {
    expect(SERVER_VERSION).toBe('Mongrel2/1.13.0');
    expect(SERVER_HEADER).toBe('Server: Mongrel2/1.13.0');
  });
});

describe('redirect (DIR_REDIRECT_FORMAT)', () => {
  it('is the 301 observed in spec §12.1 for the Location it is given', () => {
    expect(redirect('//localhost:16767/static/sub/').toString('latin1')).toBe(
      'HTTP/1.1 301 Moved Permanently\r\nLocation: //localhost:16767/static/sub/\r\nContent-Length: 0\r\nServer: Mongrel2/1.13.0\r\n\r\n',
    );
    expect(redirect('/dir/?q=1').toString('latin1')).toContain('\r\nLocation: /dir/?q=1\r\n');
  });

  it('percent-escapes control bytes so a Location can never split the head', () => {
    const text = redirect('/a\r\nSet-Cookie: x\x00\x7f/').toString('latin1');
    expect(text).toContain('\r\nLocation: /a%0D%0ASet-Cookie: x%00%7F/\r\n');
    expect(text.split('\r\n')).toHaveLength(6);
  });

  it('keeps latin1 bytes as single bytes', () => {
    expect(redirect('/\xe9/').includes(Buffer.from([0x2f, 0xe9, 0x2f]))).toBe(true);
  });
});

describe('httpDate', () => {
  it('renders IMF-fixdate in GMT', () => {
    expect(httpDate(Date.UTC(2026, 10, 22, 0, 45, 39))).toBe('Sun, 22 Nov 2026 00:45:39 GMT');
    expect(httpDate(Date.UTC(2020, 0, 2, 3, 4, 5))).toBe('Thu, 02 Jan 2020 03:04:05 GMT');
    expect(httpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(httpDate(Date.UTC(1999, 11, 31, 23, 59, 59, 999))).toBe('Fri, 31 Dec 1999 23:59:59 GMT');
  });

  it('caches one string per second and moves on at the next second', () => {
    const t = Date.UTC(2026, 10, 22, 0, 45, 39);
    const a = httpDate(t + 1);
    expect(httpDate(t + 999)).toBe(a);
    expect(httpDate(t + 1000)).toBe('Sun, 22 Nov 2026 00:45:40 GMT');
    expect(httpDate(t - 1)).toBe('Sun, 22 Nov 2026 00:45:38 GMT');
  });
});
