// The "Add dir" / "Edit dir <base>" (and handler, proxy) dialog: the target form writing through the model
// mutations of the kind's resource; an edit sends the version it was read at.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TargetKind } from '@m2/shared';
import { listQuery, useCreate, useUpdate } from '../../queries/model';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { TARGET_RESOURCES, type TargetRecords } from '../../components/targets/target-drafts';
import { TargetForm } from './TargetForm';
import { TARGET_KINDS, type AnyTarget } from './target-kinds';

/** Adds a target of `kind`, or edits `target`; `onClose` must be stable (the dialog refocuses when it changes). */
export function TargetDialog({ kind, target, usedBy, onClose }: { kind: TargetKind; target?: AnyTarget; usedBy?: number; onClose: () => void }) {
  const resource = TARGET_RESOURCES[kind];
  const list = useQuery(listQuery(resource));
  const create = useCreate(resource, { quiet: true });
  const update = useUpdate(resource, { quiet: true });
  const canEdit = useCan('operator');
  const toast = useToast();
  const [reloads, setReloads] = useState(0);
  const m = target ? update : create;
  const name = (t: AnyTarget) => TARGET_KINDS[kind].name(t);

  const save = (v: { body: unknown; why: string }) => {
    const why = v.why || undefined;
    const ok = (rec: unknown) => { toast({ kind: 'ok', title: `${target ? 'Saved' : 'Created'} ${kind} ${name(rec as AnyTarget)}` }); onClose(); };
    if (target) update.mutate({ id: target.id, body: v.body, version: target.version, why }, { onSuccess: ok });
    else create.mutate({ body: v.body, why }, { onSuccess: ok });
  };

  const reload = async () => {
    await list.refetch();
    update.reset();
    setReloads((n) => n + 1);
  };

  return (
    <Dialog title={target ? `Edit ${kind} ${name(target)}` : `Add ${kind}`} onClose={onClose}>
      <TargetForm key={`${target?.version ?? 'new'}:${reloads}`} kind={kind} target={target as TargetRecords[TargetKind] | undefined} usedBy={usedBy}
        busy={m.isPending} error={m.error} canEdit={canEdit} onSubmit={save} onCancel={onClose} onReload={() => void reload()} reloading={list.isFetching} />
    </Dialog>
  );
}
