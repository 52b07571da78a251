// One host (/hosts/:id): its details with "Edit host" and "Delete host" (which takes its routes along), and its
// routes with inline target editing. `?route=<id>` opens that route's edit dialog (the command palette links there).
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery, type Rec } from '../../queries/model';
import { Link, navigate, useLocation } from '../../app/router';
import { needsRole, useCan } from '../../app/session';
import { Button } from '../../components/Button';
import { Badge, PageHeader, QueryState } from '../../components/bits';
import { DeleteRecordDialog } from '../targets/DeleteRecordDialog';
import { HostDialog } from './HostDialog';
import { RouteDialog } from './RouteDialog';
import { RoutesTable } from './RoutesTable';

/** The host screen (/hosts/:id). */
export function HostScreen({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const hosts = useQuery(listQuery('hosts'));
  const servers = useQuery(listQuery('servers'));
  const routes = useQuery(listQuery('routes'));
  const dirs = useQuery(listQuery('dirs'));
  const handlers = useQuery(listQuery('handlers'));
  const proxies = useQuery(listQuery('proxies'));
  const canEdit = useCan('operator');
  const { query } = useLocation();
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'add-route' | null>(null);
  const [deleting, setDeleting] = useState<Rec<'routes'> | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const closeDelete = useCallback(() => setDeleting(null), []);
  const closeRoute = useCallback(() => navigate(`/hosts/${id}`, true), [id]);

  const lists = [hosts, servers, routes, dirs, handlers, proxies];
  const loading = lists.some((q) => q.isPending);
  const error = lists.find((q) => q.error)?.error;
  const host = hosts.data?.find((h) => h.id === id);
  if (loading || error) return <><PageHeader title="Host" /><QueryState loading={loading} error={error} /></>;
  if (!host) return <PageHeader title="No such host" intro={<>There is no host {params.id}. <Link to="/hosts">All hosts</Link></>} />;

  const server = servers.data?.find((s) => s.id === host.serverId);
  const mine = (routes.data ?? []).filter((r) => r.hostId === id);
  const targets = { dir: dirs.data ?? [], handler: handlers.data ?? [], proxy: proxies.data ?? [] };
  const editingRoute = mine.find((r) => String(r.id) === query.get('route'));
  const denied = canEdit ? undefined : needsRole('operator');
  const isDefault = server?.defaultHost === host.name;

  return (
    <>
      <PageHeader title={host.name} intro={<Link to="/hosts">All hosts</Link>}
        actions={(
          <>
            <Button onClick={() => setDialog('edit')} disabled={!canEdit} title={denied}>Edit host</Button>
            <Button kind="danger" onClick={() => setDialog('delete')} disabled={!canEdit} title={denied}>Delete host</Button>
          </>
        )} />
      <section className="card" aria-label="Host details">
        <dl className="details">
          <div><dt>Server</dt><dd>{server ? <Link to="/servers">{server.name || server.uuid}</Link> : `server ${host.serverId}`}{isDefault && <> <Badge tone="info">default host</Badge></>}</dd></div>
          <div><dt>Matching</dt><dd><code>{host.matching}</code></dd></div>
          <div><dt>Maintenance</dt><dd>{host.maintenance ? <Badge tone="warn">maintenance</Badge> : 'no'}</dd></div>
          <div><dt>Routes</dt><dd>{mine.length}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="routes-title">
        <div className="section-head">
          <h2 id="routes-title">Routes</h2>
          <Button kind="primary" onClick={() => setDialog('add-route')} disabled={!canEdit} title={denied}>Add route</Button>
        </div>
        <RoutesTable routes={mine} allRoutes={routes.data ?? []} targets={targets} canEdit={canEdit}
          onEdit={(r) => navigate(`/hosts/${id}?route=${r.id}`, true)} onDelete={setDeleting} />
      </section>
      {dialog === 'edit' && <HostDialog host={host} onClose={closeDialog} />}
      {dialog === 'delete' && (
        <DeleteRecordDialog resource="hosts" record={host} title={`Delete host ${host.name}`} done={`Deleted host ${host.name}`}
          message={`This deletes host ${host.name}${mine.length ? ` and its ${mine.length} route${mine.length === 1 ? '' : 's'}` : ''}; the targets stay.`}
          cascade={mine.length ? `Also delete its ${mine.length} route${mine.length === 1 ? '' : 's'}` : undefined}
          onClose={closeDialog} onDeleted={() => navigate('/hosts')} />
      )}
      {dialog === 'add-route' && <RouteDialog hostId={id} onClose={closeDialog} />}
      {editingRoute && <RouteDialog hostId={id} route={editingRoute} onClose={closeRoute} />}
      {deleting && (
        <DeleteRecordDialog resource="routes" record={deleting} title={`Delete route ${deleting.path}`} done={`Deleted route ${deleting.path}`}
          message={`This deletes route ${deleting.path} of ${host.name}; its target stays.`} onClose={closeDelete} />
      )}
    </>
  );
}
