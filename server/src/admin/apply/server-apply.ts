// Applying a configuration to one running server, honestly: reload over the control port, wait until the server
// has really tried (its reload counter moves), refuse what it refused (the reload error, a handler socket that
// cannot bind), restart when the change needs it (port, address, chroot), check that the fingerprint it now
// serves is the database's, then send a real HTTP request through it. Every step's finding lands in the outcome.
import type { ProbeResult, Server, ServerOutcome } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { controlCall } from '../running/control.js';
import { restartServer, serverProcessState } from '../running/process.js';
import { loadedConfig, pollUntil, type Loaded } from './loaded.js';
import { probe, probeAddress } from './probe.js';


/** Where to probe a server and with which host name. */
export interface ProbeTarget { host: string; path: string }

const RELOAD_WAIT_MS = 5000;
const BIND_WAIT_MS = 3000;

function fail(o: ServerOutcome, error: string): ServerOutcome {
  return { ...o, action: 'failed', error };
}

async function reloadAndWait(ctx: AdminContext, server: Server, before: Loaded): Promise<Loaded | string> {
  await controlCall(ctx, server, 'reload');
  const tried = await pollUntil(() => loadedConfig(ctx, server), (l) => l !== null && l.attempts > before.attempts, RELOAD_WAIT_MS);
  if (!tried.met || !tried.value) return `the server did not report a reload within ${RELOAD_WAIT_MS} ms`;
  return tried.value;
}

/** Brings one server to the configuration whose fingerprint is `want`, and probes it. */
export async function applyToServer(ctx: AdminContext, server: Server, want: string, target: ProbeTarget, opts: { force?: boolean } = {}): Promise<ServerOutcome> {
  let o: ServerOutcome = { serverId: server.id, uuid: server.uuid, name: server.name, action: 'not-running', fingerprint: '', probe: null, warnings: [] };
  if (!serverProcessState(ctx, server).running) {
    return { ...o, warnings: ['not running: it loads this configuration when it starts'] };
  }
  let loaded: Loaded | null;
  try {
    loaded = await loadedConfig(ctx, server);
  } catch (e) {
    return fail(o, `its control port does not answer: ${(e as Error).message}`);
  }
  if (loaded === null) {
    // A server without `config` (the C Mongrel2): reload, then only the probe can tell.
    await controlCall(ctx, server, 'reload');
    await new Promise((r) => setTimeout(r, 500));
    o = { ...o, action: 'reloaded', warnings: ['the server does not report what it loaded; only the probe confirms it'] };
  } else if (loaded.fingerprint === want && !opts.force) {
    o = { ...o, action: 'unchanged', fingerprint: loaded.fingerprint };
  } else {
    const after = await reloadAndWait(ctx, server, loaded);
    if (typeof after === 'string') return fail(o, after);
    if (after.error !== '') return fail(o, `the server refused the configuration: ${after.error}`);
    let now = after;
    o.action = 'reloaded';
    if (now.restartNeeded.length > 0) {
      try {
        await restartServer(ctx, server);
      } catch (e) {
        return fail(o, `the change needs a restart (${now.restartNeeded.join(', ')}), and it failed: ${(e as Error).message}`);
      }
      const l = await loadedConfig(ctx, server);
      if (!l) return fail(o, 'the restarted server does not report its configuration');
      now = l;
      o.action = 'restarted';
    }
    const bound = await pollUntil(() => loadedConfig(ctx, server), (l) => l === null || l.handlersBinding === 0 || l.handlerErrors !== '', BIND_WAIT_MS);
    if (bound.value?.handlerErrors) return fail(o, `a handler socket cannot bind: ${bound.value.handlerErrors}`);
    if (!bound.met) o.warnings.push(`handler sockets still binding after ${BIND_WAIT_MS} ms`);
    o.fingerprint = now.fingerprint;
    if (now.fingerprint !== want) return fail(o, 'the server loaded a different configuration than the database holds (was it changed during the apply?)');
  }
  const result = await probe(probeAddress(server.bindAddr), server.port, target.host, target.path);
  o.probe = result;
  if (!result.ok && result.reason !== 'timeout') return fail(o, `the server does not serve HTTP on ${server.bindAddr}:${server.port}: ${result.message}`);
  if (!result.ok) o.warnings.push(`GET ${target.path} (Host: ${target.host}) got no answer within the probe's time: a handler that is not connected?`);
  return o;
}
