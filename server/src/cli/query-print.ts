// Mirrors simple_query_print and print_datum in tools/m2sh/src/query_print.c: every column of every row followed
// by one space, a newline after each row; integers as C `int` (sqlite3_column_int), reals as `%f`, NULL as
// `(null)`; no rows → WARN `No results to display.`
import type Database from 'better-sqlite3';
import type { Io } from './io.js';
import { logWarn } from './log.js';

/** One cell as print_datum prints it. */
export function renderDatum(value: unknown): string {
  if (value === null || value === undefined) return '(null)';
  if (typeof value === 'bigint') return String(BigInt.asIntN(32, value));
  if (typeof value === 'number') return Number.isInteger(value) ? String(value | 0) : value.toFixed(6);
  if (value instanceof Uint8Array) {
    const nul = value.indexOf(0);
    return Buffer.from(nul >= 0 ? value.subarray(0, nul) : value).toString('latin1');
  }
  const text = String(value);
  const nul = text.indexOf('\0');
  return nul >= 0 ? text.slice(0, nul) : text;
}

/** Runs `sql` with `params` and prints the rows m2sh's way. */
export function simpleQueryPrint(io: Io, db: Database.Database, sql: string, ...params: unknown[]): void {
  const rows = db.prepare(sql).raw(true).all(...params) as unknown[][];
  if (rows.length === 0) {
    logWarn(io, 'No results to display.', 'No such file or directory');
    return;
  }
  let out = '';
  for (const row of rows) out += row.map((cell) => renderDatum(cell) + ' ').join('') + '\n';
  io.out(out);
}
