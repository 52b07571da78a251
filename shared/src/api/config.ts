// The apply and history bodies (issue 6 §3-4): an apply needs the operator's why; a restore too, and may apply at
// once; a diff names two snapshots or the current database.
import { z } from 'zod';

/** POST /api/config/apply. */
export const applyBodySchema = z.object({
  why: z.string().trim().min(1, 'say why: the commit log keeps it'),
  serverIds: z.array(z.number().int().positive()).min(1).optional(),
}).strict();

/** POST /api/config/snapshots/:id/restore. */
export const restoreBodySchema = z.object({
  why: z.string().trim().min(1, 'say why: the commit log keeps it'),
  apply: z.boolean().default(false),
}).strict();

/** A side of a diff: a snapshot id or `current` (the database now). */
export const diffSideSchema = z.union([z.literal('current'), z.coerce.number().int().positive()]);

/** GET /api/config/diff. */
export const diffQuerySchema = z.object({ from: diffSideSchema, to: diffSideSchema.default('current') });
