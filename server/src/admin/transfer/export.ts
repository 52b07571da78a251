// GET /api/export (issue 6 §6): the configuration as an m2sh config file in the C syntax, rendered by the code
// `m2sh dump` uses (config/render-conf.ts), so `m2sh load` — or the console's import — reads it back into the
// same servers, hosts, routes, targets, settings and mimetypes. `?serverId=N` exports one server.
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErr, exportQuerySchema } from '@m2/shared';
import { RenderConfError, renderConf } from '../../config/render-conf.js';
import type { AdminContext } from '../context.js';
import { ApiError, notFound, parseWith } from '../errors.js';

/** Renders every server, or the one with `serverId`, as a config file; 404 for an unknown server, 409 for a
 *  value the config language cannot express. */
export function exportConf(ctx: AdminContext, serverId?: number): string {
  let uuid: string | undefined;
  if (serverId !== undefined) {
    const row = ctx.db.prepare('SELECT uuid FROM server WHERE id = ?').get(serverId) as { uuid: unknown } | undefined;
    if (!row) throw notFound(`server ${serverId}`);
    uuid = String(row.uuid);
  }
  try {
    return renderConf(ctx.db, { uuid, source: basename(ctx.dbPath) });
  } catch (e) {
    if (!(e instanceof RenderConfError)) throw e;
    throw new ApiError(409, ApiErr.CONFLICT, `the configuration cannot be exported: ${e.message}`);
  }
}

/** Registers GET /api/export. */
export function registerExportRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/export', {
    config: {
      access: 'viewer',
      doc: {
        summary: 'The configuration (or one server) as an m2sh config file that m2sh load reads back',
        tags: ['transfer'],
        query: exportQuerySchema,
        produces: 'text/plain',
      },
    },
  }, async (req, reply) => {
    const query = parseWith(exportQuerySchema, req.query, 'the query');
    const text = exportConf(ctx, query.serverId);
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mongrel2.conf"')
      .send(text);
  });
}
