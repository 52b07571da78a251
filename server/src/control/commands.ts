// The control-port commands (the CALLBACKS table and callbacks of src/control.c, Register_info in
// src/register.c, taskgetinfo in src/task/task.c; spec §4.3): one request frame in, the exact reply bytes out,
// plus what to do once the reply is on its way (raise a signal, stop the port). `version` is deliberately
// absent from the table, as in Mongrel2 1.13, so it answers CALLBACK_NOT_FOUND.
import {
  CONTROL_CALLBACK_NOT_FOUND, CONTROL_CALLBACK_RETURN, CONTROL_INVALID_ARGUMENT, decodeControlRequest,
  encodeControlError, encodeControlMsg, encodeControlTable, encodeControlTableRaw, type TnsDict, type TnsValue,
} from '@m2/shared';

/** What the control port needs from the running server. */
export interface ControlTarget {
  /** The server's uuid. */
  uuid(): string;
  /** The server's identity as `info` shows it (chroot "" when there is none). */
  info(): { port: number; bindAddr: string; uuid: string; chroot: string; accessLog: string; errorLog: string; pidFile: string; defaultHostname: string };
  /** Every registered connection; `id` is -1 when none was assigned, `last*` are seconds ago or 0. */
  connections(): Iterable<{ id: number; fd: number; type: number; lastPing: number; lastRead: number; lastWrite: number; bytesRead: number; bytesWritten: number }>;
  /** Every task (or task-like unit of work) of the server. */
  tasks(): Iterable<{ id: number; system: boolean; name: string; state: string; status: 'running' | 'ready' | 'exiting' | 'idle' }>;
  /** What the server has loaded (fingerprint, generation, last reload outcome) and its handler sockets' state. */
  config?(): {
    fingerprint: string; generation: number; attempts: number; loadedAt: number; error: string; restartNeeded: string[];
    handlers: { sendSpec: string; recvSpec: string; state: string; error: string }[];
  };
  /** Disconnects the connection with this id; false when there is no such connection. */
  kill(id: number): boolean;
  /** Raises a signal at the server (stop, terminate, reload). */
  signal(sig: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): void;
}

/** The outcome of one request: the reply, then an optional action once it is sent, and whether the port stops. */
export interface ControlOutcome {
  reply: string | Uint8Array;
  after?: () => void;
  stopPort?: boolean;
}

type Handler = (name: string, args: TnsDict, target: ControlTarget) => ControlOutcome;

const SIGNALS: Record<string, 'SIGINT' | 'SIGTERM' | 'SIGHUP'> = { stop: 'SIGINT', reload: 'SIGHUP', terminate: 'SIGTERM' };
/** Connection ids Mongrel2 accepts in `kill` (MAX_REGISTERED_FDS): larger ones are INVALID_ARGUMENT. */
export const MAX_REGISTERED_FDS = 64 * 1024;
const NET_HEADERS = ['id', 'fd', 'type', 'last_ping', 'last_read', 'last_write', 'bytes_read', 'bytes_written'];
const TASK_HEADERS = ['id', 'system', 'name', 'state', 'status'];
const INFO_HEADERS = ['port', 'bind_addr', 'uuid', 'chroot', 'access_log', 'error_log', 'pid_file', 'default_hostname'];

const signalCb: Handler = (name, _args, target) => ({
  reply: encodeControlMsg('msg', 'signal sent to server'),
  after: () => target.signal(SIGNALS[name]!),
});

const infoCb: Handler = (name, _args, target) => {
  if (name === 'time') return { reply: encodeControlMsg('time', String(Math.floor(Date.now() / 1000))) };
  if (name === 'uuid') return { reply: encodeControlMsg('uuid', target.uuid()) };
  const i = target.info();
  const row: TnsValue[] = [int(i.port), i.bindAddr, i.uuid, i.chroot, i.accessLog, i.errorLog, i.pidFile, i.defaultHostname];
  return { reply: encodeControlTable(INFO_HEADERS, [row]) };
};

const killCb: Handler = (_name, args, target) => {
  const id = args.get('id');
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= MAX_REGISTERED_FDS) {
    return { reply: CONTROL_INVALID_ARGUMENT };
  }
  // An unknown id is INVALID_ARGUMENT in Mongrel2 too (Register_fd_for_id fails before the NOT_CONNECTED check).
  return { reply: target.kill(id) ? encodeControlMsg('status', 'OK') : CONTROL_INVALID_ARGUMENT };
};

