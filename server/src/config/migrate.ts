// The migration runner: applies `migrations/NNNN_name.sql` in order, once each, recording what it applied in
// `admin_migration`. Forward only; a shipped file is never edited. Mongrel2's own tables (0001) are all
// CREATE TABLE IF NOT EXISTS, and after every migration the runner adds any column that a table declared there
// lacks in the database, so a config.sqlite made by an older C m2sh (1.12.2 has no server.error_log_level)
// is upgraded in place without losing a row, and stays readable by the C mongrel2 (spec §1.2, decision 1).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** Where the project's migrations live (the same relative place from src/ and from dist/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const listed = new Map<string, Migration[]>();

/** Every migration in the directory, in version order (read once per process: shipped files never change). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const cached = listed.get(dir);
  if (cached) return cached;
  const found = readdirSync(dir)
    .map((file) => /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(dir + m[0], 'utf8') }))
    .sort((a, b) => a.version - b.version);
  listed.set(dir, found);
  return found;
}

/** The SQL of one migration by name (used by `load`, which re-seeds the default mimetypes). */
export function migrationSql(name: string, dir = MIGRATIONS_DIR): string {
  const found = listMigrations(dir).find((m) => m.name === name);
  if (!found) throw new Error(`no migration named ${name} in ${dir}`);
  return found.sql;
}

interface ColumnInfo {
  name: string;
  type: string;
  dflt_value: string | null;
  pk: number;
}

function columns(db: Database.Database, table: string): ColumnInfo[] {
  return db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as ColumnInfo[];
}

/** The `table.column` names declared by `sql` that `db`'s existing tables lack. */
function declaredColumnsMissing(db: Database.Database, sql: string): string[] {
  return diffColumns(db, sql).map(({ table, col }) => `${table}.${col.name}`);
}

const declaredBySql = new Map<string, { table: string; cols: ColumnInfo[] }[]>();

/** The tables and columns `sql` creates, worked out once in a scratch database and then remembered. */
function declaredTables(sql: string): { table: string; cols: ColumnInfo[] }[] {
  const cached = declaredBySql.get(sql);
  if (cached) return cached;
  const scratch = new Database(':memory:');
  try {
    scratch.exec(sql.replace(/^\s*INSERT[\s\S]*?;\s*$/gim, ''));
    const tables = scratch.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const out = tables.map(({ name }) => ({ table: name, cols: columns(scratch, name) }));
    declaredBySql.set(sql, out);
    return out;
  } finally {
    scratch.close();
  }
}

/** Pairs of (table, declared column) that `db` lacks, for the tables both `sql` and `db` have. */
function diffColumns(db: Database.Database, sql: string): { table: string; col: ColumnInfo }[] {
  const out: { table: string; col: ColumnInfo }[] = [];
  for (const { table, cols } of declaredTables(sql)) {
    const have = new Set(columns(db, table).map((c) => c.name));
    if (have.size === 0) continue;
    for (const col of cols) if (!have.has(col.name) && !col.pk) out.push({ table, col });
  }
  return out;
}

/** Adds to `db` every column that the tables created by `sql` declare and `db`'s tables of the same name lack. */
function addMissingColumns(db: Database.Database, sql: string): string[] {
  return diffColumns(db, sql).map(({ table, col }) => {
    const name = `${table}.${col.name}`;
    const dflt = col.dflt_value === null ? '' : ` DEFAULT ${col.dflt_value}`;
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${col.name} ${col.type}${dflt}`);
    const fill = BACKFILL[name];
    if (fill !== undefined) db.prepare(`UPDATE ${table} SET ${col.name} = ? WHERE ${col.name} IS NULL`).run(fill);
    return name;
  });
}

/**
 * Values for existing rows of columns that have no schema default but must not be NULL: 1.13's server reads
 * server.error_log_level as a number when the column exists (src/config/module.c, default_load_server), and
 * m2sh 1.13 always writes 2 when a config does not set it.
 */
const BACKFILL: Record<string, number | string> = { 'server.error_log_level': 2 };

/** What `migrate` did. */
export interface MigrationReport {
  applied: string[];
  addedColumns: string[];
}

/** Applies every migration `db` has not had yet, each in its own transaction. */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): MigrationReport {
  db.exec(`CREATE TABLE IF NOT EXISTS admin_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`);
  const done = new Set(
    (db.prepare('SELECT version FROM admin_migration').all() as { version: number }[]).map((r) => r.version),
  );
  const report: MigrationReport = { applied: [], addedColumns: [] };
  for (const m of listMigrations(dir)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      report.addedColumns.push(...addMissingColumns(db, m.sql));
      db.prepare('INSERT INTO admin_migration (version, name) VALUES (?, ?)').run(m.version, m.name);
    }).immediate();
    report.applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
  }
  // Another m2sh may have re-created Mongrel2's tables since (the C m2sh drops and re-creates them on every
  // load, with 1.12.2's columns), so the column check runs on every open, not only when a migration applies.
  const missing = listMigrations(dir).flatMap((m) => declaredColumnsMissing(db, m.sql));
  if (missing.length > 0) {
    db.transaction(() => {
      for (const m of listMigrations(dir)) report.addedColumns.push(...addMissingColumns(db, m.sql));
    }).immediate();
  }
  return report;
}
