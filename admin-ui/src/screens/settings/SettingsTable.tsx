// The settings table: every key of Mongrel2's catalogue (shared settings-catalog.ts, spec §8) with its default,
// type, help and current value, then the free keys that are set but not in the catalogue. Presentational.
import { SETTINGS_CATALOG, isKnownSetting, type SettingInfo } from '@m2/shared';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge } from '../../components/bits';
import { needsRole } from '../../app/session';
import type { Rec } from '../../queries/model';

/** One line of the table: a known key (with its catalogue entry), a set key, or both. */
export interface SettingLine {
  key: string;
  info?: SettingInfo;
  current?: Rec<'settings'>;
}

/** Merges the catalogue with the set rows: known keys in catalogue order, then free keys by name. */
export function settingLines(set: Rec<'settings'>[]): SettingLine[] {
  const byKey = new Map(set.map((s) => [s.key, s]));
  const known: SettingLine[] = Object.values(SETTINGS_CATALOG).map((info) => ({ key: info.key, info, current: byKey.get(info.key) }));
  const free = set.filter((s) => !isKnownSetting(s.key)).sort((a, b) => a.key.localeCompare(b.key)).map((s) => ({ key: s.key, current: s }));
  return [...known, ...free];
}

/** The table of settings; `onEdit` opens a key's dialog, `onReset` asks to delete its row. */
export function SettingsTable({ lines, canEdit, onEdit, onReset }: {
  lines: SettingLine[]; canEdit: boolean; onEdit: (line: SettingLine) => void; onReset: (line: SettingLine) => void;
}) {
  const why = canEdit ? undefined : needsRole('operator');
  const columns: Column<SettingLine>[] = [
    { key: 'key', header: 'Key', render: (l) => <code>{l.key}</code>, value: (l) => l.key },
    {
      key: 'value', header: 'Value', value: (l) => l.current?.value ?? '',
      render: (l) => (l.current ? <code>{l.current.value}</code> : <span className="muted">{l.info ? 'default' : ''}</span>),
    },
    { key: 'default', header: 'Default', render: (l) => (l.info ? (l.info.default === null ? <span className="muted">unset</span> : <code>{l.info.default}</code>) : <Badge tone="info">free key</Badge>) },
    { key: 'type', header: 'Type', render: (l) => l.info?.type ?? 'text', value: (l) => l.info?.type ?? 'text' },
    { key: 'help', header: 'Help', className: 'setting-help', render: (l) => <span className="muted">{l.info?.help ?? 'Not read by Mongrel2; kept as it is.'}</span>, value: (l) => l.info?.help ?? '' },
    {
      key: 'actions', header: 'Actions', render: (l) => (
        <div className="row-actions">
          <button type="button" className="btn" aria-label={`${l.current ? 'Edit' : 'Set'} ${l.key}`} disabled={!canEdit} title={why} onClick={() => onEdit(l)}>
            {l.current ? 'Edit' : 'Set'}
          </button>
          {l.current && (
            <button type="button" className="btn btn-danger" aria-label={`Reset ${l.key}`} disabled={!canEdit} title={why} onClick={() => onReset(l)}>Reset</button>
          )}
        </div>
      ),
    },
  ];
  return <DataTable caption="Settings" rows={lines} columns={columns} rowKey={(l) => l.key} filterLabel="Filter settings" />;
}
