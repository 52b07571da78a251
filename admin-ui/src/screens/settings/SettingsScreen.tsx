// Settings (spec §8): Mongrel2's global tuning keys with their defaults and help, what is set now, and the free keys
// an operator added. Set/Edit writes the `setting` row, Reset deletes it (the server falls back to the default).
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery, useCreate, useRemove, useUpdate } from '../../queries/model';
import { PageHeader, QueryState } from '../../components/bits';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { needsRole, useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { SettingsTable, settingLines, type SettingLine } from './SettingsTable';
import { SettingDialog, type SettingValues } from './SettingDialog';

type Open = { kind: 'edit'; line: SettingLine } | { kind: 'add' } | { kind: 'reset'; line: SettingLine } | null;

/** The Settings screen. */
export function SettingsScreen(_props: { params: Record<string, string> }) {
  const settings = useQuery(listQuery('settings'));
  const canEdit = useCan('operator');
  const toast = useToast();
  const create = useCreate('settings', { quiet: true });
  const update = useUpdate('settings', { quiet: true });
  const remove = useRemove('settings');
  const [open, setOpen] = useState<Open>(null);
  const lines = useMemo(() => settingLines(settings.data ?? []), [settings.data]);
  const close = useCallback(() => setOpen(null), []);
  const start = (o: Open) => { create.reset(); update.reset(); setOpen(o); };

  const editing = open?.kind === 'edit' ? open.line.current : undefined;
  const save = (v: SettingValues) => {
    const done = { onSuccess: () => { toast({ kind: 'ok', title: `Setting ${v.key} saved` }); close(); } };
    if (editing) update.mutate({ id: editing.id, version: editing.version, body: { key: v.key, value: v.value }, why: v.why || undefined }, done);
    else create.mutate({ body: { key: v.key, value: v.value }, why: v.why || undefined }, done);
  };
  const reset = (line: SettingLine) => {
    if (!line.current) return;
    remove.mutate({ id: line.current.id, version: line.current.version, why: `reset ${line.key}` }, {
      onSuccess: () => { toast({ kind: 'ok', title: line.info ? `${line.key} is back to its default` : `${line.key} removed` }); close(); },
    });
  };

  return (
    <>
      <PageHeader title="Settings" intro="Global tuning every server in this database reads. A key not set here takes its default."
        actions={<Button kind="primary" disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')} onClick={() => start({ kind: 'add' })}>Add setting</Button>} />
      <QueryState loading={settings.isPending} error={settings.error}>
        <SettingsTable lines={lines} canEdit={canEdit} onEdit={(line) => start({ kind: 'edit', line })} onReset={(line) => setOpen({ kind: 'reset', line })} />
      </QueryState>
      {open?.kind === 'edit' && (
        <SettingDialog fixedKey={open.line.key} initialValue={open.line.current?.value ?? open.line.info?.default ?? ''}
          error={editing ? update.error : create.error} busy={create.isPending || update.isPending} onSubmit={save} onClose={close} />
      )}
      {open?.kind === 'add' && <SettingDialog error={create.error} busy={create.isPending} onSubmit={save} onClose={close} />}
      {open?.kind === 'reset' && (
        <ConfirmDialog title={`Reset ${open.line.key}?`} confirm="Reset" busy={remove.isPending} onClose={close} onConfirm={() => reset(open.line)}
          message={open.line.info
            ? <p>This deletes the row, so servers read the default ({open.line.info.default ?? 'unset'}) after the next apply.</p>
            : <p>This deletes the free key <code>{open.line.key}</code>.</p>} />
      )}
    </>
  );
}
