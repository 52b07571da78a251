// The API's contract as OpenAPI 3.1 at /api/openapi.json, built from the routes themselves: every route's
// `config.doc` names the zod schemas its handler parses with, so the document cannot drift from the code
// (ARCHITECTURE principle 5). /api/docs renders it as a plain HTML page (no third-party assets), and
// /api/health answers probes without a session.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { apiErrorBodySchema } from '@m2/shared';
import { SERVER_VERSION } from '../http/responses.js';
import type { ZodTypeAny } from 'zod';
import type { DocSchema, RouteDoc } from './context.js';

interface DocRoute { method: string; url: string; access: string; doc: RouteDoc }

function jsonSchema(schema: DocSchema): unknown {
  return zodToJsonSchema(schema as ZodTypeAny, { target: 'openApi3', $refStrategy: 'none' });
}

function operation(r: DocRoute): Record<string, unknown> {
  const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const query = r.doc.query ? jsonSchema(r.doc.query) as { properties?: Record<string, unknown>; required?: string[] } : null;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    params.push({ name, in: 'query', required: (query?.required ?? []).includes(name), schema: schema as { type: string } });
  }
  const ok = r.doc.produces
    ? { description: 'OK', content: { [r.doc.produces]: {} } }
    : { description: 'OK', content: { 'application/json': { schema: r.doc.response ? jsonSchema(r.doc.response) : {} } } };
  const error = { description: 'An error', content: { 'application/json': { schema: jsonSchema(apiErrorBodySchema) } } };
  return {
    summary: r.doc.summary,
    tags: r.doc.tags ?? [],
    ...(params.length ? { parameters: params } : {}),
    ...(r.doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.doc.body) } } } } : {}),
    responses: { 200: ok, default: error },
    ...(r.access === 'public' ? { security: [] } : {}),
    'x-m2-access': r.access,
  };
}

/** The OpenAPI document of the documented routes. */
export function buildOpenApi(routes: readonly DocRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Mongrel2 console API', version: SERVER_VERSION },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'm2_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The docs page: every operation with its access, summary and schemas. */
export function renderDocsPage(routes: readonly DocRoute[]): string {
  const rows = routes.map((r) => `<section><h3><code>${r.method} ${escapeHtml(r.url)}</code> <small>${r.access}</small></h3>
<p>${escapeHtml(r.doc.summary)}</p>${r.doc.body ? `<details><summary>body</summary><pre>${escapeHtml(JSON.stringify(jsonSchema(r.doc.body), null, 2))}</pre></details>` : ''}</section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mongrel2 console API</title>
<style>body{font:14px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{font-size:15px}small{color:#666}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body><h1>Mongrel2 console API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Sign in with
<code>POST /api/session</code> or send <code>Authorization: Bearer &lt;token&gt;</code>. Errors are
<code>{ "error": { "code", "message", "fields" } }</code>.</p>${rows.join('\n')}</body></html>`;
}

/** The documented routes of an app, filled in as routes are added. */
export type DocRoutes = DocRoute[];

/** Collects documented routes as they are added (call on the root app before any route is registered). */
export function collectDocs(app: FastifyInstance): DocRoutes {
  const routes: DocRoute[] = [];
  app.addHook('onRoute', (opts: RouteOptions) => {
    const cfg = opts.config as { doc?: RouteDoc; access?: string } | undefined;
    if (!cfg?.doc) return;
    for (const method of [opts.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: opts.url, access: cfg.access ?? (method === 'GET' ? 'viewer' : 'operator'), doc: cfg.doc });
    }
  });
  return routes;
}

/** Serves /api/openapi.json and /api/docs (to signed-in users, as every /api route but health) and /api/health. */
export function registerDocs(app: FastifyInstance, routes: DocRoutes): void {
  let doc: Record<string, unknown> | null = null;
  app.get('/api/openapi.json', async () => (doc ??= buildOpenApi(routes)));
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderDocsPage(routes)));
  app.get('/api/health', { config: { access: 'public', doc: { summary: 'Liveness probe: 200 while the console runs', tags: ['console'] } } },
    async () => ({ ok: true, version: SERVER_VERSION }));
}
