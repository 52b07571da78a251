// The screen of one kind of target (Dirs, Handlers, Proxies): the table with what uses each, "Add <kind>", and per
// row edit and delete (the API refuses to delete a target routes still use, and the dialog says which).
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TargetKind } from '@m2/shared';
import { listQuery } from '../../queries/model';
import { needsRole, useCan } from '../../app/session';
import { Button } from '../../components/Button';
import { PageHeader, QueryState } from '../../components/bits';
import { TARGET_RESOURCES } from '../../components/targets/target-drafts';
import { DeleteRecordDialog } from './DeleteRecordDialog';
import { TargetDialog } from './TargetDialog';
import { TargetsTable, routesUsing } from './TargetsTable';
import { TARGET_KINDS, type AnyTarget } from './target-kinds';

/** The screen of the targets of `kind`. */
export function TargetsScreen({ kind }: { kind: TargetKind }) {
  const info = TARGET_KINDS[kind];
  const targets = useQuery(listQuery(TARGET_RESOURCES[kind]));
  const routes = useQuery(listQuery('routes'));
  const hosts = useQuery(listQuery('hosts'));
  const canEdit = useCan('operator');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit' | 'delete'; id: number } | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const onEdit = useCallback((t: AnyTarget) => setDialog({ kind: 'edit', id: t.id }), []);
  const onDelete = useCallback((t: AnyTarget) => setDialog({ kind: 'delete', id: t.id }), []);

  const rows = (targets.data ?? []) as AnyTarget[];
  const picked = dialog && dialog.kind !== 'add' ? rows.find((t) => t.id === dialog.id) : undefined;
  const using = picked ? routesUsing(routes.data ?? [], kind, picked.id) : [];
  const lists = [targets, routes, hosts];
  return (
    <>
      <PageHeader title={info.title} intro={info.intro}
        actions={<Button kind="primary" onClick={() => setDialog({ kind: 'add' })} disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')}>Add {kind}</Button>} />
      <QueryState loading={lists.some((q) => q.isPending)} error={lists.find((q) => q.error)?.error}>
        <TargetsTable kind={kind} targets={rows} routes={routes.data ?? []} hosts={hosts.data ?? []} canEdit={canEdit} onEdit={onEdit} onDelete={onDelete} />
      </QueryState>
      {dialog?.kind === 'add' && <TargetDialog kind={kind} onClose={close} />}
      {dialog?.kind === 'edit' && picked && <TargetDialog kind={kind} target={picked} usedBy={using.length} onClose={close} />}
      {dialog?.kind === 'delete' && picked && (
        <DeleteRecordDialog resource={TARGET_RESOURCES[kind]} record={picked} title={`Delete ${kind} ${info.name(picked)}`}
          done={`Deleted ${kind} ${info.name(picked)}`}
          message={using.length
            ? `${kind} ${picked.id} is the target of ${using.length} route${using.length === 1 ? '' : 's'} (${using.map((r) => r.path).join(', ')}); the API refuses to delete it until they point elsewhere.`
            : `This deletes ${kind} ${picked.id} (${info.name(picked)}); no route uses it.`}
          onClose={close} />
      )}
    </>
  );
}
