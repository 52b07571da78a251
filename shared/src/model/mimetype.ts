// The `mimetype` table (spec §1.1, §1.4): file extension → Content-Type for Dir targets. The extension keeps its
// leading dot (`.html`; also multi-part ones like `.pcf.Z` and odd ones like `.~` from the default 857 rows),
// and the server refuses a database holding the same extension twice (MIME_add_type). The type is `type/subtype`.
import { z } from 'zod';
import { ModelErr, coded, quoted } from './errors.js';
import { idSchema } from './fields.js';

/** Null when `type` looks like a media type (`type/subtype`, no spaces); else what is wrong, to follow a field name. */
export function mimeTypeProblem(type: string): string | null {
  if (type.length === 0) return 'must not be empty';
  const slash = type.indexOf('/');
  if (slash <= 0 || slash === type.length - 1) return `${quoted(type)} must be a media type such as text/plain`;
  if (/[\s\0]/.test(type)) return `${quoted(type)} must not contain spaces or control characters`;
  return null;
}

/** Null when `ext` is a usable extension (a dot, then at least one character, no `/` or spaces); else why not. */
export function extensionProblem(ext: string): string | null {
  if (!ext.startsWith('.')) return `extension must start with '.', as in .html, not ${quoted(ext)}`;
  if (ext.length < 2) return 'extension needs at least one character after the dot';
  if (/[/\s\0]/.test(ext)) return `extension ${quoted(ext)} must not contain '/', spaces or control characters`;
  return null;
}

const fields = {
  extension: coded(z.string(), ModelErr.EXTENSION, extensionProblem),
  mimetype: coded(z.string(), ModelErr.MIMETYPE, (v) => {
    const problem = mimeTypeProblem(v);
    return problem === null ? null : `mimetype ${problem}`;
  }),
};

/** A mimetype row as the admin API shows it. */
export const mimetypeSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a mimetype. */
export const mimetypeInputSchema = z.object({ ...fields, id: idSchema.optional() }).strict();

/** An extension's Content-Type. */
export type Mimetype = z.infer<typeof mimetypeSchema>;
/** A mimetype as a client may send it. */
export type MimetypeInput = z.input<typeof mimetypeInputSchema>;

/** A `mimetype` row's columns as the C m2sh writes them, without the id. */
export interface MimetypeColumns {
  mimetype: string;
  extension: string;
}

/** A `mimetype` row as SQLite returns it. */
export interface MimetypeRow extends MimetypeColumns {
  id: number;
}

/** Maps a row to the API's value (no validation). */
export function mimetypeFromRow(row: MimetypeRow): Mimetype {
  return { id: row.id, extension: row.extension, mimetype: row.mimetype };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function mimetypeToRow(value: Mimetype): MimetypeRow;
export function mimetypeToRow(value: z.output<typeof mimetypeInputSchema>): MimetypeColumns & { id?: number };
export function mimetypeToRow(value: z.output<typeof mimetypeInputSchema>): MimetypeColumns & { id?: number } {
  return { ...(value.id === undefined ? {} : { id: value.id }), mimetype: value.mimetype, extension: value.extension };
}
