// Unit vectors for the Dir helpers: the mimetype suffix search (MIME_match_ext / tst_search_suffix), burl_decode,
// Dir_resolve_file's target shapes, the decision-7 boundary, decision-10 Locations, HTTP-date and entity-tag parsing.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { etagListMatches, parseHttpDate } from './conditional.js';
import { httpDate } from './dir-responses.js';
import {
  asciiLower, buildMimeTable, insideBase, percentDecode, redirectLocation, relativeTarget, toFsPath,
} from './resolve.js';

const TSV = new URL('../../../../shared/data/mimetypes.tsv', import.meta.url);

describe('buildMimeTable', () => {
  const t = buildMimeTable([['.gz', 'application/x-gzip'], ['.tar.gz', 'application/x-tgz'], ['.html', 'text/html'],
    ['.HTM', 'never'], ['', 'skipped'], ['.js', 'application/x-javascript'], ['.js', 'second loses']]);
  it('picks the longest extension that ends the path', () => {
    expect(t.lookup('/b/x.tar.gz')).toBe('application/x-tgz');
    expect(t.lookup('/b/x.gz')).toBe('application/x-gzip');
    expect(t.lookup('/b/x.html')).toBe('text/html');
  });
  it('needs the dot: no match for a bare name or a longer extension', () => {
    expect(t.lookup('/b/html')).toBeUndefined();
    expect(t.lookup('/b/x.xhtml')).toBeUndefined();
    expect(t.lookup('/b/x.html.bak')).toBeUndefined();
    expect(t.lookup('')).toBeUndefined();
  });
  it('uses extensions as given (an upper-case row never matches a lower-cased path) and the first duplicate', () => {
    expect(t.lookup('/b/x.htm')).toBeUndefined();
    expect(t.lookup('/b/x.js')).toBe('application/x-javascript');
  });
  it.skipIf(!existsSync(TSV))('gives the shipped table\'s notable types', () => {
    const rows = readFileSync(TSV, 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t') as [string, string]);
    const m = buildMimeTable(rows);
    expect(rows.length).toBe(857);
    expect(m.lookup('/x/app.js')).toBe('application/x-javascript');
    expect(m.lookup('/x/index.html')).toBe('text/html');
    expect(m.lookup('/x/a.xhtml')).toBe('application/xhtml+xml');
    expect(m.lookup('/x/a.woff2')).toBeUndefined();
  });
});

describe('path helpers', () => {
  it('lower-cases ASCII only', () => {
    expect(asciiLower('/A/UP.HTML')).toBe('/a/up.html');
    expect(asciiLower('/Ä/İ.TXT')).toBe('/Ä/İ.txt');
  });
  it('decodes %XX only, bytes as latin1 chars', () => {
    expect(percentDecode('/a%20b+c%2F%2e%2E')).toBe('/a b+c/..');
    expect(percentDecode('%zz%4%%41')).toBe('%zz%4%A');
    expect(percentDecode('%C3%A9')).toBe('\xc3\xa9');
    expect(percentDecode('%252e')).toBe('%2e');
  });
  it('builds the Dir_resolve_file target shapes', () => {
    expect(relativeTarget('/static/', '/static/', 'index.html')).toBe('/index.html');
    expect(relativeTarget('/static/a/', '/static/', 'index.html')).toBe('/a/index.html');
    expect(relativeTarget('/static/a.txt', '/static/', 'index.html')).toBe('/a.txt');
    expect(relativeTarget('/foo', '/foo', 'index.html')).toBe('/foo');
    expect(relativeTarget('/foo/x', '/foo', 'index.html')).toBe('//x');
  });
  it('turns decoded bytes into fs paths, refusing NUL and invalid UTF-8', () => {
    expect(toFsPath('/a b')).toBe('/a b');
    expect(toFsPath('/caf\xc3\xa9')).toBe('/café');
    expect(toFsPath('/caf\xe9')).toBeUndefined();
    expect(toFsPath('/a\0.html')).toBeUndefined();
  });
  it('checks the base with a / boundary (decision 7)', () => {
    expect(insideBase('/srv/static', '/srv/static')).toBe(true);
    expect(insideBase('/srv/static/x', '/srv/static')).toBe(true);
    expect(insideBase('/srv/static2/x', '/srv/static')).toBe(false);
    expect(insideBase('/srv', '/srv/static')).toBe(false);
    expect(insideBase('/etc/passwd', '/')).toBe(true);
  });
  it('builds redirect Locations (decision 10)', () => {
    expect(redirectLocation('h:1', '/d', undefined)).toBe('//h:1/d/');
    expect(redirectLocation('h', '/d', 'q=1')).toBe('//h/d/?q=1');
    expect(redirectLocation(undefined, '/d', 'q')).toBe('/d/?q');
    expect(redirectLocation('', '/d', undefined)).toBe('/d/');
  });
});

describe('dates and tags', () => {
  it('formats dates as strftime %a, %d %b %Y %H:%M:%S GMT does', () => {
    expect(httpDate(1577934245)).toBe('Thu, 02 Jan 2020 03:04:05 GMT');
    expect(httpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });
  it('parses the three HTTP-date forms', () => {
    expect(parseHttpDate('Thu, 02 Jan 2020 03:04:05 GMT')).toBe(1577934245);
    expect(parseHttpDate('Thursday, 02-Jan-20 03:04:05 GMT')).toBe(1577934245);
    expect(parseHttpDate('Thu Jan  2 03:04:05 2020')).toBe(1577934245);
    expect(parseHttpDate('THU, 2 JANUARY 2020 3:4:5 GMT')).toBe(1577934245);
    expect(parseHttpDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBe(0);
  });
  it('rejects what is not a date', () => {
    for (const bad of ['', 'now', 'Xyz, 02 Jan 2020 03:04:05 GMT', 'Thu, 02 Foo 2020 03:04:05 GMT',
      'Thu, 02 Jan 2020 03:04:05', 'Thu, 02 Jan 2020 25:04:05 GMT', 'Thu, 32 Jan 2020 03:04:05 GMT', '1577934245']) {
      expect([bad, parseHttpDate(bad)]).toEqual([bad, undefined]);
    }
  });
  it('matches entity-tag lists in the three forms only', () => {
    expect(etagListMatches('5e-b', '5e-b')).toBe(true);
    expect(etagListMatches(' "x" ,"5e-b"', '5e-b')).toBe(true);
    expect(etagListMatches('W/"5e-b"', '5e-b')).toBe(true);
    expect(etagListMatches('"5e-b', '5e-b')).toBe(false);
    expect(etagListMatches('5e-bb, 5e', '5e-b')).toBe(false);
  });
});
