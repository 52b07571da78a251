// The import diff (issue 6 §6): rows matched by natural key, reported as added, removed or changed with the
// fields that differ; counts per table; `unchanged` only when nothing at all differs.
import { describe, expect, it } from 'vitest';
import { IMPORT_SECTIONS, IMPORT_TABLES, type RowValues } from '@m2/shared';
import { changedFields, diffConfigs, diffRows } from './diff.js';
import type { KeyedRows, Snapshot, TableCounts } from './snapshot.js';

function rows(...list: [string[], RowValues][]): KeyedRows {
  return new Map(list.map(([key, values]) => [JSON.stringify(key), { key, values }]));
}

function snapshot(parts: Partial<Snapshot> = {}): Snapshot {
  const s = {} as Snapshot;
  for (const section of IMPORT_SECTIONS) s[section] = parts[section] ?? new Map();
  return s;
}

function counts(over: Partial<TableCounts> = {}): TableCounts {
  const c = {} as TableCounts;
  for (const t of IMPORT_TABLES) c[t] = over[t] ?? 1;
  return c;
}

describe('changedFields', () => {
  it('names values that differ or are on one side only', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: 2 })).toEqual(['b', 'c', 'd']);
    expect(changedFields({ a: 1 }, { a: '1' })).toEqual(['a']);
    expect(changedFields({ a: null }, { a: null })).toEqual([]);
  });
});

describe('diffRows', () => {
  it('matches rows by key and reports each kind of change', () => {
    const before = rows(
      [['u1', 'localhost', '/'], { path: '/', target_type: 'dir', base: 'site/' }],
      [['u1', 'localhost', '/old'], { path: '/old', target_type: 'proxy', addr: 'a', port: 80 }],
      [['u1', 'localhost', '/same'], { path: '/same', target_type: 'handler', send_spec: 'tcp://x:1' }],
    );
    const after = rows(
      [['u1', 'localhost', '/new'], { path: '/new', target_type: 'dir', base: 'new/' }],
      [['u1', 'localhost', '/same'], { path: '/same', target_type: 'handler', send_spec: 'tcp://x:1' }],
      [['u1', 'localhost', '/'], { path: '/', target_type: 'dir', base: 'public/' }],
    );
    expect(diffRows(before, after)).toEqual({
      added: [{ key: ['u1', 'localhost', '/new'], values: { path: '/new', target_type: 'dir', base: 'new/' } }],
      removed: [{ key: ['u1', 'localhost', '/old'], values: { path: '/old', target_type: 'proxy', addr: 'a', port: 80 } }],
      changed: [{
        key: ['u1', 'localhost', '/'],
        before: { path: '/', target_type: 'dir', base: 'site/' },
        after: { path: '/', target_type: 'dir', base: 'public/' },
        fields: ['base'],
      }],
    });
  });
});

describe('diffConfigs', () => {
  it('is unchanged only when no row and no count differs', () => {
    const s = snapshot({ settings: rows([['zeromq.threads'], { key: 'zeromq.threads', value: '1' }]) });
    const same = diffConfigs(s, counts(), s, counts(), ['a warning']);
    expect(same.unchanged).toBe(true);
    expect(same.warnings).toEqual(['a warning']);
    expect(same.counts.route).toEqual({ before: 1, after: 1 });
    // Two routes sharing one Dir vs each with its own: the same routes, one more directory row.
    expect(diffConfigs(s, counts(), s, counts({ directory: 2 })).unchanged).toBe(false);
  });

  it('reports every section', () => {
    const before = snapshot({ servers: rows([['u1'], { uuid: 'u1', port: 6767 }]) });
    const after = snapshot({
      servers: rows([['u1'], { uuid: 'u1', port: 8080 }]),
      mimetypes: rows([['.foo'], { extension: '.foo', mimetype: 'text/foo' }]),
    });
    const d = diffConfigs(before, counts(), after, counts({ mimetype: 2 }));
    expect(d.unchanged).toBe(false);
    expect(Object.keys(d.changes)).toEqual([...IMPORT_SECTIONS]);
    expect(d.changes.servers.changed).toEqual([{ key: ['u1'], before: { uuid: 'u1', port: 6767 }, after: { uuid: 'u1', port: 8080 }, fields: ['port'] }]);
    expect(d.changes.mimetypes.added).toEqual([{ key: ['.foo'], values: { extension: '.foo', mimetype: 'text/foo' } }]);
    expect(d.counts.mimetype).toEqual({ before: 1, after: 2 });
  });
});
