// Restoring a backup (issue 6 §6): the contents of Mongrel2's config tables are replaced, row ids kept (routes
// and hosts refer to them), by the uploaded database's. The commit `log` and the console's own admin_* tables
// (users, tokens, sessions...) stay as they are; the caller appends one log row for the restore.
import type Database from 'better-sqlite3';
import { CONFIG_TABLES } from '../../config/loader/write.js';
import type { Upload } from './backup-file.js';

/** The tables a restore replaces: Mongrel2's config tables, never `log` or admin_*. */
export const RESTORED_TABLES: readonly string[] = CONFIG_TABLES;

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${JSON.stringify(table)})`) as { name: string }[]).map((c) => c.name);
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Replaces the rows of every restored table in `db` with the upload's (columns both have; a table the upload
 * lacks ends up empty) and returns the row count of each. Run inside the caller's transaction.
 */
export function restoreTables(db: Database.Database, upload: Upload): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const table of RESTORED_TABLES) {
    db.exec(`DELETE FROM ${table}`);
    const theirs = upload.columns.get(table);
    if (!theirs) {
      rows[table] = 0;
      continue;
    }
    const cols = columnsOf(db, table).filter((c) => theirs.includes(c));
    const names = cols.map(quoteName).join(', ');
    const insert = db.prepare(`INSERT INTO ${table} (${names}) VALUES (${cols.map(() => '?').join(', ')})`);
    let n = 0;
    for (const row of upload.db.prepare(`SELECT ${names} FROM ${quoteName(table)}`).raw(true).iterate() as Iterable<unknown[]>) {
      insert.run(...row);
      n++;
    }
    rows[table] = n;
  }
  // A database from before 1.13 has no server.error_log_level; 1.13's m2sh writes 2 (as migrate.ts backfills).
  if (!upload.columns.get('server')?.includes('error_log_level')) db.exec('UPDATE server SET error_log_level = 2 WHERE error_log_level IS NULL');
  return rows;
}
