// Which snapshot the running servers are serving: the newest whose fingerprint for every running server equals
// what that server reports having loaded. That is what a failed apply rolls back to and what pending changes
// are counted from — not merely the last snapshot, since m2sh (or another console) may have changed and
// reloaded a server since.
import type Database from 'better-sqlite3';
import type { Server } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { serverProcessState } from '../running/process.js';
import { loadedConfig } from './loaded.js';
import { latestSnapshot, listSnapshots, type SnapshotInfo } from './snapshot.js';

/** What each running server reports having loaded (uuid → fingerprint; servers that cannot say are left out). */
export async function loadedFingerprints(ctx: AdminContext, list: Server[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of list) {
    if (!serverProcessState(ctx, s).running) continue;
    try {
      const l = await loadedConfig(ctx, s, 1500);
      if (l) out[s.uuid] = l.fingerprint;
    } catch {
      // A server that does not answer tells nothing about what it serves.
    }
  }
  return out;
}

/** The newest snapshot matching every reported fingerprint; with none reported, the last applied (or baseline). */
export function servedSnapshot(db: Database.Database, loaded: Record<string, string>): SnapshotInfo | undefined {
  const reported = Object.entries(loaded);
  if (reported.length === 0) return latestSnapshot(db, ['applied', 'baseline']);
  return listSnapshots(db, 1000).find((s) => reported.every(([uuid, fp]) => s.fingerprints[uuid] === fp));
}
