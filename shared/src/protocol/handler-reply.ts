// Mirrors src/handler_parser.rl (HandlerParser_execute) plus the zero-target check of handler_recv_parse in
// src/handler.c: the reply a handler PUBlishes to mongrel2, `UUID SP LEN ':' IDLIST ',' SP BODY` (spec §3.4),
// where UUID = [A-Za-z0-9-]+, IDLIST = ('X ')? (digit+ ' '?)*, LEN = the byte length of IDLIST. A leading `X `
// marks an extended reply whose body is a tnetstring [name, args] (extended.ts). Also the encoders a handler
// (or a test) uses, shaped like examples/python/mongrel2/handler.py `Connection.send`.
import { HandlerProtocolError, readDigits, readLatin1 } from './handler-bytes.js';
import { renderTns, type TnsValue } from './tnetstring.js';

/** The outcome of parsing one handler reply; `body` is a view into the message, and may be empty (= close). */
export type ReplyParse =
  | { ok: true; uuid: string; ids: string[]; extended: boolean; body: Uint8Array }
  | { ok: false; reason: string };

const encoder = new TextEncoder();

function isUuidByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/**
 * Parses a handler reply strictly (never throws). Ids come back as decimal strings with leading zeros removed
 * (C reads them with strtoul); more than `maxTargets` ids (setting limits.handler_targets) rejects the message.
 */
export function parseHandlerReply(msg: Uint8Array, maxTargets: number): ReplyParse {
  const n = msg.length;
  let p = 0;
  while (p < n && isUuidByte(msg[p]!)) p++;
  if (p === 0) return { ok: false, reason: 'missing UUID' };
  if (msg[p] !== 0x20) return { ok: false, reason: `invalid UUID character at byte ${p}` };
  const uuid = readLatin1(msg, 0, p);
  p++;
  const len = readDigits(msg, p, n);
  if (len.end === p) return { ok: false, reason: `expected the id list length at byte ${p}` };
  if (msg[len.end] !== 0x3a) return { ok: false, reason: `expected ':' after the id list length at byte ${len.end}` };
  const listStart = len.end + 1;
  p = listStart;
  let extended = false;
  if (msg[p] === 0x58 && msg[p + 1] === 0x20) {
    extended = true;
    p += 2;
  }
  const ids: string[] = [];
  while (isDigit(msg[p])) {
    const from = p;
    while (isDigit(msg[p])) p++;
    if (ids.length >= maxTargets) return { ok: false, reason: `more than ${maxTargets} target ids` };
    let z = from;
    while (z < p - 1 && msg[z] === 0x30) z++;
    ids.push(readLatin1(msg, z, p));
    if (msg[p] === 0x20) p++;
  }
  if (msg[p] !== 0x2c) return { ok: false, reason: `invalid character in the id list at byte ${p}` };
  if (p - listStart !== len.value) {
    return { ok: false, reason: `id list length is wrong: actual ${p - listStart}, expected ${len.value}` };
  }
  if (msg[p + 1] !== 0x20) return { ok: false, reason: "missing the space after the id list's ','" };
  if (ids.length === 0) return { ok: false, reason: 'message has 0 targets' };
  return { ok: true, uuid, ids, extended, body: msg.subarray(p + 2) };
}

function head(uuid: string, ids: readonly (string | number)[], extended: boolean): string {
  if (!/^[A-Za-z0-9-]+$/.test(uuid)) throw new HandlerProtocolError('E_REPLY_UUID', `invalid reply UUID '${uuid}'`);
  if (ids.length === 0) throw new HandlerProtocolError('E_REPLY_IDS', 'a reply needs at least one id');
  let list = extended ? 'X ' : '';
  for (let i = 0; i < ids.length; i++) {
    const id = String(ids[i]);
    if (!/^[0-9]+$/.test(id)) throw new HandlerProtocolError('E_REPLY_IDS', `reply id '${id}' is not decimal digits`);
    list += i === 0 ? id : ` ${id}`;
  }
  return `${uuid} ${list.length}:${list}, `;
}

function join(prefix: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length);
  for (let i = 0; i < prefix.length; i++) out[i] = prefix.charCodeAt(i);
  out.set(body, prefix.length);
  return out;
}

/** Encodes a plain reply `UUID LEN:ID ID, BODY`; a string body is sent as UTF-8, an empty body means close. */
export function encodeHandlerReply(uuid: string, ids: readonly (string | number)[], body: Uint8Array | string): Uint8Array {
  return join(head(uuid, ids, false), typeof body === 'string' ? encoder.encode(body) : body);
}

/** Encodes an extended reply `UUID LEN:X ID ID, <tnetstring [name, args]>` (strings in args are UTF-8). */
export function encodeExtendedReply(
  uuid: string,
  ids: readonly (string | number)[],
  name: string,
  args: TnsValue,
): Uint8Array {
  return join(head(uuid, ids, true), encoder.encode(renderTns([name, args])));
}
