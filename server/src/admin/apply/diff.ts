// The difference between two configurations, table by table and row by row (rows keep their ids through console
// edits, so a row is "the same" when its id is): what the pending-changes view, the history's "diff any two" and
// a restore preview show.
import { SNAPSHOT_TABLES, type ConfigDiff, type SnapshotTableDiff } from '@m2/shared';
import type { SnapshotContent } from './snapshot.js';

type Row = Record<string, unknown>;

/** The whole difference (declared in shared/src/api/apply.ts). */
export type { ConfigDiff };

/** What changed from `before` to `after`. */
export function diffContent(before: SnapshotContent, after: SnapshotContent): ConfigDiff {
  const out: ConfigDiff = { tables: {}, count: 0 };
  for (const t of SNAPSHOT_TABLES) {
    const old = new Map((before[t] ?? []).map((r) => [Number(r.id), r]));
    const now = new Map((after[t] ?? []).map((r) => [Number(r.id), r]));
    const d: SnapshotTableDiff = { added: [], removed: [], changed: [] };
    for (const [id, r] of now) {
      const was = old.get(id);
      if (!was) { d.added.push(r); continue; }
      const columns = [...new Set([...Object.keys(was), ...Object.keys(r)])].filter((c) => JSON.stringify(was[c]) !== JSON.stringify(r[c]));
      if (columns.length) d.changed.push({ id, columns, before: was, after: r });
    }
    for (const [id, r] of old) if (!now.has(id)) d.removed.push(r);
    const n = d.added.length + d.removed.length + d.changed.length;
    if (n > 0) {
      out.tables[t] = d;
      out.count += n;
    }
  }
  return out;
}
