// Live connections (/live and /live/:serverId): a running server's open connections, streamed every second by
// the console's event stream (initially fetched), in a virtualised table that sorts, filters and kills.
import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServerConnection } from '@m2/shared';
import { connectionsQuery, runningQuery, useKill, useServerEvents } from '../../queries/running';
import { Link, navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { PageHeader, QueryState } from '../../components/bits';
import { ConnectionsTable } from './ConnectionsTable';
import { ServerSelect, pickServer, serverLabel } from './ServerSelect';

/** The live connections screen. */
export function LiveScreen({ params }: { params: Record<string, string> }) {
  const running = useQuery(runningQuery);
  const servers = running.data ?? [];
  const server = pickServer(servers, params.serverId);
  const id = server?.running ? server.id : null;
  useEffect(() => {
    if (params.serverId === undefined && server) navigate(`/live/${server.id}`, true);
  }, [params.serverId, server]);
  useServerEvents(id, { connections: true });
  const conns = useQuery({ ...connectionsQuery(id ?? 0), enabled: id !== null });
  const canKill = useCan('operator');
  const kill = useKill();
  const toast = useToast();
  const [killing, setKilling] = useState<ServerConnection | null>(null);
  const closeKill = useCallback(() => setKilling(null), []);
  const confirmKill = () => {
    if (!killing || id === null) return;
    kill.mutate({ serverId: id, connId: killing.id }, {
      onSuccess: () => toast({ kind: 'ok', title: `Connection ${killing.id} killed` }),
      onSettled: () => setKilling(null),
    });
  };
  return (
    <>
      <PageHeader title="Live connections" intro="The open connections of a running server, refreshed every second." />
      <QueryState loading={running.isPending} error={running.error}>
        {servers.length === 0 ? <p className="muted">No servers are configured. <Link to="/servers">Add one</Link>.</p> : (
          <ServerSelect servers={servers} value={server?.id} onPick={(s) => navigate(`/live/${s}`)} />
        )}
        {params.serverId !== undefined && !server && servers.length > 0 && <p role="alert">There is no server {params.serverId}.</p>}
        {server && !server.running && (
          <p className="muted">Server {serverLabel(server)} is not running, so it has no connections. Start it on <Link to="/servers">Servers</Link>.</p>
        )}
        {id !== null && (
          <QueryState loading={conns.isPending} error={conns.error}>
            {conns.data && (
              <ConnectionsTable connections={conns.data.connections} total={conns.data.total}
                canKill={canKill} onKill={setKilling} />
            )}
          </QueryState>
        )}
      </QueryState>
      {killing && (
        <ConfirmDialog title={`Kill connection ${killing.id}?`} confirm="Kill" busy={kill.isPending} onConfirm={confirmKill} onClose={closeKill}
          message={<>The server closes connection {killing.id} ({killing.typeName}, fd {killing.fd}) at once; its client sees it drop.</>} />
      )}
    </>
  );
}
