// The hosts of every server: name (to the host's screen), matching text, server, how many routes, maintenance.
import { useMemo } from 'react';
import type { Rec } from '../../queries/model';
import { Link } from '../../app/router';
import { Badge } from '../../components/bits';
import { DataTable, type Column } from '../../components/DataTable';

/** A host with what the table shows about it. */
interface Row { host: Rec<'hosts'>; server: string; routes: number }

/** The table of hosts (caption "Hosts"). */
export function HostsTable({ hosts, servers, routes }: { hosts: readonly Rec<'hosts'>[]; servers: readonly Rec<'servers'>[]; routes: readonly Rec<'routes'>[] }) {
  const rows = useMemo<Row[]>(() => {
    const serverName = new Map(servers.map((s) => [s.id, s.name || s.uuid]));
    return hosts.map((host) => ({
      host,
      server: serverName.get(host.serverId) ?? `server ${host.serverId}`,
      routes: routes.filter((r) => r.hostId === host.id).length,
    }));
  }, [hosts, servers, routes]);
  const columns = useMemo<Column<Row>[]>(() => [
    { key: 'name', header: 'Name', value: (r) => r.host.name, render: (r) => <Link to={`/hosts/${r.host.id}`}>{r.host.name}</Link> },
    { key: 'matching', header: 'Matching', value: (r) => r.host.matching, render: (r) => <code>{r.host.matching}</code> },
    { key: 'server', header: 'Server', value: (r) => r.server, render: (r) => r.server },
    { key: 'routes', header: 'Routes', className: 'num', value: (r) => r.routes, render: (r) => String(r.routes) },
    {
      key: 'maintenance', header: 'Maintenance', value: (r) => r.host.maintenance,
      render: (r) => (r.host.maintenance ? <Badge tone="warn">maintenance</Badge> : <span className="muted">no</span>),
    },
  ], []);
  return <DataTable caption="Hosts" rows={rows} columns={columns} rowKey={(r) => r.host.id} filterLabel="Filter hosts" empty="No hosts yet." />;
}
