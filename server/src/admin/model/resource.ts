// One config table as the console API serves it: its URL segment, table, schemas and row mapping (from
// shared/src/model), the query filters a list accepts, how a change reads in the commit log, and the checks that
// need other rows (uniqueness, references, clashes) which a single value's schema cannot make.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { FieldError } from '@m2/shared';

/** A record as the API shows it: every resource has a numeric id. */
export interface Rec { id: number }

/** A refusal found by looking at other rows: the status (400 bad reference, 409 clash or in use) and fields. */
export interface CrossProblem {
  status: 400 | 409;
  code: `M2_ERR_${string}`;
  message: string;
  fields: FieldError[];
}

/** One config table's API description. */
export interface Resource<R extends Rec = Rec, V = unknown> {
  /** URL segment under /api (`servers`) and the query-key noun the SPA uses. */
  readonly name: string;
  /** The Mongrel2 table (`directory` for Dirs). */
  readonly table: string;
  /** The noun in messages and the commit log (`server`, `dir`). */
  readonly noun: string;
  /** The record schema (answers). */
  readonly schema: z.ZodTypeAny;
  /** What a client sends to create or replace one (parsed output is V). */
  readonly input: z.ZodType<V, z.ZodTypeDef, unknown>;
  /** Row → record. */
  fromRow(row: never): R;
  /** Runs inside the write's transaction before toRow: creates what the value brings along (a route's new
   *  target) and returns the value to store plus a note for the commit log. */
  prepare?(db: Database.Database, value: V): { value: V; note?: string };
  /** Parsed input → row columns (with `id` when the value has one). */
  toRow(value: V): Record<string, unknown>;
  /** List filters: query parameter → SQL column (values are whole numbers). */
  readonly filters?: Readonly<Record<string, string>>;
  /** `ORDER BY` of lists. */
  readonly order?: string;
  /** A short label of a record for the commit log (`host example.com`). */
  label(value: V | R): string;
  /** Problems that need other rows, for a create (id undefined) or a replace of row `id`. */
  check?(db: Database.Database, value: V, id: number | undefined): CrossProblem | null;
  /** Runs after a create inside its transaction (a new server gets its default host); returns a log note. */
  afterCreate?(db: Database.Database, id: number, value: V): string | undefined;
  /** Runs after a replace inside its transaction (a renamed default host is followed); returns a log note. */
  afterUpdate?(db: Database.Database, before: R, value: V): string | undefined;
  /** Columns a list's `?q=` searches. */
  readonly search?: readonly string[];
  /** Why row `id` cannot be deleted even with ?cascade=1 (a server's default host), or null. */
  blocks?(db: Database.Database, id: number): CrossProblem | null;
  /** Why row `id` cannot be deleted (what still refers to it), or null. */
  inUse?(db: Database.Database, id: number): CrossProblem | null;
}

/** A 409 naming one field. */
export function clash(field: string, message: string, code: `M2_ERR_${string}` = 'M2_ERR_API_CONFLICT'): CrossProblem {
  return { status: 409, code, message, fields: [{ path: field, message, code }] };
}

/** A 400 for a reference to a row that is not there. */
export function missingRef(field: string, message: string): CrossProblem {
  return { status: 400, code: 'M2_ERR_API_VALIDATION', message, fields: [{ path: field, message, code: 'M2_ERR_API_NOT_FOUND' }] };
}

/** A 409 for a row that others still refer to. */
export function inUse(message: string): CrossProblem {
  return { status: 409, code: 'M2_ERR_API_IN_USE', message, fields: [] };
}

/** Whether a row with `id` exists in `table`. */
export function rowExists(db: Database.Database, table: string, id: number): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Inserts `cols` into `table` (with their `id` when given) and returns the row id. */
export function insertRow(db: Database.Database, table: string, cols: Record<string, unknown>): number {
  const names = Object.keys(cols);
  const info = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(cols);
  return Number(info.lastInsertRowid);
}

/** Replaces the columns of row `id` in `table`. */
export function updateRow(db: Database.Database, table: string, id: number, cols: Record<string, unknown>): void {
  const names = Object.keys(cols).filter((n) => n !== 'id');
  db.prepare(`UPDATE ${table} SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
}
