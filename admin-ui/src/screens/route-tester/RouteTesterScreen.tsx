// The route tester (/route-tester?url=…&host=…&server=…): which server, host, route and target would serve a URL,
// and why, using the server's own routing code on the database's configuration (so it answers for what is
// configured, applied or not). A `url` in the query fills the form and runs it.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RouteTestBody } from '@m2/shared';
import { listQuery } from '../../queries/model';
import { useRouteTest } from '../../queries/transfer';
import { navigate, useLocation } from '../../app/router';
import { PageHeader, QueryState } from '../../components/bits';
import { RouteTestForm } from './RouteTestForm';
import { RouteTestResult } from './RouteTestResult';

/** The route tester screen. */
export function RouteTesterScreen(_props: { params: Record<string, string> }) {
  const { query } = useLocation();
  const initial = useRef({ url: query.get('url') ?? '', host: query.get('host') ?? '', serverId: query.get('server') ?? '' }).current;
  const servers = useQuery(listQuery('servers'));
  const test = useRouteTest();
  const run = (body: RouteTestBody) => {
    const q = new URLSearchParams({ url: body.url, ...(body.host ? { host: body.host } : {}), ...(body.serverId ? { server: String(body.serverId) } : {}) });
    navigate(`/route-tester?${q.toString()}`, true);
    test.mutate(body);
  };
  const mutate = test.mutate;
  useEffect(() => {
    if (!initial.url) return;
    mutate({ url: initial.url, ...(initial.host ? { host: initial.host } : {}), ...(Number(initial.serverId) > 0 ? { serverId: Number(initial.serverId) } : {}) });
  }, [initial, mutate]);
  const options: [string, string][] = (servers.data ?? []).map((s) => [String(s.id), s.name || s.uuid]);
  return (
    <>
      <PageHeader title="Route tester" intro="Which host, route and target would serve a URL, and why — from the configuration in the database, applied or not." />
      <QueryState loading={servers.isPending} error={servers.error}>
        <RouteTestForm servers={options} initial={initial} onTest={run} busy={test.isPending} error={test.error} />
      </QueryState>
      {test.data && !test.isPending && <RouteTestResult answer={test.data} />}
    </>
  );
}
