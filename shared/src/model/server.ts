// The `server` table (spec §1.1): one mongrel2 process — where it listens, its logs, PID file, chroot, the host it
// falls back to and its control port. Defaults are the ones the C m2sh writes when a config omits a parameter
// (tools/m2sh/src/config_file.c, Server_load: chroot '' rather than the schema's '/var/www', error_log_level 2),
// and the checks are the server's own at load (src/config/config.c) plus what would only fail later at startup
// (an unbindable address, a port outside 1-65535, an empty PID file path).
import { z } from 'zod';
import { ModelErr, coded } from './errors.js';
import {
  endpointSchema, flagSchema, hostAddressSchema, idSchema, nonEmptySchema, portSchema, textSchema,
} from './fields.js';

/** The error log levels: 0 error, 1 warn, 2 info (the default), 3 debug (spec §9). */
export const ERROR_LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

const fields = {
  uuid: nonEmptySchema('uuid'),
  name: textSchema('name'),
  accessLog: nonEmptySchema('accessLog'),
  errorLog: nonEmptySchema('errorLog'),
  errorLogLevel: coded(z.number(), ModelErr.LOG_LEVEL, (v) =>
    Number.isInteger(v) && v >= 0 && v <= 3 ? null : `errorLogLevel must be 0 (error), 1 (warn), 2 (info) or 3 (debug), not ${v}`),
  chroot: textSchema('chroot'),
  pidFile: nonEmptySchema('pidFile'),
  controlPort: endpointSchema('controlPort', true),
  defaultHost: nonEmptySchema('defaultHost'),
  bindAddr: hostAddressSchema('bindAddr'),
  port: portSchema('port'),
  useSsl: flagSchema('useSsl'),
};

/** A server as the admin API shows it. */
export const serverSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a server; omitted parameters get m2sh's defaults. */
export const serverInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  name: fields.name.default(''),
  errorLogLevel: fields.errorLogLevel.default(2),
  chroot: fields.chroot.default(''),
  controlPort: fields.controlPort.default(''),
  bindAddr: fields.bindAddr.default('0.0.0.0'),
  useSsl: fields.useSsl.default(0),
}).strict();

/** A server. */
export type Server = z.infer<typeof serverSchema>;
/** A server as a client may send it (defaults still to apply). */
export type ServerInput = z.input<typeof serverInputSchema>;

/** A `server` row's columns as the C m2sh writes them, without the id. */
export interface ServerColumns {
  uuid: string;
  access_log: string;
  error_log: string;
  /** Absent in databases older than 1.13; the server then uses 2. */
  error_log_level?: number | null;
  chroot: string;
  pid_file: string;
  /** Absent in databases older than 1.9; the server then uses ''. */
  control_port?: string | null;
  default_host: string;
  name: string | null;
  bind_addr: string;
  port: number;
  use_ssl: number | null;
}

/** A `server` row as SQLite returns it. */
export interface ServerRow extends ServerColumns {
  id: number;
}

/** Maps a row to the API's value (NULL or missing defaulted columns take their defaults; no validation). */
export function serverFromRow(row: ServerRow): Server {
  return {
    id: row.id,
    uuid: row.uuid,
    name: row.name ?? '',
    accessLog: row.access_log,
    errorLog: row.error_log,
    errorLogLevel: row.error_log_level ?? 2,
    chroot: row.chroot,
    pidFile: row.pid_file,
    controlPort: row.control_port ?? '',
    defaultHost: row.default_host,
    bindAddr: row.bind_addr,
    port: row.port,
    useSsl: row.use_ssl ? 1 : 0,
  };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function serverToRow(value: Server): ServerRow;
export function serverToRow(value: z.output<typeof serverInputSchema>): ServerColumns & { id?: number };
export function serverToRow(value: z.output<typeof serverInputSchema>): ServerColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    uuid: value.uuid,
    access_log: value.accessLog,
    error_log: value.errorLog,
    error_log_level: value.errorLogLevel,
    chroot: value.chroot,
    pid_file: value.pidFile,
    control_port: value.controlPort,
    default_host: value.defaultHost,
    name: value.name,
    bind_addr: value.bindAddr,
    port: value.port,
    use_ssl: value.useSsl,
  };
}
