// The `host` table (spec §1.1, §5.2): a virtual host of a server. `name` is what server.default_host and the access
// log refer to; `matching` is what the Host header is matched against (reversed, by suffix, then the pattern part
// up to its last `)`), and m2sh writes the name there when a config gives none (Host_load). Checked as
// src/config/config.c and our loader do: both within limits.host_name (256 by default), the pattern well formed.
import { z } from 'zod';
import { checkPattern } from '../routing/index.js';
import { ModelErr, addModelIssue, coded, quoted } from './errors.js';
import { flagSchema, idSchema, nonEmptySchema, refIdSchema } from './fields.js';
import { SETTINGS_CATALOG } from './settings-catalog.js';

/** The longest host name or matching text with the default limits.host_name setting. */
export const HOST_NAME_MAX = Number(SETTINGS_CATALOG['limits.host_name'].default);

/** Null when a host's matching text is usable; else what is wrong with its pattern part. */
export function hostPatternProblem(matching: string): string | null {
  const paren = matching.lastIndexOf(')');
  if (paren < 0) return null;
  const check = checkPattern(matching.slice(0, paren + 1) + '$');
  return check.ok ? null : `${check.message} at character ${check.index + 1}`;
}

function hostText(field: string) {
  return coded(nonEmptySchema(field), ModelErr.TOO_LONG, (v) =>
    v.length <= HOST_NAME_MAX ? null : `${field} is ${v.length} characters long; limits.host_name allows ${HOST_NAME_MAX}`);
}

const matchingSchema = coded(hostText('matching'), ModelErr.PATTERN, (v) => {
  const problem = hostPatternProblem(v);
  return problem === null ? null : `matching ${quoted(v)}: ${problem}`;
});

const fields = {
  serverId: refIdSchema('serverId'),
  name: hostText('name'),
  matching: matchingSchema,
  maintenance: flagSchema('maintenance'),
};

/** A host as the admin API shows it. */
export const hostSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a host; `matching` defaults to `name`, as in m2sh. */
export const hostInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  matching: matchingSchema.optional(),
  maintenance: fields.maintenance.default(0),
}).strict().superRefine((v, ctx) => {
  // Without `matching`, the name is matched against Host headers, so its pattern part must be well formed.
  const problem = v.matching === undefined ? hostPatternProblem(v.name) : null;
  if (problem !== null) addModelIssue(ctx, ModelErr.PATTERN, `name ${quoted(v.name)} (the matching text when none is given): ${problem}`, ['name']);
}).transform((v) => ({ ...v, matching: v.matching ?? v.name }));

/** A host. */
export type Host = z.infer<typeof hostSchema>;
/** A host as a client may send it. */
export type HostInput = z.input<typeof hostInputSchema>;

/** A `host` row's columns as the C m2sh writes them, without the id. */
export interface HostColumns {
  server_id: number;
  /** Never written by m2sh (the column default 0) and never read by the server. */
  maintenance: number | null;
  name: string;
  matching: string | null;
}

/** A `host` row as SQLite returns it. */
export interface HostRow extends HostColumns {
  id: number;
}

/** Maps a row to the API's value (a NULL matching means the name, as the server reads it; no validation). */
export function hostFromRow(row: HostRow): Host {
  return {
    id: row.id,
    serverId: row.server_id,
    name: row.name,
    matching: row.matching ?? row.name,
    maintenance: row.maintenance ? 1 : 0,
  };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function hostToRow(value: Host): HostRow;
export function hostToRow(value: z.output<typeof hostInputSchema>): HostColumns & { id?: number };
export function hostToRow(value: z.output<typeof hostInputSchema>): HostColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    server_id: value.serverId,
    maintenance: value.maintenance,
    name: value.name,
    matching: value.matching,
  };
}
