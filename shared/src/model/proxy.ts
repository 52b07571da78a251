// The `proxy` table (spec §1.1, §7): a Proxy target, an HTTP backend that requests are passed through to
// unchanged. `addr` is what the server connects to (an IP literal or a name it resolves), `port` its TCP port;
// m2sh's Proxy_load requires both (config_file.c), and a port outside 1-65535 could never connect.
import { z } from 'zod';
import { hostAddressSchema, idSchema, portSchema } from './fields.js';

const fields = {
  addr: hostAddressSchema('addr'),
  port: portSchema('port'),
};

/** A Proxy as the admin API shows it. */
export const proxySchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a Proxy. */
export const proxyInputSchema = z.object({ ...fields, id: idSchema.optional() }).strict();

/** A Proxy target. */
export type Proxy = z.infer<typeof proxySchema>;
/** A Proxy as a client may send it. */
export type ProxyInput = z.input<typeof proxyInputSchema>;

/** A `proxy` row's columns as the C m2sh writes them, without the id. */
export interface ProxyColumns {
  addr: string;
  port: number;
}

/** A `proxy` row as SQLite returns it. */
export interface ProxyRow extends ProxyColumns {
  id: number;
}

/** Maps a row to the API's value (no validation). */
export function proxyFromRow(row: ProxyRow): Proxy {
  return { id: row.id, addr: row.addr, port: row.port };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function proxyToRow(value: Proxy): ProxyRow;
export function proxyToRow(value: z.output<typeof proxyInputSchema>): ProxyColumns & { id?: number };
export function proxyToRow(value: z.output<typeof proxyInputSchema>): ProxyColumns & { id?: number } {
  return { ...(value.id === undefined ? {} : { id: value.id }), addr: value.addr, port: value.port };
}
