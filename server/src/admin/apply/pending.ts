// Pending changes (issue 6 §3): what differs between the database and what each running server has loaded
// (their fingerprints, from the control port) and, row by row, between the database and the last applied
// configuration.
import type { AdminContext } from '../context.js';
import { serverProcessState } from '../running/process.js';
import { diffContent, type ConfigDiff } from './diff.js';
import { loadedConfig } from './loaded.js';
import { listServers } from '../running/servers.js';
import { servedSnapshot } from './served.js';
import { captureContent, fingerprintsOf, modelHash, snapshotContent } from './snapshot.js';

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

/** The pending view. */
export interface Pending {
  /** The snapshot the running servers serve (or the last applied one) compared against; null when unknown. */
  since: { snapshotId: number; kind: string; createdAt: string } | null;
  /** Whether the database differs from that snapshot. */
  changed: boolean;
  diff: ConfigDiff;
  servers: ServerPending[];
}

/** Builds the pending view. */
export async function pendingChanges(ctx: AdminContext): Promise<Pending> {
  const db = ctx.db;
  const current = captureContent(db);
  const list = listServers(ctx);
  const wanted = fingerprintsOf(db);
  const servers: ServerPending[] = [];
  const loaded: Record<string, string> = {};
  for (const s of list) {
    const p: ServerPending = { id: s.id, uuid: s.uuid, name: s.name, running: serverProcessState(ctx, s).running, wanted: wanted[s.uuid] ?? '', loaded: '', pending: false };
    if (p.wanted === '') p.problem = 'its configuration in the database would not load';
    if (p.running) {
      try {
        const l = await loadedConfig(ctx, s, 1500);
        if (l === null) p.problem = 'it does not report what it has loaded';
        else {
          p.loaded = loaded[s.uuid] = l.fingerprint;
          p.pending = l.fingerprint !== p.wanted;
        }
      } catch (e) {
        p.problem = `its control port does not answer: ${(e as Error).message}`;
      }
    }
    servers.push(p);
  }
  const last = servedSnapshot(db, loaded);
  const before = last ? snapshotContent(db, last.id) : undefined;
  const diff = before ? diffContent(before, current) : { tables: {}, count: 0 };
  return {
    since: last ? { snapshotId: last.id, kind: last.kind, createdAt: last.createdAt } : null,
    changed: before ? modelHash(before) !== modelHash(current) : false,
    diff,
    servers,
  };
}
