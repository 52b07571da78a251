// The `directory` table (spec §1.1, §6): a Dir target, serving static files from `base` (relative to the server's
// chroot or working directory). m2sh refuses a base without a trailing `/` ("End directory base with / in %s or
// it won't work right.", config_file.c Dir_load) and so does the server's loader; a `..` segment or a NUL would let
// the base escape or be cut short, so they are refused too. The index file is a single file name.
import { z } from 'zod';
import { ModelErr, coded, quoted } from './errors.js';
import { countSchema, idSchema, nonEmptySchema } from './fields.js';
import { mimeTypeProblem } from './mimetype.js';

const baseSchema = coded(z.string(), ModelErr.DIR_BASE, (v) => {
  if (!v.endsWith('/')) return `End directory base with / in ${quoted(v)} or it won't work right`;
  if (v.includes('\0')) return 'base must not contain a NUL character';
  if (v.split('/').includes('..')) return `base ${quoted(v)} must not contain a '..' segment`;
  return null;
});

const indexFileSchema = coded(nonEmptySchema('indexFile'), ModelErr.INDEX_FILE, (v) =>
  v.includes('/') ? `indexFile must be a file name without '/', not ${quoted(v)}` : null);

const fields = {
  base: baseSchema,
  indexFile: indexFileSchema,
  defaultCtype: coded(z.string(), ModelErr.MIMETYPE, (v) => {
    const problem = mimeTypeProblem(v);
    return problem === null ? null : `defaultCtype ${problem}`;
  }),
  cacheTtl: countSchema('cacheTtl', ModelErr.CACHE_TTL),
};

/** A Dir as the admin API shows it. */
export const dirSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a Dir; `cacheTtl` defaults to 0 (no Cache-Control max-age). */
export const dirInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  cacheTtl: fields.cacheTtl.default(0),
}).strict();

/** A Dir target. */
export type Dir = z.infer<typeof dirSchema>;
/** A Dir as a client may send it. */
export type DirInput = z.input<typeof dirInputSchema>;

/** A `directory` row's columns as the C m2sh writes them, without the id. */
export interface DirColumns {
  base: string;
  index_file: string;
  default_ctype: string;
  cache_ttl: number | null;
}

/** A `directory` row as SQLite returns it. */
export interface DirRow extends DirColumns {
  id: number;
}

/** Maps a row to the API's value (a NULL cache_ttl is the column default 0; no validation). */
export function dirFromRow(row: DirRow): Dir {
  return {
    id: row.id,
    base: row.base,
    indexFile: row.index_file,
    defaultCtype: row.default_ctype,
    cacheTtl: row.cache_ttl ?? 0,
  };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function dirToRow(value: Dir): DirRow;
export function dirToRow(value: z.output<typeof dirInputSchema>): DirColumns & { id?: number };
export function dirToRow(value: z.output<typeof dirInputSchema>): DirColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    base: value.base,
    index_file: value.indexFile,
    default_ctype: value.defaultCtype,
    cache_ttl: value.cacheTtl,
  };
}
