// Chunked body vectors, fed whole and at every split point.
import { describe, expect, it } from 'vitest';
import { ChunkedDecoder, MAX_CHUNK } from './chunked.js';

function decodeAll(text: string, split?: number) {
  const d = new ChunkedDecoder();
  const buf = Buffer.from(text, 'latin1');
  const parts = split === undefined ? [buf] : [buf.subarray(0, split), buf.subarray(split)];
  let out = '';
  let consumed = 0;
  for (const p of parts) {
    const r = d.push(p);
    if (r.error) return { error: r.error };
    out += Buffer.concat(r.data).toString('latin1');
    consumed += r.consumed;
    if (r.done) return { body: out, consumed, done: true };
  }
  return { body: out, consumed, done: false };
}

describe('ChunkedDecoder', () => {
  const good = '4\r\nWiki\r\n5;ext=1\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\nNEXT';
  it('decodes a body with extensions and trailers, stopping at its end', () => {
    expect(decodeAll(good)).toEqual({ body: 'Wikipedia in\r\n\r\nchunks.', consumed: good.length - 4, done: true });
  });
  it('gives the same result at every split point', () => {
    for (let i = 0; i <= good.length; i++) expect(decodeAll(good, i)).toEqual({ body: 'Wikipedia in\r\n\r\nchunks.', consumed: good.length - 4, done: true });
  });
  it('accepts bare LF line ends and reports an unfinished body as not done', () => {
    expect(decodeAll('3\nabc\n0\n\n')).toEqual({ body: 'abc', consumed: 9, done: true });
    expect(decodeAll('3\r\nab')).toEqual({ body: 'ab', consumed: 5, done: false });
  });
  it('refuses bad size lines, missing CRLF after data and chunks over 100 KiB', () => {
    expect(decodeAll('zz\r\n').error).toMatch(/invalid chunk size/);
    expect(decodeAll('3\r\nabcX\r\n').error).toMatch(/not followed by CRLF/);
    expect(decodeAll(`${(MAX_CHUNK + 1).toString(16)}\r\n`).error).toMatch(/over/);
    expect(decodeAll('-1\r\n').error).toMatch(/invalid chunk size/);
  });
});
