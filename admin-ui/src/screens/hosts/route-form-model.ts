// What the route form sends (spec §5.3): the route with its target as `{ kind, id }` or `{ kind, create }`
// (shared/src/api/model.ts routeWriteSchema), and, when the operator changed the fields of an existing (possibly
// shared) target, that target's own PUT. Errors of both are keyed in the route API's paths (`target.create.base`).
import { routeWriteSchema, type RouteWrite, type TargetKind } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { fieldErrorsOf } from '../../app/errors';
import { validate, type FieldErrors } from '../../app/form-errors';
import {
  TARGET_FIELDS, TARGET_SCHEMAS, draftDiffers, inputOf, type TargetDrafts, type TargetRecords,
} from '../../components/targets/target-drafts';

/** The targets a route may point at, by kind. */
export interface TargetLists { dir: Rec<'dirs'>[]; handler: Rec<'handlers'>[]; proxy: Rec<'proxies'>[] }

/** A change to an existing target the route form asks for (PUT /api/<dirs|handlers|proxies>/:id). */
export interface TargetEdit { kind: TargetKind; id: number; version: string; body: unknown }

/** What the route form submits. */
export interface RouteSubmit { body: RouteWrite; why: string; targetEdit?: TargetEdit }

/** The form's values: the target picked per kind ('new' or an id) and the drafts edited so far. */
export interface RouteFormValues {
  hostId: number;
  path: string;
  reversed: boolean;
  kind: TargetKind;
  target: string;
  draft: TargetDrafts[TargetKind];
  /** The version of the existing target the draft was read from. */
  draftVersion?: string;
}

/** The record of an existing target, if it is there. */
export function findTarget(lists: TargetLists, kind: TargetKind, target: string): (TargetRecords[TargetKind] & { version: string }) | undefined {
  if (target === 'new') return undefined;
  return (lists[kind] as (TargetRecords[TargetKind] & { version: string })[]).find((r) => r.id === Number(target));
}

/** Prefixes every path of `errors` (a target's own errors become the route's `target.create.*`). */
export function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([p, m]) => [p === '' ? '' : `${prefix}${p}`, m]));
}

/** The API's errors of the route write and of the target write, in the route's paths. */
export function apiErrorsOf(routeError: unknown, targetError: unknown): FieldErrors {
  return { ...fieldErrorsOf(routeError), ...prefixErrors(fieldErrorsOf(targetError), 'target.create.') };
}

/** The paths the form shows next to a field for a target of `kind`. */
export function shownPaths(kind: TargetKind): string[] {
  return ['path', 'reversed', 'target', 'target.kind', 'target.id', ...TARGET_FIELDS[kind].map((f) => `target.create.${String(f)}`)];
}

/** Builds the submission and checks it with the shared schemas: `errors` is empty when it may be sent. */
export function buildRouteSubmit(v: RouteFormValues, lists: TargetLists, why: string): { submit: RouteSubmit; errors: FieldErrors } {
  const target = v.target === 'new'
    ? { kind: v.kind, create: inputOf(v.kind, v.draft) as Record<string, unknown> }
    : { kind: v.kind, id: Number(v.target) };
  const body: RouteWrite = { hostId: v.hostId, path: v.path, reversed: v.reversed ? 1 : 0, target };
  const errors = validate(routeWriteSchema, body);
  const rec = findTarget(lists, v.kind, v.target);
  let targetEdit: TargetEdit | undefined;
  if (rec && draftDiffers(v.kind, v.draft, rec)) {
    const tbody = inputOf(v.kind, v.draft);
    Object.assign(errors, prefixErrors(validate(TARGET_SCHEMAS[v.kind], tbody), 'target.create.'));
    targetEdit = { kind: v.kind, id: rec.id, version: v.draftVersion ?? rec.version, body: tbody };
  }
  return { submit: { body, why: why.trim(), ...(targetEdit ? { targetEdit } : {}) }, errors };
}

/** How many routes point at a target. */
export function usersOf(routes: readonly Rec<'routes'>[], kind: TargetKind, id: number): number {
  return routes.filter((r) => r.target.kind === kind && r.target.id === id).length;
}
