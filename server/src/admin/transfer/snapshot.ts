// The configuration in a database as rows keyed by their natural keys, so two configurations can be compared
// whatever row ids they were given (issue 6 §6): a server by uuid, a host by (server uuid, name), a route by
// (server uuid, host name, path) with its target's columns inlined (targets are compared through the routes
// that use them), a filter or xrequest by (server uuid, name), a setting by key, a mimetype by extension.
import type Database from 'better-sqlite3';
import { IMPORT_TABLES, type IMPORT_SECTIONS, type RowValues } from '@m2/shared';

/** One row: its natural key and the values compared. */
export interface KeyedRow {
  key: string[];
  values: RowValues;
}

/** One kind of row, by its key's JSON, in row-id order. */
export type KeyedRows = Map<string, KeyedRow>;

/** A configuration's rows per section. */
export type Snapshot = Record<(typeof IMPORT_SECTIONS)[number], KeyedRows>;

/** Row counts per table. */
export type TableCounts = Record<(typeof IMPORT_TABLES)[number], number>;

type Row = Record<string, unknown>;

/** A column value as the answer carries it (numbers and text as they are, anything else as text). */
function plain(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
}

/** `row` without the columns named in `drop`, values made plain. */
function valuesOf(row: Row, drop: readonly string[]): RowValues {
  const out: RowValues = {};
  for (const [k, v] of Object.entries(row)) if (!drop.includes(k)) out[k] = plain(v);
  return out;
}

/** Adds rows under their keys; a repeated key gets `#2`, `#3`... so no row hides another. */
function keyed(rows: readonly KeyedRow[]): KeyedRows {
  const out: KeyedRows = new Map();
  for (const row of rows) {
    let key = row.key;
    for (let n = 2; out.has(JSON.stringify(key)); n++) key = [...row.key, `#${n}`];
    out.set(JSON.stringify(key), { key, values: row.values });
  }
  return out;
}

const TARGET_TABLE: Record<string, string> = { dir: 'directory', handler: 'handler', proxy: 'proxy' };

/** Reads the configuration in `db` keyed by natural keys. */
export function readSnapshot(db: Database.Database): Snapshot {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const uuidOf = (v: unknown) => (v === null || v === undefined ? '(no server)' : String(v));
  const target = (type: unknown, id: unknown): RowValues => {
    const table = TARGET_TABLE[String(type)];
    const row = table ? (db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) : undefined;
    return row ? valuesOf(row, ['id']) : { missing_target: `${String(type)} ${String(id)}` };
  };
  const plugins = (table: 'filter' | 'xrequest') => keyed(
    all(`SELECT p.*, s.uuid AS server_uuid FROM ${table} p LEFT JOIN server s ON s.id = p.server_id ORDER BY p.id`)
      .map((r) => ({ key: [uuidOf(r.server_uuid), String(r.name)], values: valuesOf(r, ['id', 'server_id', 'server_uuid']) })),
  );
  return {
    servers: keyed(all('SELECT * FROM server ORDER BY id').map((r) => ({ key: [String(r.uuid)], values: valuesOf(r, ['id']) }))),
    hosts: keyed(all('SELECT h.*, s.uuid AS server_uuid FROM host h LEFT JOIN server s ON s.id = h.server_id ORDER BY h.id')
      .map((r) => ({ key: [uuidOf(r.server_uuid), String(r.name)], values: valuesOf(r, ['id', 'server_id', 'server_uuid']) }))),
    routes: keyed(all(`SELECT r.*, h.name AS host_name, s.uuid AS server_uuid FROM route r
        LEFT JOIN host h ON h.id = r.host_id LEFT JOIN server s ON s.id = h.server_id ORDER BY r.id`)
      .map((r) => ({
        key: [uuidOf(r.server_uuid), r.host_name === null ? '(no host)' : String(r.host_name), String(r.path)],
        values: { ...valuesOf(r, ['id', 'host_id', 'target_id', 'host_name', 'server_uuid']), ...target(r.target_type, r.target_id) },
      }))),
    filters: plugins('filter'),
    xrequests: plugins('xrequest'),
    settings: keyed(all('SELECT * FROM setting ORDER BY id').map((r) => ({ key: [String(r.key)], values: valuesOf(r, ['id']) }))),
    mimetypes: keyed(all('SELECT * FROM mimetype ORDER BY id').map((r) => ({ key: [String(r.extension)], values: valuesOf(r, ['id']) }))),
  };
}

/** Counts the rows of each table an import replaces. */
export function countRows(db: Database.Database): TableCounts {
  const out = {} as TableCounts;
  for (const t of IMPORT_TABLES) out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}
