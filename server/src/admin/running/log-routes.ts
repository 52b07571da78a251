// A server's access log through the console (issue 6 §5, spec §9): its last entries, and per-route counts over
// its tail. Only the end of the file is read (access-tail.ts); the server need not be running.
import type { FastifyInstance } from 'fastify';
import { accessLogAnswerSchema, accessLogQuerySchema, statsAnswerSchema } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { parseWith } from '../errors.js';
import { parseAccessLines, readLastLines, TAIL_MAX_BYTES } from './access-tail.js';
import { serverFile, serverOfRequest } from './servers.js';
import { loadHostRoutes, routeStats } from './stats.js';

const tags = ['running'];

/** Registers the access-log tail and the per-route stats. */
export function registerLogRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/servers/:id/access-log', {
    config: { access: 'viewer', doc: { summary: "The last N entries of the server's access log (lines: default 100, at most 5000), oldest first", tags, query: accessLogQuerySchema, response: accessLogAnswerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const { lines } = parseWith(accessLogQuerySchema, req.query, 'the query');
    const path = serverFile(ctx, server, server.accessLog);
    // Unparseable lines are skipped, so read a few more than asked and keep the last `lines` entries.
    const tail = await readLastLines(path, lines + 16);
    const entries = parseAccessLines(tail.lines);
    return { path, exists: tail.exists, entries: entries.slice(Math.max(0, entries.length - lines)) };
  });

  app.get('/api/servers/:id/stats', {
    config: { access: 'viewer', doc: { summary: `Requests, bytes and statuses per route over the access log's last ${TAIL_MAX_BYTES / 1024 / 1024} MiB`, tags, response: statsAnswerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const path = serverFile(ctx, server, server.accessLog);
    const tail = await readLastLines(path, Infinity, TAIL_MAX_BYTES);
    const entries = parseAccessLines(tail.lines);
    return {
      path, entries: entries.length, bytesRead: tail.bytesRead, truncated: tail.truncated,
      from: entries[0]?.time ?? null, to: entries.at(-1)?.time ?? null,
      routes: routeStats(entries, loadHostRoutes(ctx, server.id)),
    };
  });
}
