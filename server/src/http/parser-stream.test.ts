// Mirrors how src/connection.c's Connection_read_header drives http_parser_execute over a growing IOBuf: a head
// that arrives in pieces, pipelined heads in one buffer (the next parse starts at the previous head's end plus
// its body), and hostile bytes, which must give a result and never an exception.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSER_LIMITS, parseRequestHead, type ParseResult, type ParserLimits } from './parser.js';

const L = DEFAULT_PARSER_LIMITS;
const parse = (buf: Buffer, start = 0, limits: ParserLimits = L): ParseResult => parseRequestHead(buf, start, limits);
const same = (r: ParseResult) => (r.kind === 'ok' ? { ...r, request: { ...r.request, head: r.request.head.toString('latin1') } } : r);

const HEADS = [
  'GET /a?b#c HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n',
  'GET / HTTP/1.0\n\n',
  'POST http://h:1/p HTTP/1.1\nHost:\nContent-Length: 5\n\n',
  'PUT /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nX-E:\t\xe9 \r\n\r\n',
];

describe('incremental feeding', () => {
  it.each(HEADS)('every split point is incomplete until the blank line, then the same result: %j', (head) => {
    const whole = Buffer.from(head + 'BODY', 'latin1');
    const full = parse(whole);
    expect(full.kind).toBe('ok');
    const end = full.kind === 'ok' ? full.headEnd : -1;
    expect(end).toBe(Buffer.byteLength(head, 'latin1'));
    for (let k = 0; k <= whole.length; k++) {
      const r = parse(whole.subarray(0, k));
      if (k < end) expect(r, `split at ${k}`).toEqual({ kind: 'incomplete' });
      else expect(same(r), `split at ${k}`).toEqual(same(full));
    }
  });

  it('a bad head gives incomplete or that same error at every split point, never ok', () => {
    for (const raw of ['GET /x HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n', 'GET /x{ HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n']) {
      const whole = Buffer.from(raw, 'latin1');
      const final = parse(whole);
      expect(final.kind).toBe('error');
      for (let k = 0; k <= whole.length; k++) {
        const r = parse(whole.subarray(0, k));
        if (r.kind !== 'incomplete') expect(r, `split at ${k} of ${JSON.stringify(raw)}`).toEqual(final);
      }
    }
  });

  it('a head trickling past limits.buffer_size turns from incomplete into too large at exactly that size', () => {
    const limits = { ...L, bufferSize: 64 };
    const whole = Buffer.from(`GET / HTTP/1.0\r\nX: ${'a'.repeat(100)}\r\n\r\n`);
    for (let k = 0; k <= whole.length; k++) {
      const r = parse(whole.subarray(0, k), 0, limits);
      expect(r.kind === 'error' ? r.code : r.kind, `split at ${k}`).toBe(k < 64 ? 'incomplete' : 'M2_ERR_HTTP_TOO_LARGE');
    }
  });
});

describe('pipelined heads and offsets', () => {
  it('parses the second head of a buffer at the first one\'s headEnd', () => {
    const buf = Buffer.from('GET /one HTTP/1.1\r\nHost: a\r\n\r\nHEAD /two HTTP/1.0\n\nGET /thr', 'latin1');
    const first = parse(buf);
    expect(first).toMatchObject({ kind: 'ok', request: { method: 'GET', path: '/one' } });
    if (first.kind !== 'ok') return;
    const second = parse(buf, first.headEnd);
    expect(second).toMatchObject({ kind: 'ok', request: { method: 'HEAD', path: '/two', version: 'HTTP/1.0' } });
    if (second.kind !== 'ok') return;
    expect(second.request.head.toString()).toBe('HEAD /two HTTP/1.0\n\n');
    expect(parse(buf, second.headEnd)).toEqual({ kind: 'incomplete' });
  });

  it('skips a Content-Length body, and counts limits.buffer_size from start, not from the buffer\'s beginning', () => {
    const one = 'POST /a HTTP/1.0\r\nContent-Length: 5\r\n\r\n';
    const buf = Buffer.from(`${one}hello${'GET /b HTTP/1.0\r\n\r\n'}`, 'latin1');
    const first = parse(buf, 0, { ...L, bufferSize: 40 });
    expect(first).toMatchObject({ kind: 'ok', headEnd: one.length, request: { contentLength: 5 } });
    const second = parse(buf, one.length + 5, { ...L, bufferSize: 20 });
    expect(second).toMatchObject({ kind: 'ok', headEnd: buf.length, request: { path: '/b' } });
  });

  it('treats a start at the end of the buffer as incomplete', () => {
    const buf = Buffer.from('GET / HTTP/1.0\r\n\r\n');
    expect(parse(buf, buf.length)).toEqual({ kind: 'incomplete' });
    expect(parse(buf, buf.length + 3)).toEqual({ kind: 'incomplete' });
  });
});

describe('hostile input', () => {
  // A small deterministic generator, so a failure can be replayed.
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const valid = (r: ParseResult): boolean =>
    r.kind === 'incomplete' || (r.kind === 'error' && r.code.startsWith('M2_ERR_HTTP_')) || (r.kind === 'ok' && r.headEnd > 0);

  it('never throws on random bytes, nor on random mutations of good heads', () => {
    const alphabet = Buffer.from('GET /HTTP1.0\r\n:?#[]@%{}^ \tHost-Content-Length:chunked0123456789az\x00\x7f\xe9');
    for (let n = 0; n < 3000; n++) {
      const len = rnd(120);
      const b = Buffer.alloc(len);
      for (let i = 0; i < len; i++) b[i] = n % 2 ? rnd(256) : alphabet[rnd(alphabet.length)]!;
      expect(valid(parse(b, 0, { ...L, relaxed: n % 3 === 0, bufferSize: 1 + rnd(130), headerCount: rnd(4) }))).toBe(true);
    }
    for (const head of HEADS) {
      for (let n = 0; n < 1000; n++) {
        const b = Buffer.from(head, 'latin1');
        for (let m = 0; m <= rnd(3); m++) b[rnd(b.length)] = alphabet[rnd(alphabet.length)]!;
        expect(valid(parse(b))).toBe(true);
      }
    }
  });
});
