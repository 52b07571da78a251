// A snapshot is the whole configuration at one moment: every row of Mongrel2's config tables (not the commit log,
// not the statistics), kept deflated in admin_snapshot with who took it and why, its model hash (did anything
// change?) and each server's fingerprint (which snapshot is a running server serving?). Restoring one replaces
// the config tables' rows, ids included, so routes keep pointing at the same targets.
import { deflateSync, inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SNAPSHOT_TABLES, type SnapshotInfo, type SnapshotKind } from '@m2/shared';
import { configFingerprint } from '../../config/fingerprint.js';
import { loadServerConfig } from '../../config/server-config.js';
import { insertRow } from '../model/resource.js';

export { SNAPSHOT_TABLES };
export type { SnapshotInfo, SnapshotKind };

/** Rows per table. */
export type SnapshotContent = Record<(typeof SNAPSHOT_TABLES)[number], Record<string, unknown>[]>;



/** Reads the config tables. */
export function captureContent(db: Database.Database): SnapshotContent {
  const out = {} as SnapshotContent;
  for (const t of SNAPSHOT_TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[];
  return out;
}

/** The hash of a configuration's rows: equal hashes, equal configurations. */
export function modelHash(content: SnapshotContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** Each server's fingerprint of the configuration now in `db` ('' for a server whose configuration is refused). */
export function fingerprintsOf(db: Database.Database): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { uuid } of db.prepare('SELECT uuid FROM server ORDER BY id').all() as { uuid: string }[]) {
    try {
      out[uuid] = configFingerprint(loadServerConfig(db, uuid));
    } catch {
      out[uuid] = '';
    }
  }
  return out;
}

/** Stores the configuration now in `db` as a snapshot; returns its id. */
export function takeSnapshot(db: Database.Database, s: { kind: SnapshotKind; who: string; why: string | null; outcome?: unknown; content?: SnapshotContent }): number {
  const content = s.content ?? captureContent(db);
  const info = db.prepare('INSERT INTO admin_snapshot (kind, who, why, model_hash, fingerprints, content, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(s.kind, s.who, s.why, modelHash(content), JSON.stringify(fingerprintsOf(db)), deflateSync(JSON.stringify(content)), s.outcome === undefined ? null : JSON.stringify(s.outcome));
  return Number(info.lastInsertRowid);
}

interface SnapshotRow { id: number; created_at: string; kind: SnapshotKind; who: string; why: string | null; model_hash: string; fingerprints: string; outcome: string | null }

function infoOf(r: SnapshotRow): SnapshotInfo {
  return {
    id: r.id, createdAt: r.created_at, kind: r.kind, who: r.who, why: r.why, modelHash: r.model_hash,
    fingerprints: JSON.parse(r.fingerprints) as Record<string, string>, outcome: r.outcome === null ? null : JSON.parse(r.outcome),
  };
}

const INFO_COLUMNS = 'id, created_at, kind, who, why, model_hash, fingerprints, outcome';

/** Snapshots, newest first. */
export function listSnapshots(db: Database.Database, limit = 200): SnapshotInfo[] {
  return (db.prepare(`SELECT ${INFO_COLUMNS} FROM admin_snapshot ORDER BY id DESC LIMIT ?`).all(limit) as SnapshotRow[]).map(infoOf);
}

/** One snapshot's description, or undefined. */
export function snapshotInfo(db: Database.Database, id: number): SnapshotInfo | undefined {
  const r = db.prepare(`SELECT ${INFO_COLUMNS} FROM admin_snapshot WHERE id = ?`).get(id) as SnapshotRow | undefined;
  return r ? infoOf(r) : undefined;
}

/** The newest snapshot of a kind, or undefined. */
export function latestSnapshot(db: Database.Database, kinds: readonly SnapshotKind[]): SnapshotInfo | undefined {
  const r = db.prepare(`SELECT ${INFO_COLUMNS} FROM admin_snapshot WHERE kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`).get(...kinds) as SnapshotRow | undefined;
  return r ? infoOf(r) : undefined;
}

/** One snapshot's rows. */
export function snapshotContent(db: Database.Database, id: number): SnapshotContent | undefined {
  const r = db.prepare('SELECT content FROM admin_snapshot WHERE id = ?').get(id) as { content: Buffer } | undefined;
  return r ? (JSON.parse(inflateSync(r.content).toString('utf8')) as SnapshotContent) : undefined;
}

/** Replaces the config tables' rows with `content` (call inside a transaction). */
export function writeContent(db: Database.Database, content: SnapshotContent): void {
  for (const t of SNAPSHOT_TABLES) db.exec(`DELETE FROM ${t}`);
  for (const t of SNAPSHOT_TABLES) {
    for (const row of content[t] ?? []) insertRow(db, t, row);
  }
}

/** Takes the baseline (the configuration as the console first found it) when there is no snapshot yet. */
export function ensureBaseline(db: Database.Database): void {
  const any = db.prepare('SELECT 1 FROM admin_snapshot LIMIT 1').get();
  if (!any) takeSnapshot(db, { kind: 'baseline', who: 'console', why: 'the configuration when the console first opened this database' });
}
