// Mirrors Request_to_payload (JSON) and Request_to_tnetstring in src/request.c: the request message mongrel2
// PUSHes to a handler, `SENDER SP ID SP PATH SP HEADERS BODY` (spec §3.2), plus its decoder (in
// handler-request-decode.ts). All header strings are byte strings (char code = byte, 0-255; the server decodes
// sockets as latin1) and are emitted as exactly those bytes, never re-encoded as UTF-8; a char above U+00FF
// throws E_NOT_LATIN1. Netstring/tnetstring lengths are therefore byte counts = string lengths.
import { joinHeadBody } from './handler-bytes.js';

export { HandlerProtocolError, type HandlerErrorCode } from './handler-bytes.js';
export { decodeHandlerRequest, type DecodedHandlerRequest } from './handler-request-decode.js';

/** At most this many values are kept for one repeated header name (request.c MAX_DUPE_HEADERS); extras are dropped. */
export const MAX_DUPE_HEADERS = 5;

/** Everything one request message carries; all strings are byte strings. */
export interface HandlerRequestFields {
  sender: string;
  connId: number | string;
  /** The raw path, or `@*` / `@chat` / `<tag`; emitted unescaped, as C does. */
  path: string;
  /** Client headers in the order they should appear, names already lower-cased; repeats become arrays. */
  headers: [name: string, value: string][];
  method?: string;
  version?: string;
  uri?: string;
  query?: string;
  fragment?: string;
  pattern?: string;
  urlScheme?: string;
  remoteAddr?: string;
  /**
   * Generated keys (FLAGS, DOWNLOAD_CREDITS, UPLOAD_STREAM, x-mongrel2-upload-start, PEER_CERT_SHA1...). C stores
   * these in the request's header table with replace semantics, so here they follow the client headers (JSON:
   * before METHOD; tnetstring: at the end of the dict) and a client header of the same name is dropped.
   */
  extra?: [key: string, value: string][];
  /** Only `extra` in the header object (no PATH, client headers or generated keys): C's `altheaders` form. */
  bare?: boolean;
  body: Uint8Array;
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPE_ALL = /[\\"]/g;

/** JSON-escapes the way json_escape does: only `\` and `"` get a backslash; every other byte stays raw. */
function esc(v: string): string {
  return NEEDS_ESCAPE.test(v) ? v.replace(ESCAPE_ALL, '\\$&') : v;
}

function tns(v: string): string {
  return `${v.length}:${v},`;
}

/** Calls `emit` once per distinct header name (first-arrival order) with its value or values. */
function eachHeader(
  headers: readonly [string, string][],
  extra: readonly [string, string][] | undefined,
  emit: (name: string, value: string | string[]) => void,
): void {
  const n = headers.length;
  let dupes = false;
  if (n <= 16) {
    for (let i = 1; i < n && !dupes; i++) {
      const name = headers[i]![0];
      for (let j = 0; j < i; j++) if (headers[j]![0] === name) { dupes = true; break; }
    }
  } else {
    const seen = new Set<string>();
    for (const [name] of headers) {
      if (seen.has(name)) { dupes = true; break; }
      seen.add(name);
    }
  }
  const replaced = (name: string): boolean => {
    if (extra === undefined) return false;
    for (const [k] of extra) if (k === name) return true;
    return false;
  };
  if (!dupes) {
    for (const [name, value] of headers) if (!replaced(name)) emit(name, value);
    return;
  }
  const groups = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [value]);
    else if (list.length < MAX_DUPE_HEADERS) list.push(value);
  }
  for (const [name, list] of groups) if (!replaced(name)) emit(name, list.length === 1 ? list[0]! : list);
}

function jsonHeaders(f: HandlerRequestFields): string {
  let s = '';
  const pair = (k: string, v: string | undefined): void => {
    if (v !== undefined) s += `,"${esc(k)}":"${esc(v)}"`;
  };
  if (!f.bare) {
    s += `,"PATH":"${f.path}"`;
    eachHeader(f.headers, f.extra, (name, value) => {
      if (typeof value === 'string') s += `,"${esc(name)}":"${esc(value)}"`;
      else s += `,"${esc(name)}":["${value.map(esc).join('","')}"]`;
    });
  }
  if (f.extra !== undefined) for (const [k, v] of f.extra) pair(k, v);
  if (!f.bare) {
    pair('METHOD', f.method);
    pair('VERSION', f.version);
    pair('URI', f.uri);
    pair('QUERY', f.query);
    pair('FRAGMENT', f.fragment);
    pair('PATTERN', f.pattern);
    pair('URL_SCHEME', f.urlScheme);
    pair('REMOTE_ADDR', f.remoteAddr);
  }
  const obj = `{${s.slice(1)}}`;
  return `${obj.length}:${obj},`;
}

function tnetHeaders(f: HandlerRequestFields): string {
  let s = '';
  const pair = (k: string, v: string | undefined): void => {
    if (v !== undefined) s += tns(k) + tns(v);
  };
  if (!f.bare) {
    // C renders this buffer backwards, so its generated keys come out in reverse order, PATH last.
    pair('REMOTE_ADDR', f.remoteAddr);
    pair('METHOD', f.method);
    pair('URL_SCHEME', f.urlScheme);
    pair('PATTERN', f.pattern);
    pair('FRAGMENT', f.fragment);
    pair('QUERY', f.query);
    pair('URI', f.uri);
    pair('VERSION', f.version);
    pair('PATH', f.path);
    eachHeader(f.headers, f.extra, (name, value) => {
      if (typeof value === 'string') s += tns(name) + tns(value);
      else {
        let items = '';
        for (const v of value) items += tns(v);
        s += `${tns(name)}${items.length}:${items}]`;
      }
    });
  }
  if (f.extra !== undefined) for (const [k, v] of f.extra) pair(k, v);
  return `${s.length}:${s}}`;
}

/** Encodes one request message for a handler whose protocol is `json` or `tnetstring`, byte for byte as C does. */
export function encodeHandlerRequest(f: HandlerRequestFields, protocol: 'json' | 'tnetstring'): Uint8Array {
  const headers = protocol === 'json' ? jsonHeaders(f) : tnetHeaders(f);
  const head = `${f.sender} ${f.connId} ${f.path} ${headers}${f.body.length}:`;
  return joinHeadBody(head, f.body, 0x2c);
}
