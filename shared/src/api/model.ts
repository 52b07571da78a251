// The model API's bodies beyond the per-table schemas of shared/src/model: a route may bring a new target with it
// (created in the same change), lists come wrapped, and every record carries its `version` — the ETag a client
// sends back in `If-Match` so a stale write is refused with 409 and the current state.
import { z } from 'zod';
import {
  ModelErr, addModelIssue, dirInputSchema, handlerInputSchema, proxyInputSchema, routeInputSchema, targetRefSchema,
} from '../model/index.js';

const NEW_TARGET_SCHEMAS = { dir: dirInputSchema, handler: handlerInputSchema, proxy: proxyInputSchema } as const;

/** A route's target: an existing row (`{ kind, id }`) or a new one (`{ kind, create: { ...Dir|Handler|Proxy } }`). */
export const routeTargetInputSchema = z.unknown().transform((v, ctx) => {
  const copyIssues = (issues: z.ZodIssue[], prefix: (string | number)[]) => {
    for (const issue of issues) ctx.addIssue({ ...issue, path: [...prefix, ...issue.path] } as z.IssueData);
  };
  if (v !== null && typeof v === 'object' && 'create' in v) {
    const { kind, create, ...rest } = v as { kind?: unknown; create: unknown };
    const schema = NEW_TARGET_SCHEMAS[kind as keyof typeof NEW_TARGET_SCHEMAS];
    if (!schema) {
      addModelIssue(ctx, ModelErr.TARGET, `target kind must be 'dir', 'handler' or 'proxy', not ${JSON.stringify(kind) ?? 'nothing'}`, ['kind']);
      return z.NEVER;
    }
    for (const k of Object.keys(rest)) addModelIssue(ctx, ModelErr.UNKNOWN_FIELD, `${k} is not a field here`, [k]);
    const r = schema.safeParse(create);
    if (!r.success) copyIssues(r.error.issues, ['create']);
    if (!r.success || Object.keys(rest).length > 0) return z.NEVER;
    return { kind: kind as keyof typeof NEW_TARGET_SCHEMAS, create: r.data as Record<string, unknown> };
  }
  const r = targetRefSchema.safeParse(v);
  if (!r.success) {
    copyIssues(r.error.issues, []);
    return z.NEVER;
  }
  return r.data;
});

/** What a client sends to create or replace a route (the target may be new). */
export const routeWriteSchema = routeInputSchema.extend({ target: routeTargetInputSchema });

/** A route as a client may send it. */
export type RouteWrite = z.input<typeof routeWriteSchema>;

/** The version (ETag) every record answer carries. */
export const versionSchema = z.string().regex(/^[0-9a-f]{16}$/);

/** A list answer. */
export function listSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item) });
}

/** A record answer: the record and its version. */
export function versioned<T extends z.ZodTypeAny>(record: T) {
  return z.intersection(record, z.object({ version: versionSchema }));
}

/** The model resources' URL segments under /api, as the server and the console client name them. */
export const MODEL_RESOURCES = ['servers', 'hosts', 'routes', 'handlers', 'dirs', 'proxies', 'settings', 'mimetypes', 'filters'] as const;

/** A model resource's URL segment. */
export type ModelResourceName = (typeof MODEL_RESOURCES)[number];
