// The "Add host" / "Edit host" dialog: the host form over the servers list, writing through the model mutations
// (a new host opens its own screen; an edit sends the version it was read at, so a stale edit is refused).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { HostInput } from '@m2/shared';
import { listQuery, useCreate, useUpdate, type Rec } from '../../queries/model';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { QueryState } from '../../components/bits';
import { HostForm } from './HostForm';

/** Adds a host, or edits `host`; `onClose` must be stable (the dialog refocuses when it changes). */
export function HostDialog({ host, onClose }: { host?: Rec<'hosts'>; onClose: () => void }) {
  const servers = useQuery(listQuery('servers'));
  const hosts = useQuery(listQuery('hosts'));
  const create = useCreate('hosts', { quiet: true });
  const update = useUpdate('hosts', { quiet: true });
  const canEdit = useCan('operator');
  const toast = useToast();
  const [reloads, setReloads] = useState(0);
  const m = host ? update : create;

  const save = (v: { body: HostInput; why: string }) => {
    const why = v.why || undefined;
    if (host) {
      update.mutate({ id: host.id, body: v.body, version: host.version, why }, {
        onSuccess: (rec) => { toast({ kind: 'ok', title: `Saved host ${rec.name}` }); onClose(); },
      });
    } else {
      create.mutate({ body: v.body, why }, {
        onSuccess: (rec) => { toast({ kind: 'ok', title: `Created host ${rec.name}` }); onClose(); navigate(`/hosts/${rec.id}`); },
      });
    }
  };

  const reload = async () => {
    await hosts.refetch();
    update.reset();
    setReloads((n) => n + 1);
  };

  return (
    <Dialog title={host ? 'Edit host' : 'Add host'} onClose={onClose}>
      <QueryState loading={servers.isPending} error={servers.error}>
        <HostForm key={`${host?.version ?? 'new'}:${reloads}`} servers={servers.data ?? []} host={host} busy={m.isPending} error={m.error}
          canEdit={canEdit} onSubmit={save} onCancel={onClose} onReload={() => void reload()} reloading={hosts.isFetching} />
      </QueryState>
    </Dialog>
  );
}
