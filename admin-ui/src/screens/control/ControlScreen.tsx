// The control console (/control and /control/:serverId): m2sh control in the browser. Commands go to the
// server's control port through the console's API (reads for everyone; kill and reload for operators, and the
// commit log records them); `help` and `clear` are answered here. History is kept per tab.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiClientError } from '@m2/shared';
import { runningQuery, useControl } from '../../queries/running';
import { describeError } from '../../app/errors';
import { Link, navigate } from '../../app/router';
import { needsRole, useCan } from '../../app/session';
import { PageHeader, QueryState } from '../../components/bits';
import { ServerSelect, pickServer, serverLabel } from '../live/ServerSelect';
import { addToHistory, loadHistory, saveHistory } from './command-history';
import { CONTROL_HELP, OPERATOR_COMMANDS, parseCommandLine } from './command-line';
import { CommandInput } from './CommandInput';
import { ControlTerminal, type ControlEntry } from './ControlTerminal';
import { renderAnswer, type OutputLine } from './render-answer';

const MAX_ENTRIES = 200;

function errorLines(e: unknown): OutputLine[] {
  const d = describeError(e);
  const lines: OutputLine[] = [{ text: d.detail ? `ERROR ${d.detail}: ${d.title}` : `ERROR: ${d.title}`, err: true }];
  if (e instanceof ApiClientError) for (const f of e.fields) if (f.message !== d.title) lines.push({ text: `  ${f.path || 'command'}: ${f.message}`, err: true });
  return lines;
}

/** The control console screen. */
export function ControlScreen({ params }: { params: Record<string, string> }) {
  const running = useQuery(runningQuery);
  const servers = running.data ?? [];
  const server = pickServer(servers, params.serverId);
  const canOperate = useCan('operator');
  const control = useControl();
  const [history, setHistory] = useState(loadHistory);
  const [entries, setEntries] = useState<ControlEntry[]>([]);
  const nextId = useRef(1);
  useEffect(() => {
    if (params.serverId === undefined && server) navigate(`/control/${server.id}`, true);
  }, [params.serverId, server]);
  const prompt = server ? `m2 [${serverLabel(server)}]>` : 'm2>';
  const settle = (id: number, lines: OutputLine[]) => setEntries((es) => es.map((e) => (e.id === id ? { ...e, lines } : e)));
  const run = (line: string) => {
    const h = addToHistory(history, line);
    setHistory(h);
    saveHistory(h);
    const parsed = parseCommandLine(line);
    if (parsed.ok && parsed.command === 'clear') { setEntries([]); return; }
    const id = nextId.current++;
    setEntries((es) => [...es.slice(-(MAX_ENTRIES - 1)), { id, prompt, line }]);
    if (!parsed.ok) return settle(id, [{ text: parsed.error, err: true }]);
    if (parsed.command === 'help') return settle(id, CONTROL_HELP.map(([c, d]) => ({ text: `${c.padEnd(18)}  ${d}` })));
    if (!server) return settle(id, [{ text: 'Choose a server first.', err: true }]);
    if (OPERATOR_COMMANDS.includes(parsed.command) && !canOperate) return settle(id, [{ text: `${parsed.command} ${needsRole('operator')}`, err: true }]);
    control.mutate({ id: server.id, body: { command: parsed.command, args: parsed.args } }, {
      onSuccess: (answer) => settle(id, renderAnswer(answer)),
      onError: (e) => settle(id, errorLines(e)),
    });
  };
  return (
    <>
      <PageHeader title="Control console" intro={<>The server's control port, as <code>m2sh control</code> speaks to it. Type <code>help</code> for the commands.</>} />
      <QueryState loading={running.isPending} error={running.error}>
        {servers.length === 0 ? <p className="muted">No servers are configured. <Link to="/servers">Add one</Link>.</p> : (
          <ServerSelect servers={servers} value={server?.id} onPick={(s) => navigate(`/control/${s}`)} />
        )}
        {params.serverId !== undefined && !server && servers.length > 0 && <p role="alert">There is no server {params.serverId}.</p>}
        {server && !server.running && <p className="muted">Server {serverLabel(server)} is not running: its control port answers nobody.</p>}
      </QueryState>
      <div className="card control-panel">
        <ControlTerminal entries={entries} />
        {/* Until the server list is in, a command would have no server to go to ("Choose a server first."). */}
        <CommandInput history={history} onRun={run} prompt={prompt} disabled={running.isPending} />
      </div>
    </>
  );
}
