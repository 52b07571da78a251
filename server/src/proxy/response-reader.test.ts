// Tests for the pure backend-response framing parser: what Proxy_read_and_parse / Proxy_stream_chunks /
// connection_proxy_reply_parse learn from a backend response (status, Content-Length, chunked, close),
// checked on the recorded client_suite responses at every split point and on hand-made edge cases.

import { describe, expect, it } from 'vitest';
import { ResponseReader, type ResponseReaderOptions } from './response-reader.js';
import { loadCorpus } from './test-net.js';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Feeds `parts` in order; returns the reader and the total bytes it consumed. */
function feed(parts: Buffer[], opts?: ResponseReaderOptions): { r: ResponseReader; used: number } {
  const r = new ResponseReader(opts);
  let used = 0;
  for (const part of parts) {
    const res = r.push(part);
    used += res.consumed;
    if (res.done || r.phase === 'error') break;
  }
  return { r, used };
}

/** Where each corpus response ends (the files carry a stray trailing newline after some of them). */
const corpusEnds: Record<string, { end: number; status: number; cl: number; chunked: boolean; close: boolean }> = {
  cherrypy_chunked: { end: 134, status: 200, cl: -1, chunked: true, close: false },
  google_chunked_encoding: { end: 10564, status: 200, cl: -1, chunked: true, close: false },
  nginx_test: { end: 225, status: 200, cl: 10, chunked: false, close: false },
  simple_test_ex: { end: 215, status: 200, cl: 23, chunked: false, close: true },
};

describe('ResponseReader on the client_suite corpus', () => {
  for (const [name, data] of loadCorpus()) {
    it(`${name}: same framing at every split point`, () => {
      const want = corpusEnds[name];
      expect(want, `no expectation for corpus file ${name}`).toBeDefined();
      if (!want) return;
      const whole = feed([data]);
      expect(whole.r.error).toBeUndefined();
      expect([whole.used, whole.r.status, whole.r.contentLength, whole.r.chunked, whole.r.wantsClose]).toEqual([
        want.end, want.status, want.cl, want.chunked, want.close,
      ]);
      expect(data.subarray(want.end).toString()).toMatch(/^\r?\n?$/);
      const step = data.length > 2000 ? 7 : 1;
      for (let cut = 1; cut < data.length; cut += step) {
        const { r, used } = feed([data.subarray(0, cut), data.subarray(cut)]);
        expect([used, r.phase, r.status, r.contentLength], `split at ${cut}`).toEqual([want.end, 'done', 200, want.cl]);
      }
      const bytewise = feed([...data].map((x) => Buffer.from([x])), { maxHeadReads: 1e6 });
      expect([bytewise.used, bytewise.r.phase]).toEqual([want.end, 'done']);
    });
  }
});

