// Hosts and routes: every virtual host of every server, with "Add host" (also opened by /hosts?new=1, which the
// command palette uses). A host's own screen lists and edits its routes.
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery } from '../../queries/model';
import { navigate, useLocation } from '../../app/router';
import { needsRole, useCan } from '../../app/session';
import { Button } from '../../components/Button';
import { PageHeader, QueryState } from '../../components/bits';
import { HostDialog } from './HostDialog';
import { HostsTable } from './HostsTable';

/** The hosts screen (/hosts). */
export function HostsScreen(_props: { params: Record<string, string> }) {
  const hosts = useQuery(listQuery('hosts'));
  const servers = useQuery(listQuery('servers'));
  const routes = useQuery(listQuery('routes'));
  const canEdit = useCan('operator');
  const { query } = useLocation();
  const [adding, setAdding] = useState(false);
  const open = adding || query.get('new') === '1';
  const close = useCallback(() => {
    setAdding(false);
    if (new URLSearchParams(window.location.search).get('new') === '1') navigate('/hosts', true);
  }, []);
  const lists = [hosts, servers, routes];
  return (
    <>
      <PageHeader title="Hosts and routes" intro="Virtual hosts of every server: a request's Host header picks one, then its routes pick the target."
        actions={<Button kind="primary" onClick={() => setAdding(true)} disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')}>Add host</Button>} />
      <QueryState loading={lists.some((q) => q.isPending)} error={lists.find((q) => q.error)?.error}>
        <HostsTable hosts={hosts.data ?? []} servers={servers.data ?? []} routes={routes.data ?? []} />
      </QueryState>
      {open && <HostDialog onClose={close} />}
    </>
  );
}
