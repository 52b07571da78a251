// The console's transfer endpoints (issue 6 §6–§7): export as an m2sh config file, import one (preview, then
// apply), back up and restore the whole config.sqlite, and the route tester. One schema per body and answer: the
// server parses with them, /api/openapi.json documents them and the SPA's client is typed by them.
import { z } from 'zod';
import { dirSchema } from '../model/dir.js';
import { handlerSchema } from '../model/handler.js';
import { proxySchema } from '../model/proxy.js';

// The operator's message for a write: required, non-empty (it becomes the commit log's `why`).
const whySchema = z.string().trim().min(1, 'why is required: say why you are making this change').max(1000);

/** `GET /api/export`: one server by id, or every server when omitted. */
export const exportQuerySchema = z.object({ serverId: z.coerce.number().int().positive().optional() });

const fileNameSchema = z.string().min(1).max(255).regex(/^[^\0-\x1f/\\]+$/, 'filename must be a plain file name');

const sourceFields = {
  /** The config file's text (the C m2sh syntax or the manual's Python style). */
  source: z.string().max(16 * 1024 * 1024),
  /** What error messages call the file (default `mongrel2.conf`). */
  filename: fileNameSchema.optional(),
};

/** `POST /api/import/preview`: a config file to compare with the database. */
export const importPreviewBodySchema = z.object(sourceFields).strict();

/** `POST /api/import`: a config file to load in place of the current configuration, and why. */
export const importBodySchema = z.object({ ...sourceFields, why: whySchema }).strict();

/** A row's compared values (columns without ids; a route's target inlined). */
export const rowValuesSchema = z.record(z.union([z.string(), z.number(), z.null()]));

/** A row present on one side only, named by its natural key (e.g. [server uuid, host name, route path]). */
export const rowDiffSchema = z.object({ key: z.array(z.string()), values: rowValuesSchema });

/** A row on both sides whose values differ. */
export const rowChangeSchema = z.object({
  key: z.array(z.string()),
  before: rowValuesSchema,
  after: rowValuesSchema,
  /** The names of the values that differ. */
  fields: z.array(z.string()),
});

/** What happens to one kind of row. */
export const tableDiffSchema = z.object({
  added: z.array(rowDiffSchema),
  removed: z.array(rowDiffSchema),
  changed: z.array(rowChangeSchema),
});

/** The kinds of row an import is compared by; targets are compared through the routes that use them. */
export const IMPORT_SECTIONS = ['servers', 'hosts', 'routes', 'filters', 'xrequests', 'settings', 'mimetypes'] as const;

/** The tables whose row counts a preview reports. */
export const IMPORT_TABLES = ['server', 'host', 'route', 'handler', 'proxy', 'directory', 'filter', 'xrequest',
  'setting', 'mimetype'] as const;

const countSchema = z.object({ before: z.number().int(), after: z.number().int() });

/** What importing a file would change (or, after an import, did change). */
export const importPreviewSchema = z.object({
  changes: z.object(Object.fromEntries(IMPORT_SECTIONS.map((s) => [s, tableDiffSchema])) as Record<(typeof IMPORT_SECTIONS)[number], typeof tableDiffSchema>),
  counts: z.object(Object.fromEntries(IMPORT_TABLES.map((t) => [t, countSchema])) as Record<(typeof IMPORT_TABLES)[number], typeof countSchema>),
  /** True when the file describes exactly the current configuration. */
  unchanged: z.boolean(),
  /** What the loader ignored or what the server would refuse. */
  warnings: z.array(z.string()),
});

/** The answer to `POST /api/import`: what it changed. */
export const importResultSchema = importPreviewSchema.extend({ imported: z.literal(true) });

/** The answer to `POST /api/backup` (restore): the rows now in each restored table. */
export const restoreResultSchema = z.object({ restored: z.literal(true), rows: z.record(z.number().int()) });

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** `POST /api/route-test`: a request to route (a path, or an absolute URL whose authority is the host). */
export const routeTestBodySchema = z.object({
  url: z.string().min(1).max(8192).refine((u) => u.startsWith('/') || ABSOLUTE.test(u),
    'url must be a path starting with / or an absolute URL such as http://example.com/path'),
  /** The Host header to route with ('' or omitted: none, so the default host); an absolute URL's authority takes its
   *  place, as it does in the server (decision 11). */
  host: z.string().max(1024).optional(),
  serverId: z.number().int().positive().optional(),
}).strict();

/** How the host was chosen: `exact`/`suffix`/`extension` (the TST quirk)/`pattern`, or the `default` fallback. */
export const ROUTE_TEST_HOST_MATCHES = ['exact', 'suffix', 'extension', 'pattern', 'default'] as const;

/** How the route was chosen (spec §5.3): `extension` is a path that is a proper prefix of the route key. */
export const ROUTE_TEST_PATH_MATCHES = ['exact', 'prefix', 'extension', 'pattern'] as const;

/** A route's target with its main fields. */
export const routeTestTargetSchema = z.discriminatedUnion('kind', [
  dirSchema.extend({ kind: z.literal('dir') }),
  handlerSchema.extend({ kind: z.literal('handler') }),
  proxySchema.extend({ kind: z.literal('proxy') }),
]);

/** The route tester's answer: which server, host, route and target would serve the request, and why. */
export const routeTestAnswerSchema = z.object({
  server: z.object({ id: z.number().int(), uuid: z.string(), name: z.string() }),
  /** `given` by serverId, the `only` server, or the `first` of several. */
  serverChoice: z.enum(['given', 'only', 'first']),
  /** What was routed: the Host header (null: none), the path and the ignored query string. */
  request: z.object({ host: z.string().nullable(), path: z.string(), query: z.string().nullable() }),
  host: z.object({ id: z.number().int(), name: z.string(), matching: z.string(), matched: z.enum(ROUTE_TEST_HOST_MATCHES) }).nullable(),
  route: z.object({
    id: z.number().int(),
    path: z.string(),
    /** The route-map key: the path before its first `(`. */
    prefix: z.string(),
    kind: z.enum(['prefix', 'pattern']),
    matched: z.enum(ROUTE_TEST_PATH_MATCHES),
  }).nullable(),
  target: routeTestTargetSchema.nullable(),
  status: z.union([z.literal(200), z.literal(404)]),
  /** The reasoning, one sentence per step. */
  steps: z.array(z.string()),
});

/** `POST /api/import/preview` body. */
export type ImportPreviewBody = z.infer<typeof importPreviewBodySchema>;
/** `POST /api/import` body. */
export type ImportBody = z.infer<typeof importBodySchema>;
/** A row's compared values. */
export type RowValues = z.infer<typeof rowValuesSchema>;
/** What happens to one kind of row. */
export type TableDiff = z.infer<typeof tableDiffSchema>;
/** What an import would change. */
export type ImportPreview = z.infer<typeof importPreviewSchema>;
/** What an import changed. */
export type ImportResult = z.infer<typeof importResultSchema>;
/** What a restore put back. */
export type RestoreResult = z.infer<typeof restoreResultSchema>;
/** `POST /api/route-test` body. */
export type RouteTestBody = z.infer<typeof routeTestBodySchema>;
/** A target as the route tester shows it. */
export type RouteTestTarget = z.infer<typeof routeTestTargetSchema>;
/** The route tester's answer. */
export type RouteTestAnswer = z.infer<typeof routeTestAnswerSchema>;
