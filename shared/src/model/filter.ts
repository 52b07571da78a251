// The `filter` and `xrequest` tables (spec §1.1, §10): plugins a server loads, one row per plugin, with the same
// columns. `name` is the plugin's path (a `.so` for the C server) and `settings` is its configuration as m2sh
// stores it: the text of a tnetstring dict (Plugin_load in config_file.c), kept as text here so a row
// round-trips byte for byte; it must parse, whole, as a dict.
import { z } from 'zod';
import { parseTns } from '../protocol/tnetstring.js';
import { ModelErr, coded } from './errors.js';
import { idSchema, nonEmptySchema, refIdSchema } from './fields.js';

/** The settings of a plugin with none: an empty tnetstring dict. */
export const EMPTY_PLUGIN_SETTINGS = '0:}';

/** Null when `text` is one whole tnetstring dict; else what is wrong. */
export function pluginSettingsProblem(text: string): string | null {
  try {
    const value = parseTns(text);
    return value instanceof Map ? null : 'settings must be a tnetstring dict (ending in })';
  } catch (e) {
    return `settings is not a tnetstring: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const fields = {
  serverId: refIdSchema('serverId'),
  name: nonEmptySchema('name'),
  settings: coded(z.string(), ModelErr.TNETSTRING, pluginSettingsProblem),
};

/** A filter (or xrequest) as the admin API shows it. */
export const filterSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a filter (or xrequest); `settings` defaults to an empty dict. */
export const filterInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  settings: fields.settings.default(EMPTY_PLUGIN_SETTINGS),
}).strict();

/** An xrequest plugin as the admin API shows it: the same shape as a filter. */
export const xrequestSchema = filterSchema;
/** What a client sends to create or replace an xrequest. */
export const xrequestInputSchema = filterInputSchema;

/** A filter plugin of a server. */
export type Filter = z.infer<typeof filterSchema>;
/** A filter as a client may send it. */
export type FilterInput = z.input<typeof filterInputSchema>;
/** An xrequest plugin of a server. */
export type Xrequest = Filter;
/** An xrequest as a client may send it. */
export type XrequestInput = FilterInput;

/** A `filter` or `xrequest` row's columns as the C m2sh writes them, without the id. */
export interface FilterColumns {
  server_id: number;
  name: string;
  settings: string;
}

/** A `filter` or `xrequest` row as SQLite returns it. */
export interface FilterRow extends FilterColumns {
  id: number;
}

/** Maps a `filter` or `xrequest` row to the API's value (no validation). */
export function filterFromRow(row: FilterRow): Filter {
  return { id: row.id, serverId: row.server_id, name: row.name, settings: row.settings };
}

/** Maps a value to its `filter` or `xrequest` row: with `id` when the value has one, without for an insert. */
export function filterToRow(value: Filter): FilterRow;
export function filterToRow(value: z.output<typeof filterInputSchema>): FilterColumns & { id?: number };
export function filterToRow(value: z.output<typeof filterInputSchema>): FilterColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    server_id: value.serverId,
    name: value.name,
    settings: value.settings,
  };
}
