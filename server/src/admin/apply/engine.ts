// Apply (issue 6 §3): validate the database's configuration the way each server will load it, bring every running
// server to it (server-apply.ts), and only then record it as applied. When any server fails, the previous
// configuration (the snapshot the servers were serving) goes back into the database and onto the servers, the
// failed attempt is kept as a 'failed' snapshot so nothing the operator built is lost, and the answer carries
// the real error. One apply at a time per console.
import type Database from 'better-sqlite3';
import { ApiErr, type ApplyOutcome, type ConfigDiff, type Server, type ServerOutcome } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { recordAs } from '../changes.js';
import { ApiError } from '../errors.js';
import { ServerConfigError, loadServerConfig } from '../../config/server-config.js';
import { diffContent } from './diff.js';
import { probePath } from './probe.js';
import { applyToServer, type ProbeTarget } from './server-apply.js';
import {
  captureContent, fingerprintsOf, snapshotContent, takeSnapshot, writeContent, type SnapshotContent,
} from './snapshot.js';
import { listServers } from '../running/servers.js';
import { loadedFingerprints, servedSnapshot } from './served.js';


export type { ApplyOutcome };

const busy = new WeakSet<AdminContext>();

function servers(ctx: AdminContext, ids?: number[]): Server[] {
  return listServers(ctx).filter((s) => !ids || ids.includes(s.id));
}

/** Refuses (400, one field per problem) a configuration some server would not load. */
export function validateForServers(db: Database.Database, list: Server[]): void {
  const fields = [];
  for (const s of list) {
    try {
      loadServerConfig(db, s.uuid);
    } catch (e) {
      const problems = e instanceof ServerConfigError ? e.problems : [(e as Error).message];
      for (const p of problems) fields.push({ path: `servers.${s.id}`, message: `server ${s.name || s.uuid}: ${p}`, code: ApiErr.VALIDATION });
    }
  }
  if (fields.length) throw new ApiError(400, ApiErr.VALIDATION, `the configuration would not load: ${fields[0]!.message}`, fields);
}

/** Where to probe each server: a route the change added or altered, else `/` on its default host. */
export function probeTargets(db: Database.Database, change: ConfigDiff, list: Server[]): Map<number, ProbeTarget> {
  const out = new Map<number, ProbeTarget>();
  const touched = [...(change.tables.route?.added ?? []), ...(change.tables.route?.changed ?? []).map((c) => c.after)];
  for (const s of list) {
    let target: ProbeTarget = { host: s.defaultHost, path: '/' };
    for (const r of touched) {
      const host = db.prepare('SELECT name FROM host WHERE id = ? AND server_id = ?').get(r.host_id, s.id) as { name: string } | undefined;
      if (host) { target = { host: host.name, path: probePath(String(r.path)) }; break; }
    }
    out.set(s.id, target);
  }
  return out;
}

async function bringAll(ctx: AdminContext, list: Server[], targets: Map<number, ProbeTarget>, force: boolean): Promise<ServerOutcome[]> {
  const want = fingerprintsOf(ctx.db);
  const out: ServerOutcome[] = [];
  for (const s of list) out.push(await applyToServer(ctx, s, want[s.uuid] ?? '', targets.get(s.id) ?? { host: s.defaultHost, path: '/' }, { force }));
  return out;
}

function summary(outcomes: ServerOutcome[]): string {
  return outcomes.map((o) => `${o.name || o.uuid} ${o.action}${o.probe?.ok ? ` (probe ${o.probe.status})` : ''}`).join(', ');
}

/** Applies the database's configuration to the running servers (all, or `serverIds`), as `who` because `why`. */
export async function applyConfig(ctx: AdminContext, who: string, why: string, opts: { serverIds?: number[] } = {}): Promise<ApplyOutcome> {
  if (busy.has(ctx)) throw new ApiError(409, ApiErr.BUSY, 'another apply is under way; try again when it has finished');
  busy.add(ctx);
  try {
    const db = ctx.db;
    const list = servers(ctx, opts.serverIds);
    validateForServers(db, list);
    const previous = servedSnapshot(db, await loadedFingerprints(ctx, list));
    const before: SnapshotContent | undefined = previous ? snapshotContent(db, previous.id) : undefined;
    const candidate = captureContent(db);
    const change = before ? diffContent(before, candidate) : { tables: {}, count: 0 };
    const outcomes = await bringAll(ctx, list, probeTargets(db, change, list), false);
    const failed = outcomes.find((o) => o.action === 'failed');
    if (!failed) {
      const snapshotId = takeSnapshot(db, { kind: 'applied', who, why, content: candidate, outcome: { servers: outcomes } });
      recordAs(db, who, { what: `apply: ${summary(outcomes) || 'no servers'} (snapshot ${snapshotId})`, why }, () => undefined);
      return { ok: true, snapshotId, servers: outcomes };
    }
    const error = `server ${failed.name || failed.uuid}: ${failed.error}`;
    const failedId = takeSnapshot(db, { kind: 'failed', who, why, content: candidate, outcome: { error, servers: outcomes } });
    if (!before || !previous) {
      const unknown = `${error}; no snapshot holds what the servers were serving, so nothing was rolled back`;
      recordAs(db, who, { what: `apply failed: ${unknown} (snapshot ${failedId})`, why }, () => undefined);
      return { ok: false, snapshotId: failedId, error: unknown, servers: outcomes };
    }
    recordAs(db, who, { what: `apply failed, rolled back to snapshot ${previous.id}: ${error} (the attempt is snapshot ${failedId})`, why }, (d) => writeContent(d, before));
    const touched = list.filter((s) => outcomes.some((o) => o.serverId === s.id && o.action !== 'not-running' && o.action !== 'unchanged'));
    const back = await bringAll(ctx, touched, probeTargets(db, { tables: {}, count: 0 }, touched), true);
    return { ok: false, snapshotId: failedId, error, servers: outcomes, rollback: { snapshotId: previous.id, servers: back } };
  } finally {
    busy.delete(ctx);
  }
}