const statusCb: Handler = (_name, args, target) => {
  const what = args.get('what');
  if (typeof what !== 'string') return { reply: CONTROL_INVALID_ARGUMENT };
  if (what === 'net') return { reply: encodeControlTableRaw(NET_HEADERS, renderNetRows(target.connections())) };
  if (what === 'tasks') {
    const rows: TnsValue[][] = [];
    for (const t of target.tasks()) rows.push([int(t.id), t.system, t.name, t.state, t.status]);
    return { reply: encodeControlTable(TASK_HEADERS, rows) };
  }
  return { reply: encodeControlError("Expected argument what=['net'|'tasks'].") };
};

/** The registered commands in Mongrel2's order, with the help text `help` returns. */
export const CONTROL_COMMANDS: readonly { name: string; help: string; run: Handler }[] = [
  { name: 'stop', help: 'stop the server (SIGINT)', run: signalCb },
  { name: 'reload', help: 'reload the server', run: signalCb },
  { name: 'help', help: 'this command', run: () => ({ reply: encodeControlTable(['name', 'help'], CONTROL_COMMANDS.map((c) => [c.name, c.help])) }) },
  { name: 'control_stop', help: 'stop control port', run: () => ({ reply: encodeControlMsg('msg', 'stopping the control port'), stopPort: true }) },
  { name: 'kill', help: 'kill a connection', run: killCb },
  { name: 'status', help: "status, what=['net'|'tasks']", run: statusCb },
  { name: 'terminate', help: 'terminate the server (SIGTERM)', run: signalCb },
  { name: 'time', help: "the server's time", run: infoCb },
  { name: 'uuid', help: "the server's uuid", run: infoCb },
  { name: 'info', help: 'information about this server', run: infoCb },
];

const CONFIG_HEADERS = ['fingerprint', 'generation', 'attempts', 'loaded_at', 'error', 'restart_needed', 'handlers_binding', 'handler_errors'];

/** `config` (our extension, not in Mongrel2 and so not in `help`): what the server has loaded and how the last
 *  reload went, so a console can tell whether a reload it asked for took effect. */
const configCb: Handler = (_name, _args, target) => {
  if (!target.config) return { reply: CONTROL_CALLBACK_NOT_FOUND };
  const c = target.config();
  const binding = c.handlers.filter((h) => h.state === 'binding').length;
  const errors = c.handlers.filter((h) => h.state === 'failing').map((h) => h.error).join('; ');
  return {
    reply: encodeControlTable(CONFIG_HEADERS, [[c.fingerprint, int(c.generation), int(c.attempts), int(c.loadedAt), c.error, c.restartNeeded.join(','), int(binding), errors]]),
  };
};

/** Commands this server answers beyond Mongrel2's (absent from `help`, whose table stays Mongrel2's). */
export const EXTENSION_COMMANDS: readonly { name: string; help: string; run: Handler }[] = [
  { name: 'config', help: 'the loaded configuration and the last reload', run: configCb },
];

/** A whole number for a tnetstring integer (the target's numbers should already be; this keeps the reply valid). */
function int(n: number): number {
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

function intTns(n: number): string {
  const s = String(int(n));
  return `${s.length}:${s}#`;
}

/** Renders the body of the `status what=net` rows list in one pass of string building (ASCII only, so
 *  string length is byte length). */
export function renderNetRows(conns: ReturnType<ControlTarget['connections']>): string {
  let out = '';
  for (const c of conns) {
    const row = intTns(c.id) + intTns(c.fd) + intTns(c.type) + intTns(c.lastPing) + intTns(c.lastRead)
      + intTns(c.lastWrite) + intTns(c.bytesRead) + intTns(c.bytesWritten);
    out += `${row.length}:${row}]`;
  }
  return out;
}

/** Answers one request frame (Control_execute); a command that throws answers CALLBACK_RETURN. */
export function executeControl(frame: Uint8Array, target: ControlTarget, onError: (m: string) => void): ControlOutcome {
  const req = decodeControlRequest(frame);
  if (!req.ok) return { reply: req.reply };
  const cmd = CONTROL_COMMANDS.find((c) => c.name === req.name) ?? EXTENSION_COMMANDS.find((c) => c.name === req.name);
  if (!cmd) return { reply: CONTROL_CALLBACK_NOT_FOUND };
  try {
    return cmd.run(req.name, req.args, target);
  } catch (e) {
    onError(`Control command ${req.name} failed: ${(e as Error).message}`);
    return { reply: CONTROL_CALLBACK_RETURN };
  }
}
