// The overview (/): a card per configured server — running or not, uptime, connections and requests per second
// streamed live, where it listens, pending changes — and, for a first visit or a configuration without routes,
// the steps to a first route serving traffic. It warms the host and route lists the next screens need.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RunningServer } from '@m2/shared';
import { listQuery } from '../../queries/model';
import { countersQuery, runningQuery, useProcessAction, useServerEvents } from '../../queries/running';
import { pendingQuery } from '../../queries/config';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { PageHeader, QueryState } from '../../components/bits';
import { GetStarted } from './GetStarted';
import { ServerCard } from './ServerCard';
import { serverUrl } from './server-url';

const HIDDEN_KEY = 'm2.getStarted.hidden';

function readHidden(): boolean {
  try { return globalThis.localStorage?.getItem(HIDDEN_KEY) === '1'; } catch { return false; }
}

function LiveServerCard({ server, bind, pending }: { server: RunningServer; bind: { addr: string; port: number } | null; pending: boolean }) {
  useServerEvents(server.running ? server.id : null, { counters: true });
  const counters = useQuery(countersQuery(server.id));
  const start = useProcessAction();
  const canStart = useCan('operator');
  const toast = useToast();
  const onStart = () => start.mutate({ id: server.id, action: 'start' }, { onSuccess: () => toast({ kind: 'ok', title: `Server ${server.name || server.uuid} started` }) });
  return <ServerCard server={server} bind={bind} pending={pending} counters={counters.data ?? []} canStart={canStart} starting={start.isPending} onStart={onStart} />;
}

/** The overview screen. */
export function OverviewScreen(_props: { params: Record<string, string> }) {
  const qc = useQueryClient();
  useEffect(() => {
    void qc.prefetchQuery(listQuery('hosts'));
    void qc.prefetchQuery(listQuery('routes'));
  }, [qc]);
  const running = useQuery(runningQuery);
  const pending = useQuery(pendingQuery);
  const configured = useQuery(listQuery('servers'));
  const hosts = useQuery(listQuery('hosts'));
  const routes = useQuery(listQuery('routes'));
  const [hidden, setHidden] = useState(readHidden);
  const hide = () => {
    try { globalThis.localStorage?.setItem(HIDDEN_KEY, '1'); } catch { /* a refused storage only forgets the choice */ }
    setHidden(true);
  };
  const servers = running.data ?? [];
  const bindOf = (s: RunningServer) => {
    if (s.info) return { addr: s.info.bindAddr, port: s.info.port };
    const row = configured.data?.find((c) => c.id === s.id);
    return row ? { addr: row.bindAddr, port: row.port } : null;
  };
  const pendingOf = (s: RunningServer) => !!pending.data && (pending.data.changed || !!pending.data.servers.find((p) => p.id === s.id)?.pending);
  const hostsWithRoutes = (hosts.data ?? []).filter((h) => routes.data?.some((r) => r.hostId === h.id));
  const firstRunning = servers.find((s) => s.running);
  const firstBind = firstRunning && bindOf(firstRunning);
  const showGuide = hosts.data && routes.data && (hostsWithRoutes.length === 0 || !hidden);
  return (
    <>
      <PageHeader title="Overview" intro="Your Mongrel2 servers at a glance, live." />
      {showGuide && (
        <GetStarted hosts={hosts.data!} routes={routes.data!} anyRunning={!!firstRunning} pending={!!pending.data && (pending.data.changed || pending.data.servers.some((p) => p.pending))}
          serverUrl={firstBind ? serverUrl(firstBind.addr, firstBind.port, window.location.hostname) : undefined}
          onHide={hostsWithRoutes.length > 0 ? hide : undefined} />
      )}
      <QueryState loading={running.isPending} error={running.error}>
        {servers.length === 0
          ? <p className="muted">No servers are configured yet.</p>
          : <div className="cards">{servers.map((s) => <LiveServerCard key={s.id} server={s} bind={bindOf(s)} pending={pendingOf(s)} />)}</div>}
      </QueryState>
    </>
  );
}
