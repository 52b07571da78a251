// The configured servers: name, UUID, where they listen, default host, chroot, control port, whether their
// process runs, and per row edit / delete and the process controls (start, stop, restart) with their progress.
import { useMemo } from 'react';
import type { RunningServer } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { Link } from '../../app/router';
import { needsRole } from '../../app/session';
import { Button } from '../../components/Button';
import { Badge } from '../../components/bits';
import { DataTable, type Column } from '../../components/DataTable';
import { serverName } from './server-label';

/** A process action. */
export type ProcessAction = 'start' | 'stop' | 'restart';

type Server = Rec<'servers'>;

/** The table of servers (caption "Servers"); `busy` is the process action under way, if any. */
export function ServersTable({ servers, hosts, running, canEdit, busy, onEdit, onDelete, onAction }: {
  servers: Server[]; hosts: readonly Rec<'hosts'>[]; running?: readonly RunningServer[]; canEdit: boolean;
  busy?: { id: number; action: ProcessAction } | null;
  onEdit: (s: Server) => void; onDelete: (s: Server) => void; onAction: (s: Server, action: ProcessAction) => void;
}) {
  const columns = useMemo<Column<Server>[]>(() => {
    const state = (s: Server) => running?.find((r) => r.id === s.id);
    const denied = canEdit ? undefined : needsRole('operator');
    const processButton = (s: Server, action: ProcessAction, label: string, off: boolean) => (
      <Button aria-label={`${label} ${serverName(s)}`} onClick={() => onAction(s, action)} disabled={!canEdit || off || !!busy}
        busy={busy?.id === s.id && busy.action === action} title={denied}>{label}</Button>
    );
    return [
      { key: 'name', header: 'Name', value: (s) => serverName(s), render: (s) => <strong>{serverName(s)}</strong> },
      { key: 'uuid', header: 'UUID', value: (s) => s.uuid, render: (s) => <code>{s.uuid}</code> },
      { key: 'bind', header: 'Bind', value: (s) => `${s.bindAddr}:${s.port}`, render: (s) => <code>{s.bindAddr}:{s.port}</code> },
      {
        key: 'defaultHost', header: 'Default host', value: (s) => s.defaultHost,
        render: (s) => {
          const h = hosts.find((x) => x.serverId === s.id && x.name === s.defaultHost);
          return h ? <Link to={`/hosts/${h.id}`}>{s.defaultHost}</Link> : s.defaultHost;
        },
      },
      { key: 'chroot', header: 'Chroot', value: (s) => s.chroot, render: (s) => <code>{s.chroot || '(none)'}</code> },
      { key: 'controlPort', header: 'Control port', value: (s) => s.controlPort, render: (s) => (s.controlPort ? <code>{s.controlPort}</code> : <span className="muted">setting</span>) },
      {
        key: 'state', header: 'State', value: (s) => (state(s)?.running ? 'running' : 'stopped'),
        render: (s) => {
          const r = state(s);
          if (!r) return <span className="muted">{running ? 'unknown' : '…'}</span>;
          return r.running
            ? <span title={r.pid ? `PID ${r.pid}` : undefined}><Badge tone="ok">running</Badge>{r.problem && <span className="muted"> {r.problem}</span>}</span>
            : <Badge tone="muted">stopped</Badge>;
        },
      },
      {
        key: 'actions', header: 'Actions',
        render: (s) => {
          const isRunning = state(s)?.running ?? false;
          return (
            <div className="row-actions">
              {processButton(s, 'start', 'Start', isRunning)}
              {processButton(s, 'stop', 'Stop', !isRunning)}
              {processButton(s, 'restart', 'Restart', false)}
              <Button aria-label={`Edit server ${serverName(s)}`} onClick={() => onEdit(s)} disabled={!canEdit} title={denied}>Edit</Button>
              <Button kind="danger" aria-label={`Delete server ${serverName(s)}`} onClick={() => onDelete(s)} disabled={!canEdit} title={denied}>Delete</Button>
            </div>
          );
        },
      },
    ];
  }, [hosts, running, canEdit, busy, onEdit, onDelete, onAction]);
  return <DataTable caption="Servers" rows={servers} columns={columns} rowKey={(s) => s.id} empty="No servers yet: add one." />;
}
