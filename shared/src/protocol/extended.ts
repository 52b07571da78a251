// Mirrors parse_extended_request in src/handler.c: the body of an extended (`X `) handler reply must be exactly
// one tnetstring, a list of two elements whose first is a string: `[name, args]` (spec §3.6, "extended"
// replies, since 1.9.0). `ctl` is handled by the server itself (handler_process_control_request, is_cancel_request:
// readCtl, isCancelRequest below); other names go to xrequest plugins.
import { decodeTns, TnsError, type TnsValue } from './tnetstring.js';

/** The result of parsing an extended reply body (never throws). */
export type ExtendedParse = { ok: true; name: string; args: TnsValue } | { ok: false; reason: string };

/** Parses an extended reply body: one tnetstring list `[name: string, args]`, with nothing after it. */
export function parseExtendedBody(body: Uint8Array): ExtendedParse {
  let parsed: { value: TnsValue; end: number };
  try {
    parsed = decodeTns(body);
  } catch (err) {
    const why = err instanceof TnsError ? err.message : String(err);
    return { ok: false, reason: `invalid extended response: ${why}` };
  }
  if (parsed.end !== body.length) return { ok: false, reason: 'invalid extended response: extra data after tnetstring' };
  const list = parsed.value;
  if (!Array.isArray(list)) return { ok: false, reason: 'invalid extended response: not a list' };
  if (list.length !== 2) return { ok: false, reason: 'invalid extended response: list must have exactly 2 elements' };
  const [name, args] = list as [TnsValue, TnsValue];
  if (typeof name !== 'string') return { ok: false, reason: 'invalid extended response: key is not a string' };
  return { ok: true, name, args };
}

/** True when an extended reply is `["ctl", {cancel: ...}]`, the one reply to a dead id that gets no disconnect notice. */
export function isCancelRequest(name: string, args: TnsValue): boolean {
  return name === 'ctl' && args instanceof Map && args.has('cancel');
}

/** What a `["ctl", {...}]` reply asks for; keys mongrel2 does not know are ignored, as in C. */
export interface CtlCommand {
  /** `keep-alive` present: refresh the connection's idle timer. */
  keepAlive: boolean;
  /** `credits` value to add to the upload credits (0 when absent, or not an integer: C would read garbage). */
  credits: number;
  /** `cancel` present: disconnect the client, without a disconnect notice. */
  cancel: boolean;
}

/** Reads the args of a `ctl` reply; null when they are not a dict (C: "Invalid control response", disconnect). */
export function readCtl(args: TnsValue): CtlCommand | null {
  if (!(args instanceof Map)) return null;
  const credits = args.get('credits');
  return {
    keepAlive: args.has('keep-alive'),
    credits: typeof credits === 'number' && Number.isInteger(credits) ? credits : 0,
    cancel: args.has('cancel'),
  };
}
