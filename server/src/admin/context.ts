// What every console route shares: the config database (opened and migrated once, as m2sh does), where relative
// paths in it resolve (the directory the console was started from, like m2sh's), and the per-request typing of
// who is signed in and what a route requires (shared/src/api/access.ts).
import type Database from 'better-sqlite3';
import type { Access, Who } from '@m2/shared';
import { openConfigDb } from '../config/db.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: 'public', or the weakest role allowed. Default: viewer for GET/HEAD, else operator. */
    access?: Access;
    /** What /api/openapi.json says about the route (its zod schemas are the ones the handler parses with). */
    doc?: RouteDoc;
  }
  interface FastifyRequest {
    /** The signed-in user or token holder; null only on public routes. */
    who: Who | null;
  }
}

/** A zod schema as a route's doc names it. Typed as `object` because Fastify intersects the route's inferred
 *  config with FastifyContextConfig, and zod's own types do not survive that intersection. */
export type DocSchema = object;

/** A route's entry in the OpenAPI document. */
export interface RouteDoc {
  summary: string;
  tags?: string[];
  body?: DocSchema;
  query?: DocSchema;
  response?: DocSchema;
  /** A non-JSON answer (text/plain, text/event-stream, application/octet-stream...). */
  produces?: string;
}

/** The console's shared state. */
export interface AdminContext {
  /** The config database file. */
  readonly dbPath: string;
  /** The open, migrated database (one connection for the process; SQLite serialises writers with m2sh). */
  readonly db: Database.Database;
  /** The directory relative paths in the database (PID files, chroots, logs) resolve from. */
  readonly cwd: string;
  /** Whether session cookies carry `Secure` (behind TLS). */
  readonly secureCookies: boolean;
  /** Closes what the context opened. */
  close(): void;
}

/** Opens the config database (creating and migrating it when asked) and builds the context. */
export function openAdminContext(opts: { dbPath: string; cwd?: string; create?: boolean; secureCookies?: boolean }): AdminContext {
  const { db } = openConfigDb(opts.dbPath, { create: opts.create ?? true });
  db.pragma('foreign_keys = OFF');
  return {
    dbPath: opts.dbPath,
    db,
    cwd: opts.cwd ?? process.cwd(),
    secureCookies: opts.secureCookies ?? false,
    close: () => db.close(),
  };
}

/** The signed-in party of a request on a non-public route (the auth hook guarantees one). */
export function whoOf(req: { who: Who | null }): Who {
  if (!req.who) throw new Error('whoOf on a request without a signed-in party');
  return req.who;
}
