// The "Add server" / "Edit server <name>" dialog: the server form writing through the model mutations (an edit
// sends the version it was read at, so a stale edit is refused and can be reloaded).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServerInput } from '@m2/shared';
import { listQuery, useCreate, useUpdate, type Rec } from '../../queries/model';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { ServerForm } from './ServerForm';
import { serverName } from './server-label';

/** Adds a server, or edits `server`; `onClose` must be stable (the dialog refocuses when it changes). */
export function ServerDialog({ server, onClose }: { server?: Rec<'servers'>; onClose: () => void }) {
  const servers = useQuery(listQuery('servers'));
  const create = useCreate('servers', { quiet: true });
  const update = useUpdate('servers', { quiet: true });
  const canEdit = useCan('operator');
  const toast = useToast();
  const [reloads, setReloads] = useState(0);
  const m = server ? update : create;

  const save = (v: { body: ServerInput; why: string }) => {
    const why = v.why || undefined;
    const ok = (rec: Rec<'servers'>) => { toast({ kind: 'ok', title: `${server ? 'Saved' : 'Created'} server ${serverName(rec)}` }); onClose(); };
    if (server) update.mutate({ id: server.id, body: v.body, version: server.version, why }, { onSuccess: ok });
    else create.mutate({ body: v.body, why }, { onSuccess: ok });
  };

  const reload = async () => {
    await servers.refetch();
    update.reset();
    setReloads((n) => n + 1);
  };

  return (
    <Dialog title={server ? `Edit server ${serverName(server)}` : 'Add server'} onClose={onClose} wide>
      <ServerForm key={`${server?.version ?? 'new'}:${reloads}`} server={server} busy={m.isPending} error={m.error} canEdit={canEdit}
        onSubmit={save} onCancel={onClose} onReload={() => void reload()} reloading={servers.isFetching} />
    </Dialog>
  );
}
