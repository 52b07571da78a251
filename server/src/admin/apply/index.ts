// The apply and history API (issue 6 §3-4): pending changes, apply with rollback, snapshots, diffs, restore.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiErr, applyBodySchema, diffQuerySchema, restoreBodySchema } from '@m2/shared';
import { whoOf, type AdminContext } from '../context.js';
import { recordAs } from '../changes.js';
import { ApiError, notFound, parseWith } from '../errors.js';
import { diffContent } from './diff.js';
import { applyConfig, type ApplyOutcome } from './engine.js';
import { pendingChanges } from './pending.js';
import { captureContent, ensureBaseline, listSnapshots, snapshotContent, snapshotInfo, takeSnapshot, writeContent } from './snapshot.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const tags = ['config'];

function applied(outcome: ApplyOutcome): ApplyOutcome {
  if (outcome.ok) return outcome;
  throw new ApiError(409, ApiErr.APPLY_FAILED, `not applied: ${outcome.error}${outcome.rollback ? '; the previous configuration was restored' : ''}`, undefined, undefined, outcome);
}

/** Registers the apply and history routes. */
export function registerApplyRoutes(app: FastifyInstance, ctx: AdminContext): void {
  ensureBaseline(ctx.db);
  app.get('/api/config/pending', { config: { doc: { summary: 'What differs between the database, the last applied configuration and what each running server serves', tags } } },
    async () => pendingChanges(ctx));
  app.post('/api/config/apply', { config: { doc: { summary: 'Validate, reload (or restart) the running servers, confirm with their fingerprint and a probe request; roll back on failure', tags, body: applyBodySchema } } },
    async (req) => {
      const body = parseWith(applyBodySchema, req.body, 'the apply');
      return applied(await applyConfig(ctx, whoOf(req).user, body.why, { serverIds: body.serverIds }));
    });
  app.get('/api/config/snapshots', { config: { doc: { summary: 'Applied, failed and restored configurations, newest first', tags } } },
    async () => ({ items: listSnapshots(ctx.db) }));
  app.get('/api/config/snapshots/:id', { config: { doc: { summary: 'One snapshot with its rows', tags } } }, async (req) => {
    const { id } = parseWith(idParam, req.params, 'the URL');
    const info = snapshotInfo(ctx.db, id);
    if (!info) throw notFound(`snapshot ${id}`);
    return { ...info, content: snapshotContent(ctx.db, id) };
  });
  app.get('/api/config/diff', { config: { doc: { summary: 'The differences between two snapshots, or a snapshot and the database (current)', tags, query: diffQuerySchema } } }, async (req) => {
    const q = parseWith(diffQuerySchema, req.query, 'the query');
    const side = (s: 'current' | number) => {
      if (s === 'current') return captureContent(ctx.db);
      const c = snapshotContent(ctx.db, s);
      if (!c) throw notFound(`snapshot ${s}`);
      return c;
    };
    return diffContent(side(q.from), side(q.to));
  });
  app.post('/api/config/snapshots/:id/restore', { config: { doc: { summary: 'Put a snapshot back into the database (a change with its log row); with apply, apply it too', tags, body: restoreBodySchema } } }, async (req) => {
    const { id } = parseWith(idParam, req.params, 'the URL');
    const body = parseWith(restoreBodySchema, req.body, 'the restore');
    const content = snapshotContent(ctx.db, id);
    if (!content) throw notFound(`snapshot ${id}`);
    const who = whoOf(req).user;
    const restoredId = recordAs(ctx.db, who, { what: () => `restore snapshot ${id}`, why: body.why }, (db) => {
      writeContent(db, content);
      return takeSnapshot(db, { kind: 'restored', who, why: body.why, content, outcome: { from: id } });
    });
    const result = { restored: id, snapshotId: restoredId };
    return body.apply ? { ...result, apply: applied(await applyConfig(ctx, who, `${body.why} (restore of snapshot ${id})`)) } : result;
  });
}
