// The "running servers" part of the admin API contract (issue 6 §5): a server's process state, the control-port
// proxy (spec §4.3), its connections (`status what=net`), the live event stream, the access-log tail (spec §9)
// and per-route statistics. One schema per body or answer; the console's routes parse with them and the SPA's
// client is typed by them (ARCHITECTURE principle 5).
import { z } from 'zod';
import { ModelErr, addModelIssue } from '../model/errors.js';

/** What `info` says about a running server (spec §4.3), camelCased. */
export const serverInfoSchema = z.object({
  port: z.number(),
  bindAddr: z.string(),
  uuid: z.string(),
  chroot: z.string(),
  accessLog: z.string(),
  errorLog: z.string(),
  pidFile: z.string(),
  defaultHostname: z.string(),
});
/** What `info` says about a running server. */
export type ServerInfo = z.infer<typeof serverInfoSchema>;

/** One configured server and its process: running or not, its PID, and when running what it says of itself. */
export const runningServerSchema = z.object({
  id: z.number(),
  uuid: z.string(),
  name: z.string(),
  running: z.boolean(),
  pid: z.number().nullable(),
  /** The PID file the console reads (absolute). */
  pidFile: z.string(),
  /** Where its control port is (as the server binds it). */
  controlEndpoint: z.string(),
  /** When it started (the PID file's mtime, ISO 8601), and seconds since; null when not running. */
  startedAt: z.string().nullable(),
  uptimeSeconds: z.number().nullable(),
  /** The control port's `info`; null when not running or not answering (then `problem` says why). */
  info: serverInfoSchema.nullable(),
  problem: z.string().nullable(),
});
/** One configured server and its process. */
export type RunningServer = z.infer<typeof runningServerSchema>;

/** GET /api/running. */
export const runningListSchema = z.object({ servers: z.array(runningServerSchema) });
/** GET /api/running. */
export type RunningList = z.infer<typeof runningListSchema>;

/** POST /api/servers/:id/stop: `murder` sends SIGTERM instead of SIGINT (m2sh stop -murder). */
export const stopBodySchema = z.object({ murder: z.boolean().optional() }).strict();
/** POST /api/servers/:id/stop. */
export type StopBody = z.infer<typeof stopBodySchema>;

/** The control-port commands the console proxies; stop, terminate and restarts have their own endpoints. */
export const CONTROL_PROXY_COMMANDS = ['status', 'kill', 'time', 'info', 'uuid', 'reload'] as const;
/** The proxied commands that only read. */
export const CONTROL_READ_COMMANDS = ['status', 'time', 'info', 'uuid'] as const;
/** A proxied control command. */
export type ControlProxyCommand = (typeof CONTROL_PROXY_COMMANDS)[number];

const OWN_ENDPOINT: Record<string, string> = {
  stop: 'use POST /api/servers/:id/stop', terminate: 'use POST /api/servers/:id/stop with murder',
  control_stop: 'the console needs the control port', help: 'the commands are listed in the API docs',
};

/** POST /api/servers/:id/control: `{ command, args? }` (args as `m2sh control` takes them: key=value). */
export const controlBodySchema = z.object({
  command: z.string().superRefine((v, ctx) => {
    if ((CONTROL_PROXY_COMMANDS as readonly string[]).includes(v)) return;
    const hint = OWN_ENDPOINT[v] ?? `it must be one of ${CONTROL_PROXY_COMMANDS.join(', ')}`;
    addModelIssue(ctx, ModelErr.INVALID, `command '${v}' is not available here: ${hint}`);
  }).transform((v) => v as ControlProxyCommand),
  args: z.record(z.union([z.string(), z.number().int()])).optional(),
}).strict();
/** POST /api/servers/:id/control. */
export type ControlBody = z.input<typeof controlBodySchema>;

/** A decoded control-port reply: a table, a one-value message (msg/status/time/uuid), or an error. */
export const controlAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), headers: z.array(z.string()), rows: z.array(z.array(z.unknown())) }),
  z.object({ kind: z.literal('msg'), values: z.record(z.string()) }),
  z.object({ kind: z.literal('error'), code: z.string(), message: z.string() }),
]);
/** A decoded control-port reply. */
export type ControlAnswer = z.infer<typeof controlAnswerSchema>;

