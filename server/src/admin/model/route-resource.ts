// Routes as the console edits them (spec §5.3): a path unique in its host, pointing at a Dir, Handler or Proxy
// that exists — or at a new one the same request creates, so "add a route to a new handler" is one change with
// one commit-log row.
import type { z } from 'zod';
import {
  dirToRow, handlerToRow, proxyToRow, routeFromRow, routeSchema, routeToRow, routeWriteSchema, type RouteRecord,
  type TargetKind,
} from '@m2/shared';
import { clash, insertRow, missingRef, rowExists, type Resource } from './resource.js';

type RouteValue = z.output<typeof routeWriteSchema>;

/** The table each target kind lives in. */
export const TARGET_TABLES: Readonly<Record<TargetKind, string>> = { dir: 'directory', handler: 'handler', proxy: 'proxy' };

const TO_ROW = {
  dir: dirToRow as (v: never) => object,
  handler: handlerToRow as (v: never) => object,
  proxy: proxyToRow as (v: never) => object,
};

/** The route resource. */
export const routeResource: Resource<RouteRecord, RouteValue> = {
  name: 'routes', table: 'route', noun: 'route', schema: routeSchema, input: routeWriteSchema,
  fromRow: routeFromRow, order: 'host_id, path', filters: { hostId: 'host_id' },
  label: (v) => `route ${v.path}`,
  prepare(db, value) {
    const t = value.target;
    if (!('create' in t)) return { value };
    const id = insertRow(db, TARGET_TABLES[t.kind], { ...TO_ROW[t.kind](t.create as never) });
    return { value: { ...value, target: { kind: t.kind, id } }, note: `new ${t.kind} ${id}` };
  },
  toRow(value) {
    const t = value.target;
    if ('create' in t) throw new Error('routeResource.toRow before prepare');
    return { ...routeToRow({ ...value, target: t }) };
  },
  check(db, v, id) {
    if (!rowExists(db, 'host', v.hostId)) return missingRef('hostId', `there is no host ${v.hostId}`);
    if (!('create' in v.target) && !rowExists(db, TARGET_TABLES[v.target.kind], v.target.id)) {
      return missingRef('target.id', `there is no ${v.target.kind} ${v.target.id}`);
    }
    if (db.prepare('SELECT 1 FROM route WHERE host_id = ? AND path = ? AND id IS NOT ?').get(v.hostId, v.path, id ?? null)) {
      return clash('path', `host ${v.hostId} already has a route '${v.path}'`);
    }
    return null;
  },
};
