// "One door" (ARCHITECTURE): every console write is one SQLite transaction that changes the rows and appends a
// `log` row (who = the signed-in user, what, where = this machine, how = 'console', why = the operator's message),
// so `m2sh log` shows console changes beside m2sh's. The why comes from the `M2-Why` header (percent-encoded, so
// any text fits) or the `why` query parameter.
import type Database from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { appendLog } from '../config/loader/write.js';
import { whereAmI } from '../cli/who.js';
import { whoOf, type AdminContext } from './context.js';

/** The log's `how` for console changes. */
export const CONSOLE_HOW = 'console';

/** What a change says about itself in the commit log. */
export interface ChangeNote {
  /** What changed; a function is called after the change ran (when only the change knows its ids). */
  what: string | (() => string);
  why?: string | null;
}

/** The operator's message for a write request: `M2-Why` header (percent-decoded) or `?why=`; null when none. */
export function whyOf(req: FastifyRequest): string | null {
  const header = req.headers['m2-why'];
  const raw = typeof header === 'string' ? header : Array.isArray(header) ? header[0] : undefined;
  if (raw !== undefined && raw !== '') {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  const q = (req.query as Record<string, unknown> | undefined)?.why;
  return typeof q === 'string' && q !== '' ? q : null;
}

/** Runs `fn` and appends the log row in one transaction, as `user`; nothing is written if `fn` throws. */
export function recordAs<T>(db: Database.Database, user: string, note: ChangeNote, fn: (db: Database.Database) => T): T {
  return db.transaction(() => {
    const out = fn(db);
    appendLog(db, { who: user, what: typeof note.what === 'function' ? note.what() : note.what, location: whereAmI(), how: CONSOLE_HOW, why: note.why ?? null });
    return out;
  }).immediate();
}

/** Records a change made for `req` (its signed-in user, its why unless `note.why` is given). */
export function recordChange<T>(ctx: AdminContext, req: FastifyRequest, note: ChangeNote, fn: (db: Database.Database) => T): T {
  return recordAs(ctx.db, whoOf(req).user, { what: note.what, why: note.why === undefined ? whyOf(req) : note.why }, fn);
}
