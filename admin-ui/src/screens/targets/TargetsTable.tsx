// The targets of one kind with their fields, the routes that use them (count and paths, each a link to the route's
// edit dialog) and per-row edit and delete.
import { useMemo } from 'react';
import type { TargetKind } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { Link } from '../../app/router';
import { needsRole } from '../../app/session';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { TARGET_KINDS, type AnyTarget } from './target-kinds';

/** The routes that point at target `id` of `kind`. */
export function routesUsing(routes: readonly Rec<'routes'>[], kind: TargetKind, id: number): Rec<'routes'>[] {
  return routes.filter((r) => r.target.kind === kind && r.target.id === id);
}

/** The table of one kind of target (caption "Dirs", "Handlers" or "Proxies"). */
export function TargetsTable({ kind, targets, routes, hosts, canEdit, onEdit, onDelete }: {
  kind: TargetKind; targets: AnyTarget[]; routes: readonly Rec<'routes'>[]; hosts: readonly Rec<'hosts'>[]; canEdit: boolean;
  onEdit: (t: AnyTarget) => void; onDelete: (t: AnyTarget) => void;
}) {
  const info = TARGET_KINDS[kind];
  const columns = useMemo<Column<AnyTarget>[]>(() => {
    const hostName = new Map(hosts.map((h) => [h.id, h.name]));
    const denied = canEdit ? undefined : needsRole('operator');
    return [
      { key: 'id', header: 'ID', className: 'num', value: (t) => t.id, render: (t) => String(t.id) },
      ...info.columns,
      {
        key: 'usedBy', header: 'Used by', value: (t) => routesUsing(routes, kind, t.id).length,
        render: (t) => {
          const using = routesUsing(routes, kind, t.id);
          if (!using.length) return <span className="muted">no routes</span>;
          return (
            <span className="used-by">
              {using.length} route{using.length === 1 ? '' : 's'}:{' '}
              {using.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <Link to={`/hosts/${r.hostId}?route=${r.id}`} title={`on ${hostName.get(r.hostId) ?? `host ${r.hostId}`}`}>{r.path}</Link>
                </span>
              ))}
            </span>
          );
        },
      },
      {
        key: 'actions', header: 'Actions',
        render: (t) => (
          <div className="row-actions">
            <Button aria-label={`Edit ${kind} ${info.name(t)}`} onClick={() => onEdit(t)} disabled={!canEdit} title={denied}>Edit</Button>
            <Button kind="danger" aria-label={`Delete ${kind} ${info.name(t)}`} onClick={() => onDelete(t)} disabled={!canEdit} title={denied}>Delete</Button>
          </div>
        ),
      },
    ];
  }, [kind, info, routes, hosts, canEdit, onEdit, onDelete]);
  return <DataTable caption={info.title} rows={targets} columns={columns} rowKey={(t) => t.id} filterLabel={`Filter ${info.title.toLowerCase()}`} empty={`No ${info.title.toLowerCase()} yet.`} />;
}
