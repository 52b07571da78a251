// Serves the built console (admin-ui/dist) at /, with index.html for every non-/api path the SPA routes itself.
// Without a build (a checkout that has not run the UI build) / answers a short page saying how to build it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where this checkout's console build lands. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../../admin-ui/dist/', import.meta.url));

/** Serves the SPA from `uiDir` (undefined: the default build when present; null: none); returns its index.html
 *  for the not-found handler to answer the SPA's own paths with, or null. */
export function registerUi(app: FastifyInstance, uiDir: string | null | undefined): Buffer | null {
  const dir = uiDir === undefined ? (existsSync(DEFAULT_UI_DIR + 'index.html') ? DEFAULT_UI_DIR : null) : uiDir;
  if (dir === null) {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(
      '<!doctype html><title>Mongrel2 console</title><p>The console UI is not built: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>'));
    return null;
  }
  const index = readFileSync(`${dir}/index.html`);
  void app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: false, cacheControl: true, maxAge: '1h' });
  app.get('/', async (_req, reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index));
  return index;
}
