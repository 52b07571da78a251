// The `log` table (spec §1.1, ARCHITECTURE "One door to a running server"): the commit log, one row per change
// to the config — who made it, what it was, where (the machine), how (the command or tool) and why. m2sh's
// log_action writes it; `m2sh load` keeps it across reloads. SQLite stamps `happened_at` itself
// (DEFAULT CURRENT_TIMESTAMP, UTC text `YYYY-MM-DD HH:MM:SS`), so a client never sends it.
import { z } from 'zod';
import { idSchema, nonEmptySchema, textSchema } from './fields.js';

const fields = {
  who: nonEmptySchema('who'),
  what: nonEmptySchema('what'),
  location: textSchema('location'),
  how: textSchema('how'),
  why: textSchema('why').nullable(),
};

/** A commit-log entry as the admin API shows it. */
export const logSchema = z.object({ id: idSchema, ...fields, happenedAt: z.string() });

/** What a client sends to append a commit-log entry; `location`, `how` default to '' and `why` to null. */
export const logInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  location: fields.location.default(''),
  how: fields.how.default(''),
  why: fields.why.default(null),
}).strict();

/** A commit-log entry. */
export type Log = z.infer<typeof logSchema>;
/** A commit-log entry as a client may send it. */
export type LogInput = z.input<typeof logInputSchema>;

/** A `log` row's columns as m2sh writes them (without the id, and without happened_at, which SQLite fills in). */
export interface LogColumns {
  who: string;
  what: string;
  location: string;
  how: string;
  why: string | null;
}

/** A `log` row as SQLite returns it. */
export interface LogRow extends LogColumns {
  id: number;
  happened_at: string;
}

/** Maps a row to the API's value (no validation). */
export function logFromRow(row: LogRow): Log {
  return {
    id: row.id,
    who: row.who,
    what: row.what,
    location: row.location,
    happenedAt: row.happened_at,
    how: row.how,
    why: row.why,
  };
}

/** Maps a value to its row; an entry not yet stored has no id or happened_at, which SQLite assigns. */
export function logToRow(value: Log): LogRow;
export function logToRow(value: z.output<typeof logInputSchema>): LogColumns & { id?: number };
export function logToRow(value: z.output<typeof logInputSchema> & { happenedAt?: string }): LogColumns & { id?: number; happened_at?: string } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    who: value.who,
    what: value.what,
    location: value.location,
    ...(value.happenedAt === undefined ? {} : { happened_at: value.happenedAt }),
    how: value.how,
    why: value.why,
  };
}
