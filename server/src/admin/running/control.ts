// The console's door to a running server (ARCHITECTURE "One door"): its control port (spec §4), found exactly
// where the server binds it (server/src/main.ts: the row's control_port, else the setting, else ipc://run/control
// inside the chroot) and spoken to with m2sh's ControlClient. One REQ socket per endpoint, requests queued on it
// (a REQ socket carries one request at a time); every socket is closed when the app closes.
import { ApiErr, controlAnswerSchema, decodeControlReply, decodeTns, type ControlAnswer, type Server, type TnsDict, type TnsValue } from '@m2/shared';
import { ControlClient } from '../../control/client.js';
import { controlSpec, resolveControlEndpoint } from '../../control/control-port.js';
import type { AdminContext } from '../context.js';
import { ApiError } from '../errors.js';
import { controlPortSetting, serverLabel, serverRoot } from './servers.js';

export { controlAnswerSchema, type ControlAnswer };

/** How long a console request waits for a control-port answer by default. */
export const CONSOLE_CONTROL_TIMEOUT_MS = 3000;

interface Slot {
  client: ControlClient;
  queue: Promise<unknown>;
  closed: boolean;
}

const pools = new WeakMap<AdminContext, Map<string, Slot>>();

/** The server's control-port endpoint exactly as the server binds it (relative ipc paths made absolute). */
export function controlEndpointOf(ctx: AdminContext, server: Server): string {
  const spec = controlSpec(server.controlPort, controlPortSetting(ctx));
  return resolveControlEndpoint(spec, serverRoot(ctx, server), server.chroot !== '');
}

/** A plain JSON value for a tnetstring value (dicts become objects). */
export function jsonOfTns(v: TnsValue): unknown {
  if (Array.isArray(v)) return v.map(jsonOfTns);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, jsonOfTns(x)]));
  return v;
}

/** Decodes a reply frame: a one-row, one-column table (msg, status, time, uuid) is a `msg`; `invalid` (with
 *  m2sh's complaint) when the bytes are not a reply at all. */
export function decodeControlAnswer(bytes: Uint8Array): ControlAnswer | { kind: 'invalid'; problem: string } {
  const reply = decodeControlReply(bytes);
  if (reply.kind === 'invalid') return reply;
  if (reply.kind === 'error') {
    let code: TnsValue | undefined;
    try {
      const dict = decodeTns(bytes, 0).value;
      code = dict instanceof Map ? dict.get('code') : undefined;
    } catch {
      code = undefined;
    }
    return { kind: 'error', code: typeof code === 'string' ? code : 'ERROR', message: String(jsonOfTns(reply.message)) };
  }
  if (!reply.headers.every((h): h is string => typeof h === 'string')) return { kind: 'invalid', problem: 'Headers should be strings.' };
  // Rows of plain values (all of status net's 10,000) are kept as decoded rather than copied.
  const rows = reply.rows.map((r) => (!Array.isArray(r) ? [jsonOfTns(r)] : r.some((x) => typeof x === 'object' && x !== null) ? r.map(jsonOfTns) : r));
  const headers = reply.headers as string[];
  if (headers.length === 1 && rows.length === 1 && rows[0]!.length === 1) {
    return { kind: 'msg', values: { [headers[0]!]: String(rows[0]![0]) } };
  }
  return { kind: 'table', headers, rows };
}

function slotFor(ctx: AdminContext, endpoint: string, timeoutMs: number): Slot {
  let pool = pools.get(ctx);
  if (!pool) pools.set(ctx, (pool = new Map()));
  const key = `${timeoutMs} ${endpoint}`;
  let slot = pool.get(key);
  if (!slot) pool.set(key, (slot = { client: new ControlClient(endpoint, timeoutMs), queue: Promise.resolve(), closed: false }));
  return slot;
}

async function ask(slot: Slot, server: Server, name: string, args: TnsDict, timeoutMs: number): Promise<ControlAnswer> {
  const { endpoint } = slot.client;
  if (slot.closed) throw new ApiError(503, ApiErr.CONTROL, 'the console is shutting down');
  try {
    slot.client.open();
  } catch (e) {
    throw new ApiError(502, ApiErr.CONTROL, `cannot connect to the control port ${endpoint} of server ${serverLabel(server)}: ${(e as Error).message}`);
  }
  const bytes = await slot.client.request(name, args);
  if (bytes === null) {
    throw new ApiError(504, ApiErr.CONTROL, `server ${serverLabel(server)} did not answer '${name}' on its control port ${endpoint} within ${timeoutMs} ms`);
  }
  const answer = decodeControlAnswer(bytes);
  if (answer.kind === 'invalid') {
    throw new ApiError(502, ApiErr.CONTROL, `server ${serverLabel(server)} sent a bad control reply to '${name}': ${answer.problem}`);
  }
  return answer;
}

/** Sends one control command to the server and decodes its reply; 504 when it does not answer in time, 502
 *  when the endpoint is unusable or the reply is not one. */
export function controlCall(
  ctx: AdminContext, server: Server, name: string, args: Record<string, string | number> = {}, timeoutMs = CONSOLE_CONTROL_TIMEOUT_MS,
): Promise<ControlAnswer> {
  const slot = slotFor(ctx, controlEndpointOf(ctx, server), timeoutMs);
  const run = slot.queue.then(() => ask(slot, server, name, new Map(Object.entries(args)), timeoutMs));
  slot.queue = run.catch(() => undefined);
  return run;
}

/** The answer's table as objects keyed by header (a `msg` is one object); null for an error answer. */
export function answerRecords(answer: ControlAnswer): Record<string, unknown>[] | null {
  if (answer.kind === 'error') return null;
  if (answer.kind === 'msg') return [answer.values];
  return answer.rows.map((row) => Object.fromEntries(answer.headers.map((h, i) => [h, row[i]])));
}

/** Closes every control socket the console opened for `ctx` (the app's onClose). */
export function closeControlClients(ctx: AdminContext): void {
  const pool = pools.get(ctx);
  if (!pool) return;
  for (const slot of pool.values()) {
    slot.closed = true;
    slot.client.close();
  }
  pools.delete(ctx);
}
