// The `route` table (spec §1.1, §5.3): a path of a host and the Target it points at. The path is a prefix looked
// up in the host's route map, and from its first `(` on a pattern the rest of the request path must match
// (src/routing.c); the pattern is checked here as the loader does, so a route can never fail only at request
// time. The target is (`target_type`, `target_id`): a row of `directory`, `handler` or `proxy`. The model's type
// is `RouteRecord`, since `Route` already names a route-map entry in shared/src/routing.
import { z } from 'zod';
import { checkPattern } from '../routing/index.js';
import { ModelErr, coded, oneOf, quoted } from './errors.js';
import { flagSchema, idSchema, nonEmptySchema, refIdSchema } from './fields.js';

/** The kinds of Target, as `route.target_type` spells them. */
export const TARGET_KINDS = ['dir', 'handler', 'proxy'] as const;

/** A kind of Target. */
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What a route points at: a Dir, Handler or Proxy row, by id. */
export const targetRefSchema = z.object({
  kind: oneOf(TARGET_KINDS, ModelErr.TARGET, "target kind must be 'dir', 'handler' or 'proxy'"),
  id: refIdSchema('target id'),
}).strict();

/** What a route points at. */
export type TargetRef = z.infer<typeof targetRefSchema>;

/** Null when a route path is usable; else what is wrong with its pattern part (from its first `(`). */
export function routePatternProblem(path: string): string | null {
  const paren = path.indexOf('(');
  if (paren < 0) return null;
  const check = checkPattern(path.slice(paren));
  return check.ok ? null : `${check.message} at character ${paren + check.index + 1}`;
}

const fields = {
  hostId: refIdSchema('hostId'),
  path: coded(nonEmptySchema('path'), ModelErr.PATTERN, (v) => {
    const problem = routePatternProblem(v);
    return problem === null ? null : `path ${quoted(v)}: ${problem}`;
  }),
  reversed: flagSchema('reversed'),
  target: targetRefSchema,
};

/** A route as the admin API shows it. */
export const routeSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a route; `reversed` (never read by the server) defaults to 0. */
export const routeInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  reversed: fields.reversed.default(0),
}).strict();

/** A route. */
export type RouteRecord = z.infer<typeof routeSchema>;
/** A route as a client may send it. */
export type RouteInput = z.input<typeof routeInputSchema>;

/** A `route` row's columns as the C m2sh writes them, without the id. */
export interface RouteColumns {
  path: string;
  /** Never written by m2sh (the column default 0) and never read by the server. */
  reversed: number | null;
  host_id: number;
  target_id: number;
  target_type: TargetKind;
}

/** A `route` row as SQLite returns it. */
export interface RouteRow extends RouteColumns {
  id: number;
}

/** Maps a row to the API's value (no validation). */
export function routeFromRow(row: RouteRow): RouteRecord {
  return {
    id: row.id,
    hostId: row.host_id,
    path: row.path,
    reversed: row.reversed ? 1 : 0,
    target: { kind: row.target_type, id: row.target_id },
  };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function routeToRow(value: RouteRecord): RouteRow;
export function routeToRow(value: z.output<typeof routeInputSchema>): RouteColumns & { id?: number };
export function routeToRow(value: z.output<typeof routeInputSchema>): RouteColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    path: value.path,
    reversed: value.reversed,
    host_id: value.hostId,
    target_id: value.target.id,
    target_type: value.target.kind,
  };
}
