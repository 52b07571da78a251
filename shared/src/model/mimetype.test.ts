// The mimetype schema: rows of the 857 defaults as m2sh writes them (`.html`, the multi-part `.pcf.Z`, the odd
// `.~`), configs_multi_handler.conf's `.ttf` addition, and the refusals.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  extensionProblem, mimeTypeProblem, mimetypeFromRow, mimetypeInputSchema, mimetypeSchema, mimetypeToRow,
  type Mimetype, type MimetypeRow,
} from './mimetype.js';

// `m2sh load` of configs_complex.conf: three of the default rows.
const rows: MimetypeRow[] = [
  { id: 147, mimetype: 'text/plain', extension: '.txt' },
  { id: 542, mimetype: 'text/html', extension: '.html' },
  { id: 780, mimetype: 'application/x-font', extension: '.pcf.Z' },
];

function errors(value: unknown): [string, string][] {
  const r = mimetypeInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('mimetype', () => {
  it('maps the rows m2sh writes to API values and back', () => {
    for (const row of rows) {
      const value: Mimetype = mimetypeFromRow(row);
      expect(value).toEqual({ id: row.id, extension: row.extension, mimetype: row.mimetype });
      expect(mimetypeToRow(value)).toEqual(row);
      expect(mimetypeSchema.parse(value)).toEqual(value);
      expect(mimetypeFromRow(mimetypeToRow(value))).toEqual(value);
    }
  });

  it('accepts default and corpus entries', () => {
    const entries: [string, string][] = [['.ttf', 'application/x-font-ttf'], ['.~', 'application/x-trash'],
      ['.%', 'application/x-trash'], ['.js', 'application/x-javascript'], ['.svg', 'image/svg+xml'], ['.rst', 'text/prs.fallenstein.rst']];
    for (const [extension, mimetype] of entries) expect(errors({ extension, mimetype })).toEqual([]);
    expect(mimetypeToRow(mimetypeInputSchema.parse({ extension: '.ttf', mimetype: 'application/x-font-ttf' })))
      .toEqual({ extension: '.ttf', mimetype: 'application/x-font-ttf' });
  });

  it('says what is wrong', () => {
    expect(extensionProblem('.html')).toBeNull();
    expect(extensionProblem('html')).toBe("extension must start with '.', as in .html, not 'html'");
    expect(extensionProblem('.')).toBe('extension needs at least one character after the dot');
    expect(mimeTypeProblem('text/html')).toBeNull();
    expect(mimeTypeProblem('text')).toBe("'text' must be a media type such as text/plain");
  });

  it.each([
    ['extension', { extension: 'txt' }, 'M2_ERR_MODEL_EXTENSION'],
    ['extension', { extension: '' }, 'M2_ERR_MODEL_EXTENSION'],
    ['extension', { extension: '.' }, 'M2_ERR_MODEL_EXTENSION'],
    ['extension', { extension: '.a/b' }, 'M2_ERR_MODEL_EXTENSION'],
    ['extension', { extension: '.a b' }, 'M2_ERR_MODEL_EXTENSION'],
    ['mimetype', { mimetype: 'textplain' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['mimetype', { mimetype: '/plain' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['mimetype', { mimetype: 'text/' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['mimetype', { mimetype: 'text/plain; charset=utf-8' }, 'M2_ERR_MODEL_MIMETYPE'],
    ['mimetype', { mimetype: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['type', { type: 'text/plain' }, 'M2_ERR_MODEL_UNKNOWN_FIELD'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ extension: '.txt', mimetype: 'text/plain', ...patch })).toEqual([[path, code]]);
  });
});