describe('ResponseReader framing', () => {
  it('Content-Length: stops at the end and leaves a pipelined response alone', () => {
    const one = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello';
    const r = new ResponseReader();
    const res = r.push(b(`${one}HTTP/1.1 404 Nope\r\nContent-Length: 0\r\n\r\n`));
    expect(res).toEqual({ consumed: one.length, done: true });
    r.reset();
    expect(r.push(b('HTTP/1.1 404 Nope\r\nContent-Length: 0\r\n\r\n')).done).toBe(true);
    expect([r.status, r.contentLength, r.wantsClose]).toEqual([404, 0, false]);
  });

  it('chunked with extensions and trailers ends after the trailer section', () => {
    const body = '5;name=val;x\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0;last\r\nX-Sum: 1\r\nY: 2\r\n\r\n';
    const text = `HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n${body}`;
    for (let cut = 0; cut <= text.length; cut++) {
      const { r, used } = feed([b(text.slice(0, cut)), b(`${text.slice(cut)}HTTP/1.1 200`)]);
      expect([used, r.phase, r.chunked, r.contentLength], `cut ${cut}`).toEqual([text.length, 'done', true, -1]);
    }
  });

  it('close-delimited bodies end only when the backend closes', () => {
    const r = new ResponseReader();
    expect(r.push(b('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome body')).done).toBe(false);
    expect(r.push(b('more')).consumed).toBe(4);
    expect([r.closeDelimited, r.wantsClose]).toEqual([true, true]);
    expect(r.end()).toBe(true);
    const te = feed([b('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabcdef')]).r;
    expect([te.closeDelimited, te.phase]).toEqual([true, 'body']);
  });

  it('204, 304 and HEAD responses are head-only even with a Content-Length', () => {
    for (const [status, method] of [[204, 'GET'], [304, 'GET'], [200, 'HEAD']] as const) {
      const text = `HTTP/1.1 ${status} X\r\nContent-Length: 1000\r\n\r\n`;
      const { r, used } = feed([b(`${text}HTTP/1.1 200 OK\r\n`)], { method });
      expect([used, r.phase, r.status, r.contentLength]).toEqual([text.length, 'done', status, 1000]);
    }
  });

  it('1xx interim heads are followed by the final response', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n' +
      'HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok';
    for (let cut = 0; cut <= text.length; cut++) {
      const { r, used } = feed([b(text.slice(0, cut)), b(text.slice(cut))]);
      expect([used, r.phase, r.status, r.interim]).toEqual([text.length, 'done', 201, 2]);
    }
  });

  it('works out whether the backend connection can be reused', () => {
    const close = (head: string): boolean => feed([b(`${head}\r\nContent-Length: 0\r\n\r\n`)]).r.wantsClose;
    expect(close('HTTP/1.1 200 OK')).toBe(false);
    expect(close('HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close')).toBe(true);
    expect(close('HTTP/1.0 200 OK')).toBe(true);
    expect(close('HTTP/1.0 200 OK\r\nConnection: keep-alive')).toBe(false);
    expect(close('HTTP/1.1 200 OK\r\nConnection:\r\n close')).toBe(true);
    expect(close('HTTP/1.1 200')).toBe(false);
  });

  it('end() before the response completes is an error', () => {
    const none = new ResponseReader();
    expect(none.end()).toBe(false);
    expect(none.error).toBe('backend closed without responding');
    const part = feed([b('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc')]).r;
    expect(part.end()).toBe(false);
    expect(part.error).toBe('backend closed mid-response');
  });
});

describe('ResponseReader rejects malformed responses', () => {
  const bad: [string, string, RegExp][] = [
    ['not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n', /malformed status line/],
    ['HTTP/2', 'HTTP/2.0 200 OK\r\n\r\n', /malformed status line/],
    ['bad status', 'HTTP/1.1 2OO OK\r\n\r\n', /malformed status line/],
    ['status 000', 'HTTP/1.1 000 OK\r\n\r\n', /malformed status line/],
    ['header without colon', 'HTTP/1.1 200 OK\r\nBroken header\r\n\r\n', /malformed header/],
    ['bad Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n', /invalid Content-Length/],
    ['conflicting lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n', /invalid Content-Length/],
    ['chunked not last', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n', /final transfer-coding/],
    ['bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /malformed chunk size/],
    ['chunk overrun', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n', /not followed by CRLF/],
    ['huge chunk', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000\r\n', /too large/],
    ['fold first', 'HTTP/1.1 200 OK\r\n folded\r\n\r\n', /continuation/],
  ];
  for (const [what, text, err] of bad) {
    it(what, () => {
      const { r } = feed([b(text)]);
      expect(r.phase).toBe('error');
      expect(r.error).toMatch(err);
      expect(r.push(b('more'))).toEqual({ consumed: 0, done: false });
    });
  }

  it('limits the head size and the number of reads for a head', () => {
    const big = feed([b(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70000)}\r\n\r\n`)]).r;
    expect(big.error).toMatch(/exceeds 65536 bytes/);
    const small = feed([b(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(200)}\r\n\r\n`)], { maxHeadBytes: 100 }).r;
    expect(small.error).toMatch(/exceeds 100 bytes/);
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
    const slow = feed([...head].map(b), { maxHeadReads: 10 }).r;
    expect(slow.error).toMatch(/more than 10 reads/);
    const ok = feed([...head].map(b), { maxHeadReads: head.length });
    expect([ok.r.phase, ok.r.headReads]).toEqual(['done', head.length]);
  });
});
