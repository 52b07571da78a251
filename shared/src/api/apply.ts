// The apply and history answers (issue 6 §3-4): what is pending, what an apply did to each server (and its
// rollback), snapshots and the row-by-row diff of two configurations. The server builds these values
// (server/src/admin/apply/) and the console's client and screens are typed by the same declarations.

/** The tables a snapshot holds, in the order a restore inserts them. */
export const SNAPSHOT_TABLES = ['server', 'host', 'directory', 'handler', 'proxy', 'route', 'setting', 'mimetype', 'filter', 'xrequest'] as const;

/** A table a snapshot holds. */
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

type Row = Record<string, unknown>;

/** One changed row: its id, the columns that differ, before and after. */
export interface SnapshotRowChange {
  id: number;
  columns: string[];
  before: Row;
  after: Row;
}

/** One table's differences. */
export interface SnapshotTableDiff {
  added: Row[];
  removed: Row[];
  changed: SnapshotRowChange[];
}

/** The differences between two configurations (tables without differences are left out). */
export interface ConfigDiff {
  tables: Partial<Record<SnapshotTable, SnapshotTableDiff>>;
  /** Added + removed + changed rows over every table. */
  count: number;
}

/** One server's side of the pending view. */
export interface ServerPending {
  id: number;
  uuid: string;
  name: string;
  running: boolean;
  /** The fingerprint of the database's configuration for it ('' when it would not load). */
  wanted: string;
  /** What it serves ('' unknown or not running). */
  loaded: string;
  /** Running and serving something other than the database's configuration. */
  pending: boolean;
  /** Why the console cannot tell, or what is wrong. */
  problem?: string;
}

/** GET /api/config/pending. */
export interface Pending {
  /** The snapshot the running servers serve (or the last applied one) compared against; null when unknown. */
  since: { snapshotId: number; kind: string; createdAt: string } | null;
  /** Whether the database differs from that snapshot. */
  changed: boolean;
  diff: ConfigDiff;
  servers: ServerPending[];
}

/** What the probe request after an apply saw. */
export type ProbeResult =
  | { ok: true; status: number; path: string; host: string }
  | { ok: false; reason: 'refused' | 'closed' | 'timeout'; message: string; path: string; host: string };

/** What an apply did to one server. */
export interface ServerOutcome {
  serverId: number;
  uuid: string;
  name: string;
  action: 'reloaded' | 'restarted' | 'unchanged' | 'not-running' | 'failed';
  /** The fingerprint it serves afterwards ('' when unknown). */
  fingerprint: string;
  probe: ProbeResult | null;
  warnings: string[];
  /** Why it failed (action 'failed'). */
  error?: string;
}

/** POST /api/config/apply's answer (and, on 409 M2_ERR_API_APPLY_FAILED, the error's `detail`). */
export interface ApplyOutcome {
  ok: boolean;
  /** The snapshot recording this attempt ('applied' or 'failed'). */
  snapshotId: number;
  error?: string;
  servers: ServerOutcome[];
  /** When the attempt failed: the configuration put back and how each server took it. */
  rollback?: { snapshotId: number; servers: ServerOutcome[] };
}

/** Why a snapshot was taken. */
export type SnapshotKind = 'baseline' | 'applied' | 'failed' | 'restored';

/** A snapshot's description (without its rows). */
export interface SnapshotInfo {
  id: number;
  createdAt: string;
  kind: SnapshotKind;
  who: string;
  why: string | null;
  modelHash: string;
  /** server uuid → fingerprint ('' when that server's configuration does not load). */
  fingerprints: Record<string, string>;
  outcome: unknown;
}

/** POST /api/config/snapshots/:id/restore's answer. */
export interface RestoreAnswer {
  restored: number;
  snapshotId: number;
  apply?: ApplyOutcome;
}
