// What the console shows of a server's process (GET /api/running): its PID file's verdict, when it started (the
// PID file is written once the server has bound its port, spec §9, so its mtime is the start), and what the
// server says of itself over its control port (`info`, spec §4.3).
import { statSync } from 'node:fs';
import type { RunningServer, Server, ServerInfo } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { answerRecords, controlCall, controlEndpointOf } from './control.js';
import { serverProcessState } from './process.js';

/** How long the overview waits for each server's `info`. */
const INFO_TIMEOUT_MS = 1000;

/** `info`'s one row as the API's ServerInfo; null when the answer is not that row. */
export function serverInfoOf(record: Record<string, unknown> | undefined): ServerInfo | null {
  if (!record) return null;
  const s = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : '');
  const port = Number(record.port);
  if (!Number.isFinite(port) || typeof record.uuid !== 'string') return null;
  return {
    port, bindAddr: s('bind_addr'), uuid: s('uuid'), chroot: s('chroot'), accessLog: s('access_log'),
    errorLog: s('error_log'), pidFile: s('pid_file'), defaultHostname: s('default_hostname'),
  };
}

/** The server's process as the console shows it (asks `info` when it runs). */
export async function runningView(ctx: AdminContext, server: Server): Promise<RunningServer> {
  const state = serverProcessState(ctx, server);
  const view: RunningServer = {
    id: server.id, uuid: server.uuid, name: server.name, running: state.running, pid: state.pid, pidFile: state.pidFile,
    controlEndpoint: controlEndpointOf(ctx, server), startedAt: null, uptimeSeconds: null, info: null, problem: null,
  };
  if (!state.running) return view;
  try {
    const started = statSync(state.pidFile).mtimeMs;
    view.startedAt = new Date(started).toISOString();
    view.uptimeSeconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
  } catch {
    /* the file went away between the two looks: it is stopping */
  }
  try {
    const answer = await controlCall(ctx, server, 'info', {}, INFO_TIMEOUT_MS);
    view.info = serverInfoOf(answerRecords(answer)?.[0]);
    if (!view.info) view.problem = answer.kind === 'error' ? `info failed: ${answer.code}: ${answer.message}` : 'info answered an unexpected table';
  } catch (e) {
    view.problem = (e as Error).message;
  }
  return view;
}
