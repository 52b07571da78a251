// The `handler` table (spec §1.1, §3.1): a Handler target, a ZeroMQ backend. mongrel2 binds a PUSH socket on
// `send_spec` (identity `send_ident`, which must not be empty) and a SUB socket on `recv_spec` (`recv_ident` is its
// subscription and is usually ''); `protocol` picks JSON or tnetstring request headers and `raw_payload` 1 skips
// the JSON/XML socket decoding. Defaults are the column defaults m2sh relies on (Handler_load in config_file.c).
import { z } from 'zod';
import { ModelErr, oneOf } from './errors.js';
import { endpointSchema, flagSchema, idSchema, nonEmptySchema, textSchema } from './fields.js';

/** The request encodings a handler can ask for. */
export const HANDLER_PROTOCOLS = ['json', 'tnetstring'] as const;

/** A handler's request encoding. */
export type HandlerProtocol = (typeof HANDLER_PROTOCOLS)[number];

const fields = {
  sendSpec: endpointSchema('sendSpec'),
  sendIdent: nonEmptySchema('sendIdent'),
  recvSpec: endpointSchema('recvSpec'),
  recvIdent: textSchema('recvIdent'),
  rawPayload: flagSchema('rawPayload'),
  protocol: oneOf(HANDLER_PROTOCOLS, ModelErr.PROTOCOL, "protocol must be 'json' or 'tnetstring'"),
};

/** A Handler as the admin API shows it. */
export const handlerSchema = z.object({ id: idSchema, ...fields });

/** What a client sends to create or replace a Handler; `recvIdent` '', `rawPayload` 0, `protocol` 'json' by default. */
export const handlerInputSchema = z.object({
  ...fields,
  id: idSchema.optional(),
  recvIdent: fields.recvIdent.default(''),
  rawPayload: fields.rawPayload.default(0),
  protocol: fields.protocol.default('json'),
}).strict();

/** A Handler target. */
export type Handler = z.infer<typeof handlerSchema>;
/** A Handler as a client may send it. */
export type HandlerInput = z.input<typeof handlerInputSchema>;

/** A `handler` row's columns as the C m2sh writes them, without the id. */
export interface HandlerColumns {
  send_spec: string;
  send_ident: string;
  recv_spec: string;
  recv_ident: string;
  raw_payload: number | null;
  protocol: string | null;
}

/** A `handler` row as SQLite returns it. */
export interface HandlerRow extends HandlerColumns {
  id: number;
}

/**
 * Maps a row to the API's value, as the C server reads it: raw_payload is on when non-zero, and any protocol but
 * 'tnetstring' (NULL included) means JSON (no validation).
 */
export function handlerFromRow(row: HandlerRow): Handler {
  return {
    id: row.id,
    sendSpec: row.send_spec,
    sendIdent: row.send_ident,
    recvSpec: row.recv_spec,
    recvIdent: row.recv_ident,
    rawPayload: row.raw_payload ? 1 : 0,
    protocol: row.protocol === 'tnetstring' ? 'tnetstring' : 'json',
  };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function handlerToRow(value: Handler): HandlerRow;
export function handlerToRow(value: z.output<typeof handlerInputSchema>): HandlerColumns & { id?: number };
export function handlerToRow(value: z.output<typeof handlerInputSchema>): HandlerColumns & { id?: number } {
  return {
    ...(value.id === undefined ? {} : { id: value.id }),
    send_spec: value.sendSpec,
    send_ident: value.sendIdent,
    recv_spec: value.recvSpec,
    recv_ident: value.recvIdent,
    raw_payload: value.rawPayload,
    protocol: value.protocol,
  };
}