/** Connection types as `status net` numbers them (spec §4.3; 3 = SOCKET is a WebSocket). */
export const CONNECTION_TYPE_NAMES = ['unknown', 'HTTP', 'MSG', 'WS'] as const;

/** One row of `status what=net`: `id` is -1 until the connection talks to a handler (only then can it be killed). */
export const connectionSchema = z.object({
  id: z.number(),
  fd: z.number(),
  type: z.number(),
  typeName: z.enum(CONNECTION_TYPE_NAMES),
  lastPing: z.number(),
  lastRead: z.number(),
  lastWrite: z.number(),
  bytesRead: z.number(),
  bytesWritten: z.number(),
});
/** One open connection of a running server. */
export type ServerConnection = z.infer<typeof connectionSchema>;

/** GET /api/servers/:id/connections. */
export const connectionsAnswerSchema = z.object({ connections: z.array(connectionSchema) });

/** The most connections one `connections` event carries (10,000 would be over 1 MiB a second per client). */
export const EVENT_CONNECTIONS_MAX = 1000;

/** The `connections` event: the first EVENT_CONNECTIONS_MAX rows of `status what=net`, and how many there are. */
export const connectionsEventSchema = z.object({ connections: z.array(connectionSchema), total: z.number() });

/** One access-log line (spec §9): host is the matched Host's configured name; time in unix seconds. */
export const accessEntrySchema = z.object({
  host: z.string(),
  addr: z.string(),
  port: z.number(),
  time: z.number(),
  method: z.string(),
  path: z.string(),
  version: z.string(),
  status: z.number(),
  size: z.number(),
});
/** One access-log entry. */
export type AccessLogEntry = z.infer<typeof accessEntrySchema>;

/** GET /api/servers/:id/access-log?lines=N (default 100, at most 5000). */
export const accessLogQuerySchema = z.object({ lines: z.coerce.number().int().min(1).max(5000).default(100) });

/** GET /api/servers/:id/access-log: the file read, and its last entries, oldest first. */
export const accessLogAnswerSchema = z.object({ path: z.string(), exists: z.boolean(), entries: z.array(accessEntrySchema) });
/** GET /api/servers/:id/access-log. */
export type AccessLogAnswer = z.infer<typeof accessLogAnswerSchema>;

/** Responses by status class. */
export const statusClassesSchema = z.object({ '2xx': z.number(), '3xx': z.number(), '4xx': z.number(), '5xx': z.number(), other: z.number() });

/** The `counters` event: totals since the stream's poller started, and the rate over the last tick. */
export const countersSchema = z.object({
  at: z.number(),
  openConnections: z.number(),
  requestsTotal: z.number(),
  requestsPerSecond: z.number(),
  bytesTotal: z.number(),
  status: statusClassesSchema,
});
/** The `counters` event. */
export type Counters = z.infer<typeof countersSchema>;

/** The `state` event: the process started or stopped. */
export const stateEventSchema = z.object({ running: z.boolean(), pid: z.number().nullable() });

/** One route's traffic in the access-log tail; `route` null gathers what matched no route of the host. */
export const routeStatsSchema = z.object({
  host: z.string(),
  route: z.string().nullable(),
  routeId: z.number().nullable(),
  requests: z.number(),
  bytes: z.number(),
  status: z.record(z.number()),
});
/** One route's traffic. */
export type RouteStats = z.infer<typeof routeStatsSchema>;

/** GET /api/servers/:id/stats: counts over the entries read (the log's last `bytesRead` bytes). */
export const statsAnswerSchema = z.object({
  path: z.string(),
  entries: z.number(),
  bytesRead: z.number(),
  truncated: z.boolean(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  routes: z.array(routeStatsSchema),
});
/** GET /api/servers/:id/stats. */
export type StatsAnswer = z.infer<typeof statsAnswerSchema>;

/** POST /api/servers/:id/connections/:connId/kill: the connection the server disconnected. */
export const killAnswerSchema = z.object({ id: z.number(), status: z.string() });
