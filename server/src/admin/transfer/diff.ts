// Compares two configurations read by snapshot.ts (issue 6 §6): per kind of row, what is added, removed or
// changed, matched by natural keys; plus row counts per table. Pure: the import preview compares the database
// with a scratch copy of what the file would write, the import compares before and after its own write.
import { IMPORT_SECTIONS, IMPORT_TABLES, type ImportPreview, type RowValues, type TableDiff } from '@m2/shared';
import type { KeyedRows, Snapshot, TableCounts } from './snapshot.js';

/** The names of the values that differ between `a` and `b` (a value missing on one side differs). */
export function changedFields(a: RowValues, b: RowValues): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((n) => !(n in a) || !(n in b) || a[n] !== b[n]);
}

/** What becomes of `before`'s rows in `after`: added in `after`'s order, removed and changed in `before`'s. */
export function diffRows(before: KeyedRows, after: KeyedRows): TableDiff {
  const diff: TableDiff = { added: [], removed: [], changed: [] };
  for (const [k, row] of before) {
    const next = after.get(k);
    if (!next) {
      diff.removed.push({ key: row.key, values: row.values });
      continue;
    }
    const fields = changedFields(row.values, next.values);
    if (fields.length > 0) diff.changed.push({ key: row.key, before: row.values, after: next.values, fields });
  }
  for (const [k, row] of after) if (!before.has(k)) diff.added.push({ key: row.key, values: row.values });
  return diff;
}

/** The preview of going from (`before`, `countsBefore`) to (`after`, `countsAfter`). */
export function diffConfigs(
  before: Snapshot,
  countsBefore: TableCounts,
  after: Snapshot,
  countsAfter: TableCounts,
  warnings: readonly string[] = [],
): ImportPreview {
  const changes = {} as ImportPreview['changes'];
  for (const s of IMPORT_SECTIONS) changes[s] = diffRows(before[s], after[s]);
  const counts = {} as ImportPreview['counts'];
  for (const t of IMPORT_TABLES) counts[t] = { before: countsBefore[t], after: countsAfter[t] };
  const unchanged = IMPORT_SECTIONS.every((s) => {
    const d = changes[s];
    return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
  }) && IMPORT_TABLES.every((t) => counts[t].before === counts[t].after);
  return { changes, counts, unchanged, warnings: [...warnings] };
}
