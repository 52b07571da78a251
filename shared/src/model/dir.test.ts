// The Dir schema: the corpus Dirs (`Dir(base='tests/', index_file='index.html', default_ctype='text/plain')`,
// `examples/chat/static/`), rows as m2sh writes them, m2sh's trailing-`/` rule and the other refusals.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import { dirFromRow, dirInputSchema, dirSchema, dirToRow, type Dir, type DirRow } from './dir.js';

// `m2sh load` of configs_sample.conf.
const row: DirRow = { id: 1, base: 'tests/', index_file: 'index.html', default_ctype: 'text/plain', cache_ttl: 0 };
const dir: Dir = { id: 1, base: 'tests/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 };

const chat = { base: 'examples/chat/static/', indexFile: 'index.html', defaultCtype: 'text/plain' };

function errors(value: unknown): [string, string][] {
  const r = dirInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('dir', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(dirFromRow(row)).toEqual(dir);
    expect(dirToRow(dir)).toEqual(row);
    expect(dirSchema.parse(dir)).toEqual(dir);
    expect(dirFromRow({ ...row, cache_ttl: null })).toEqual(dir);
  });

  it('round-trips values through rows', () => {
    const values: Dir[] = [dir, { id: 2, base: '/var/www/static/', indexFile: 'index.htm', defaultCtype: 'application/octet-stream', cacheTtl: 3600 }];
    for (const v of values) expect(dirFromRow(dirToRow(v))).toEqual(v);
  });

  it('accepts the corpus Dirs and fills in cache_ttl 0', () => {
    for (const base of ['tests/', 'examples/chat/static/', 'htchat/', 'html/', 'cache/', '/', './public/']) {
      expect(errors({ ...chat, base })).toEqual([]);
    }
    const parsed = dirInputSchema.parse(chat);
    expect(parsed).toEqual({ ...chat, cacheTtl: 0 });
    expect(dirToRow(parsed)).toEqual({ base: 'examples/chat/static/', index_file: 'index.html', default_ctype: 'text/plain', cache_ttl: 0 });
  });

  it.each([
    ['base', { base: 'tests' }, 'M2_ERR_MODEL_DIR_BASE'],
    ['base', { base: '' }, 'M2_ERR_MODEL_DIR_BASE'],
    ['base', { base: 'static/../etc/' }, 'M2_ERR_MODEL_DIR_BASE'],
    ['base', { base: '../' }, 'M2_ERR_MODEL_DIR_BASE'],
    ['base', { base: 'a\0b/' }, 'M2_ERR_MODEL_DIR_BASE'],
    ['indexFile', { indexFile: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['indexFile', { indexFile: 'sub/index.html' }, 'M2_ERR_MODEL_INDEX_FILE'],
    ['defaultCtype', { defaultCtype: 'plain' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['defaultCtype', { defaultCtype: '' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['cacheTtl', { cacheTtl: -1 }, 'M2_ERR_MODEL_CACHE_TTL'],
    ['cacheTtl', { cacheTtl: 1.5 }, 'M2_ERR_MODEL_CACHE_TTL'],
    ['cacheTtl', { cacheTtl: '60' }, 'M2_ERR_MODEL_TYPE'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ ...chat, ...patch })).toEqual([[path, code]]);
  });

  it("keeps m2sh's words for a base without its trailing /", () => {
    const r = dirInputSchema.safeParse({ ...chat, base: 'tests' });
    expect(r.success ? '' : fieldErrors(r.error)[0]?.message).toBe("End directory base with / in 'tests' or it won't work right");
  });

  it('allows a `..` inside a name, only refusing it as a whole segment', () => {
    expect(errors({ ...chat, base: 'v1..2/' })).toEqual([]);
  });
});
