// A host's routes: path, target (kind and its telling value — Dir base, Handler send spec, Proxy addr:port — with a
// note when other routes share it), the reversed flag, and per-row edit and delete.
import { useMemo } from 'react';
import type { Rec } from '../../queries/model';
import { needsRole } from '../../app/session';
import { Button } from '../../components/Button';
import { Badge } from '../../components/bits';
import { DataTable, type Column } from '../../components/DataTable';
import { describeTarget } from '../../components/targets/target-drafts';
import { findTarget, usersOf, type TargetLists } from './route-form-model';

type Route = Rec<'routes'>;

/** A route's target as the table shows it ("handler 2 tcp://…"), or a note that it is missing. */
export function targetText(route: Route, targets: TargetLists): string {
  const rec = findTarget(targets, route.target.kind, String(route.target.id));
  return rec ? `${route.target.kind} ${rec.id} ${describeTarget(route.target.kind, rec)}` : `${route.target.kind} ${route.target.id} (missing)`;
}

/** The table of a host's routes (caption "Routes"). */
export function RoutesTable({ routes, allRoutes, targets, canEdit, onEdit, onDelete }: {
  routes: Route[]; allRoutes: readonly Route[]; targets: TargetLists; canEdit: boolean;
  onEdit: (r: Route) => void; onDelete: (r: Route) => void;
}) {
  const columns = useMemo<Column<Route>[]>(() => [
    { key: 'path', header: 'Path', value: (r) => r.path, render: (r) => <code>{r.path}</code> },
    {
      key: 'target', header: 'Target', value: (r) => targetText(r, targets),
      render: (r) => {
        const rec = findTarget(targets, r.target.kind, String(r.target.id));
        const shared = usersOf(allRoutes, r.target.kind, r.target.id);
        return (
          <span className="route-target">
            <Badge tone="info">{r.target.kind} {r.target.id}</Badge>{' '}
            {rec ? <code>{describeTarget(r.target.kind, rec)}</code> : <Badge tone="bad">missing</Badge>}
            {shared > 1 && <span className="muted"> · shared by {shared} routes</span>}
          </span>
        );
      },
    },
    { key: 'reversed', header: 'Reversed', value: (r) => r.reversed, render: (r) => (r.reversed ? 'yes' : <span className="muted">no</span>) },
    {
      key: 'actions', header: 'Actions',
      render: (r) => (
        <div className="row-actions">
          <Button aria-label={`Edit route ${r.path}`} onClick={() => onEdit(r)} disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')}>Edit</Button>
          <Button kind="danger" aria-label={`Delete route ${r.path}`} onClick={() => onDelete(r)} disabled={!canEdit}
            title={canEdit ? undefined : needsRole('operator')}>Delete</Button>
        </div>
      ),
    },
  ], [allRoutes, targets, canEdit, onEdit, onDelete]);
  return <DataTable caption="Routes" rows={routes} columns={columns} rowKey={(r) => r.id} filterLabel="Filter routes" empty="No routes yet: add one." initialSort={{ key: 'path', dir: 'asc' }} />;
}
