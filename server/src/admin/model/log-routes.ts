// The commit log as the console reads it: newest first, paged by id, filterable by how (m2sh, console...), the
// same rows `m2sh log` prints.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listSchema, logFromRow, logSchema, type LogRow } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { parseWith } from '../errors.js';

/** The commit log's query: at most `limit` entries older than `before` (an id), optionally only one `how`. */
export const logQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().positive().optional(),
  how: z.string().optional(),
});

/** Registers GET /api/log. */
export function registerLogRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/log', { config: { doc: { summary: 'The commit log, newest first (m2sh and console changes alike)', tags: ['model'], query: logQuerySchema, response: listSchema(logSchema) } } }, async (req) => {
    const q = parseWith(logQuerySchema, req.query, 'the query');
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.before !== undefined) { where.push('id < ?'); args.push(q.before); }
    if (q.how !== undefined) { where.push('how = ?'); args.push(q.how); }
    const rows = ctx.db.prepare(`SELECT * FROM log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`).all(...args, q.limit) as LogRow[];
    return { items: rows.map(logFromRow) };
  });
}
