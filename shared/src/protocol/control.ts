// The control-port wire format (src/control.c, spec §4.2–§4.4): a request is one tnetstring list
// [name, {args}] (extra elements and trailing bytes ignored); a reply is a tnetstring dict, either a table
// {"headers": [...], "rows": [[...], ...]}, a bare {"error": "..."}, or one of the fixed {code, error} constants.
// Also the client side m2sh control needs (tools/m2sh/src/commands/running.c): encoding a request, reading a reply.
import { decodeTns, renderTns, utf8Length, type TnsDict, type TnsValue } from './tnetstring.js';

/** The request is not a list. */
export const CONTROL_INVALID_REQUEST =
  '101:4:code,15:INVALID_REQUEST,5:error,63:Invalid request format, must be a list with two elements in it.,}';
/** The request does not parse, or its list does not start with a string and a dict. */
export const CONTROL_INVALID_DATA =
  '97:4:code,12:INVALID_DATA,5:error,62:Invalid data, expecting a list with a string and a hash in it.,}';
/** A command produced no reply (kept for completeness; our commands always reply). */
export const CONTROL_CALLBACK_RETURN =
  '91:4:code,15:CALLBACK_RETURN,5:error,53:Callback failed and returned NULL, should not happen.,}';
/** No command has the requested name. */
export const CONTROL_CALLBACK_NOT_FOUND =
  '74:4:code,18:CALLBACK_NOT_FOUND,5:error,33:Callback requested was not found.,}';
/** Raising the signal failed. */
export const CONTROL_SIGNAL_FAILED =
  "75:4:code,13:SIGNAL_FAILED,5:error,39:raise call failed, can't signal process,}";
/** A missing or mistyped argument (`what` for status, `id` for kill, also an id out of range or unknown). */
export const CONTROL_INVALID_ARGUMENT = '61:4:code,16:INVALID_ARGUMENT,5:error,22:Invalid argument type.,}';
/** The connection behind a known id is gone. */
export const CONTROL_NOT_CONNECTED = '57:4:code,13:NOT_CONNECTED,5:error,21:Socket not connected.,}';

const encoder = new TextEncoder();

/** A decoded control request, or the exact error reply the server must send instead. */
export type ControlRequest = { ok: true; name: string; args: TnsDict } | { ok: false; reply: Uint8Array };

/** Whether the (already valid) tnetstring at `at` holds a float anywhere; returns the offset past it or -1. */
function skipNoFloat(bytes: Uint8Array, at: number): number {
  const colon = bytes.indexOf(0x3a, at);
  const end = colon + 1 + Number(String.fromCharCode(...bytes.subarray(at, colon)));
  const tag = bytes[end];
  if (tag === 0x5e) return -1; // '^'
  if (tag === 0x5d || tag === 0x7d) { // ']' or '}'
    for (let p = colon + 1; p < end; ) {
      p = skipNoFloat(bytes, p);
      if (p < 0) return -1;
    }
  }
  return end + 1;
}

/** Decodes one request frame the way Control_task and Control_execute validate it. */
export function decodeControlRequest(frame: Uint8Array): ControlRequest {
  let req: TnsValue;
  try {
    req = decodeTns(frame, 0).value; // trailing bytes (m2sh's NUL) are ignored
    // Mongrel2's float parser never succeeds (it checks an end pointer it never asked for), so a request
    // holding a float anywhere is unparseable there: mirror that.
    if (skipNoFloat(frame, 0) < 0) req = null;
  } catch {
    req = null; // unparseable is treated as null, which is INVALID_DATA
  }
  if (req === null) return { ok: false, reply: encoder.encode(CONTROL_INVALID_DATA) };
  if (!Array.isArray(req)) return { ok: false, reply: encoder.encode(CONTROL_INVALID_REQUEST) };
  const [name, args] = req;
  if (typeof name !== 'string' || !(args instanceof Map)) {
    return { ok: false, reply: encoder.encode(CONTROL_INVALID_DATA) };
  }
  return { ok: true, name, args };
}

function frame(payload: string, tag: string): string {
  return `${utf8Length(payload)}:${payload}${tag}`;
}

/** Wraps already-rendered tnetstrings: a list of headers and a rendered rows list body, as a table reply. */
export function encodeControlTableRaw(headers: readonly string[], renderedRows: string): string {
  let h = '';
  for (const name of headers) h += frame(name, ',');
  return frame(`7:headers,${frame(h, ']')}4:rows,${frame(renderedRows, ']')}`, '}');
}

/** Renders a table reply `{"headers": [...], "rows": [[...], ...]}` (headers first, as Mongrel2 writes it). */
export function encodeControlTable(headers: readonly string[], rows: readonly (readonly TnsValue[])[]): string {
  let body = '';
  for (const row of rows) body += renderTns(row as TnsValue[]);
  return encodeControlTableRaw(headers, body);
}

/** Renders the one-column, one-row reply most commands give (`basic_response`): {"headers":[key],"rows":[[value]]}. */
export function encodeControlMsg(key: string, value: string): string {
  return encodeControlTable([key], [[value]]);
}

/** Renders a bare `{"error": message}` reply (what `status` answers for an unknown `what`). */
export function encodeControlError(message: string): string {
  return renderTns(new Map([['error', message]]));
}

/** Renders a client request `[name, {args}]`. */
export function encodeControlRequest(name: string, args: TnsDict = new Map()): string {
  return renderTns([name, args]);
}

/** A reply as m2sh's display_response reads it. */
export type ControlReply =
  | { kind: 'error'; message: TnsValue }
  | { kind: 'table'; headers: TnsValue[]; rows: TnsValue[] }
  | { kind: 'invalid'; problem: string };

/** Decodes a reply; `invalid` carries the complaint m2sh logs (same wording). */
export function decodeControlReply(bytes: Uint8Array | string): ControlReply {
  let resp: TnsValue;
  try {
    resp = decodeTns(typeof bytes === 'string' ? encoder.encode(bytes) : bytes, 0).value;
  } catch {
    resp = null;
  }
  if (!(resp instanceof Map)) return { kind: 'invalid', problem: 'Server returned an invalid response, must be a dict.' };
  if (resp.has('error')) return { kind: 'error', message: resp.get('error') ?? null };
  const headers = resp.get('headers');
  if (headers === undefined) return { kind: 'invalid', problem: "Server returned an invalid response, need a 'headers'." };
  if (!Array.isArray(headers)) return { kind: 'invalid', problem: 'Headers must be a list, server is screwed up.' };
  const rows = resp.get('rows');
  if (rows === undefined) return { kind: 'invalid', problem: "Server returned an invalid response, need a 'rows'." };
  if (!Array.isArray(rows)) return { kind: 'invalid', problem: 'Rows must be a list, server is screwed up.' };
  return { kind: 'table', headers, rows };
}
