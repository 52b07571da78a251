// Field schemas several config tables share: row ids, non-empty text, TCP ports, Mongrel2's 0/1 integer flags,
// host addresses. Each refuses with a coded issue (errors.ts) whose message names the field, so a form can show
// it inline as is. Mongrel2 keeps flags as INTEGER 0/1 (spec §1.1); the API keeps them as 0 | 1, not booleans,
// so a row and its API value hold the same thing.
import { z } from 'zod';
import { ModelErr, coded, oneOf, type ModelErrorCode } from './errors.js';
import { checkHostAddress } from './net-address.js';
import { parseZmqEndpoint } from './zmq-endpoint.js';

/** A row id: SQLite's INTEGER PRIMARY KEY as m2sh hands them out (a whole number ≥ 1). */
export const idSchema = coded(z.number(), ModelErr.ID, (v) =>
  Number.isSafeInteger(v) && v >= 1 ? null : `id must be a whole number ≥ 1, not ${v}`);

/** The id of a row in another table (`server_id`, `host_id`, `target_id`), named in the message. */
export function refIdSchema(field: string) {
  return coded(z.number(), ModelErr.ID, (v) =>
    Number.isSafeInteger(v) && v >= 1 ? null : `${field} must be the id of a row (a whole number ≥ 1), not ${v}`);
}

/** Any text without a NUL character (C strings end at the first NUL, so the server would see less). */
export function textSchema(field: string) {
  return coded(z.string(), ModelErr.INVALID, (v) => (v.includes('\0') ? `${field} must not contain a NUL character` : null));
}

/** Text that may not be empty (and may not hold a NUL, which would cut it short in the C server). */
export function nonEmptySchema(field: string) {
  return coded(textSchema(field), ModelErr.EMPTY, (v) => (v.length === 0 ? `${field} must not be empty` : null));
}

/** A TCP port: a whole number from 1 to 65535. */
export function portSchema(field: string) {
  return coded(z.number(), ModelErr.PORT, (v) =>
    Number.isInteger(v) && v >= 1 && v <= 65535 ? null : `${field} must be a whole number from 1 to 65535, not ${v}`);
}

/** One of Mongrel2's INTEGER flags: 0 or 1. */
export function flagSchema(field: string) {
  return oneOf([0, 1] as const, ModelErr.FLAG, `${field} must be 0 or 1`);
}

/** A whole number ≥ 0, refused with `code`. */
export function countSchema(field: string, code: ModelErrorCode) {
  return coded(z.number(), code, (v) =>
    Number.isSafeInteger(v) && v >= 0 ? null : `${field} must be a whole number ≥ 0, not ${v}`);
}

/** A host to bind or connect to: an IPv4 or IPv6 literal, or a host name. */
export function hostAddressSchema(field: string) {
  return coded(z.string(), ModelErr.ADDRESS, (v) => {
    const problem = checkHostAddress(v);
    return problem === null ? null : `${field} ${problem}`;
  });
}

/** A ZeroMQ endpoint (zmq-endpoint.ts); with `allowEmpty`, '' too (server.control_port: use the setting). */
export function endpointSchema(field: string, allowEmpty = false) {
  return coded(z.string(), ModelErr.ZMQ_ENDPOINT, (v) => {
    if (allowEmpty && v === '') return null;
    const parsed = parseZmqEndpoint(v);
    return parsed.ok ? null : `${field}: ${parsed.message}`;
  });
}
