// Servers (/servers): every configured mongrel2 process, whether it runs, and the controls to add, edit, delete,
// start, stop and restart one. Process actions say what the server answered (its PID, or why it is not running).
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RunningServer } from '@m2/shared';
import { listQuery, type Rec } from '../../queries/model';
import { runningQuery, useProcessAction } from '../../queries/running';
import { needsRole, useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Button } from '../../components/Button';
import { PageHeader, QueryState } from '../../components/bits';
import { DeleteRecordDialog } from '../targets/DeleteRecordDialog';
import { ServerDialog } from './ServerDialog';
import { ServersTable, type ProcessAction } from './ServersTable';
import { serverName } from './server-label';

const DONE: Record<ProcessAction, string> = { start: 'Started', stop: 'Stopped', restart: 'Restarted' };

/** What a process action's answer says, for the toast. */
export function processResult(action: ProcessAction, name: string, r: RunningServer): { kind: 'ok' | 'error'; title: string; detail?: string } {
  if (action !== 'stop' && !r.running) return { kind: 'error', title: `${name} is not running after ${action}`, detail: r.problem ?? undefined };
  if (action === 'stop' && r.running) return { kind: 'error', title: `${name} is still running`, detail: r.problem ?? undefined };
  return { kind: 'ok', title: `${DONE[action]} ${name}`, detail: r.running && r.pid ? `PID ${r.pid}` : undefined };
}

/** The servers screen (/servers). */
export function ServersScreen(_props: { params: Record<string, string> }) {
  const servers = useQuery(listQuery('servers'));
  const hosts = useQuery(listQuery('hosts'));
  const routes = useQuery(listQuery('routes'));
  const running = useQuery(runningQuery);
  const action = useProcessAction();
  const run = action.mutate;
  const canEdit = useCan('operator');
  const toast = useToast();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit' | 'delete'; id: number } | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const onEdit = useCallback((s: Rec<'servers'>) => setDialog({ kind: 'edit', id: s.id }), []);
  const onDelete = useCallback((s: Rec<'servers'>) => setDialog({ kind: 'delete', id: s.id }), []);
  const onAction = useCallback((s: Rec<'servers'>, a: ProcessAction) => {
    run({ id: s.id, action: a }, { onSuccess: (r) => toast(processResult(a, serverName(s), r)) });
  }, [run, toast]);

  const target = dialog && dialog.kind !== 'add' ? servers.data?.find((s) => s.id === dialog.id) : undefined;
  const hostsOf = (id: number) => (hosts.data ?? []).filter((h) => h.serverId === id);
  const routesOf = (id: number) => {
    const ids = new Set(hostsOf(id).map((h) => h.id));
    return (routes.data ?? []).filter((r) => ids.has(r.hostId)).length;
  };
  const lists = [servers, hosts, routes];
  const busy = action.isPending && action.variables ? action.variables : null;

  return (
    <>
      <PageHeader title="Servers" intro="Each server is one mongrel2 process: where it listens, its logs and its control port."
        actions={<Button kind="primary" onClick={() => setDialog({ kind: 'add' })} disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')}>Add server</Button>} />
      <QueryState loading={lists.some((q) => q.isPending)} error={lists.find((q) => q.error)?.error}>
        <ServersTable servers={servers.data ?? []} hosts={hosts.data ?? []} running={running.data} canEdit={canEdit} busy={busy}
          onEdit={onEdit} onDelete={onDelete} onAction={onAction} />
      </QueryState>
      {dialog?.kind === 'add' && <ServerDialog onClose={close} />}
      {dialog?.kind === 'edit' && target && <ServerDialog server={target} onClose={close} />}
      {dialog?.kind === 'delete' && target && (() => {
        const h = hostsOf(target.id).length;
        const r = routesOf(target.id);
        const name = serverName(target);
        return (
          <DeleteRecordDialog resource="servers" record={target} title={`Delete server ${name}`} done={`Deleted server ${name}`}
            message={`This deletes server ${name} from the configuration; a running process keeps running until it is stopped.`}
            cascade={h ? `Also delete its ${h} host${h === 1 ? '' : 's'} and ${r} route${r === 1 ? '' : 's'}` : undefined} onClose={close} />
        );
      })()}
    </>
  );
}
