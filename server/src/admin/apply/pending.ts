// Pending changes (issue 6 §3): what differs between the database and what each running server has loaded
// (their fingerprints, from the control port) and, row by row, between the database and the last applied
// configuration.
import type { AdminContext } from '../context.js';
import { serverProcessState } from '../running/process.js';
import type { Pending, ServerPending } from '@m2/shared';
import { diffContent } from './diff.js';
import { loadedConfig } from './loaded.js';
import { listServers } from '../running/servers.js';
import { servedSnapshot } from './served.js';
import { captureContent, fingerprintsOf, modelHash, snapshotContent } from './snapshot.js';



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
