// POST /api/import/preview and POST /api/import (issue 6 §6): what loading a config file would change, and
// loading it — the console's `m2sh load`: the whole configuration replaced by the file's (the `log` and the
// console's admin_* tables kept) in one transaction with the commit-log row (how = 'console', who = the signed-in
// user, why = the body's). A file that does not load changes nothing.
import type { FastifyInstance } from 'fastify';
import { importBodySchema, importPreviewBodySchema, importPreviewSchema, importResultSchema, type ImportResult } from '@m2/shared';
import { recordChange } from '../changes.js';
import type { AdminContext } from '../context.js';
import { parseWith } from '../errors.js';
import { DEFAULT_CONF_NAME, parseSource, previewModel, writeAndCompare } from './source.js';

/** Registers the import preview and the import. */
export function registerImportRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post('/api/import/preview', {
    config: {
      access: 'viewer',
      doc: {
        summary: 'What importing an m2sh config file would add, remove and change (nothing is written)',
        tags: ['transfer'],
        body: importPreviewBodySchema,
        response: importPreviewSchema,
      },
    },
  }, async (req) => {
    const body = parseWith(importPreviewBodySchema, req.body, 'the import');
    return previewModel(ctx.db, parseSource(body.source, body.filename));
  });

  app.post('/api/import', {
    config: {
      access: 'operator',
      doc: {
        summary: 'Replaces the configuration with an m2sh config file, as `m2sh load` does, and logs why',
        tags: ['transfer'],
        body: importBodySchema,
        response: importResultSchema,
      },
    },
  }, async (req): Promise<ImportResult> => {
    const body = parseWith(importBodySchema, req.body, 'the import');
    const filename = body.filename ?? DEFAULT_CONF_NAME;
    const model = parseSource(body.source, filename);
    const changed = recordChange(ctx, req, { what: `import ${filename}`, why: body.why }, (db) => writeAndCompare(db, model));
    return { ...changed, imported: true };
  });
}
