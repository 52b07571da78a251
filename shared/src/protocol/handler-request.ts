// Mirrors Request_to_payload (JSON) and Request_to_tnetstring in src/request.c: the request message mongrel2
// PUSHes to a handler, `SENDER SP ID SP PATH SP HEADERS BODY` (spec §3.2), plus its decoder (in
// handler-request-decode.ts). All header strings are byte strings (char code = byte, 0-255; the server decodes
// sockets as latin1) and are emitted as exactly those bytes, never re-encoded as UTF-8; a char above U+00FF
// throws E_NOT_LATIN1. Netstring/tnetstring lengths are therefore byte counts = string lengths.
import { joinHeadBody } from './handler-bytes.js';

export { HandlerProtocolError, utf8ByteString, type HandlerErrorCode } from './handler-bytes.js';
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

const ESCAPE_ALL = /[\\"]/g;

/** JSON-escapes the way json_escape does: only `\` and `"` get a backslash; every other byte stays raw. */
function esc(v: string): string {
  return v.indexOf('"') < 0 && v.indexOf('\\') < 0 ? v : v.replace(ESCAPE_ALL, '\\$&');
}

function tns(v: string): string {
  return `${v.length}:${v},`;
}

/** Whether `name` is one of the generated keys that replace a client header of the same name. */
function replaced(extra: readonly [string, string][] | undefined, name: string): boolean {
  if (extra === undefined) return false;
  for (let i = 0; i < extra.length; i++) if (extra[i]![0] === name) return true;
  return false;
}

/** Whether a header name repeats (then values are grouped into lists). */
function hasDupes(headers: readonly [string, string][]): boolean {
  const n = headers.length;
  if (n <= 16) {
    for (let i = 1; i < n; i++) {
      const name = headers[i]![0];
      for (let j = 0; j < i; j++) if (headers[j]![0] === name) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const [name] of headers) {
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

/** The distinct header names in first-arrival order with their values (at most MAX_DUPE_HEADERS each). */
function grouped(headers: readonly [string, string][]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [value]);
    else if (list.length < MAX_DUPE_HEADERS) list.push(value);
  }
  return groups;
}

function jsonPair(k: string, v: string | undefined): string {
  return v === undefined ? '' : `,"${esc(k)}":"${esc(v)}"`;
}

/** A generated key's pair (the key needs no escaping). */
function keyPair(k: string, v: string | undefined): string {
  return v === undefined ? '' : `,"${k}":"${esc(v)}"`;
}

function jsonHeaders(f: HandlerRequestFields): string {
  // Pairs are written with a leading comma, except PATH, which opens every object but a bare one: a bare object
  // drops its first comma at the end (slicing a concatenated string copies it; the common form never does).
  let s = '';
  const extra = f.extra;
  if (!f.bare) {
    s += `"PATH":"${f.path}"`;
    const headers = f.headers;
    if (!hasDupes(headers)) {
      for (let i = 0; i < headers.length; i++) {
        const h = headers[i]!;
        if (!replaced(extra, h[0])) s += `,"${esc(h[0])}":"${esc(h[1])}"`;
      }
    } else {
      for (const [name, list] of grouped(headers)) {
        if (replaced(extra, name)) continue;
        s += list.length === 1 ? `,"${esc(name)}":"${esc(list[0]!)}"` : `,"${esc(name)}":["${list.map(esc).join('","')}"]`;
      }
    }
  }
  if (extra !== undefined) for (const [k, v] of extra) s += jsonPair(k, v);
  if (!f.bare) {
    s += keyPair('METHOD', f.method) + keyPair('VERSION', f.version) + keyPair('URI', f.uri) + keyPair('QUERY', f.query)
      + keyPair('FRAGMENT', f.fragment) + keyPair('PATTERN', f.pattern) + keyPair('URL_SCHEME', f.urlScheme)
      + keyPair('REMOTE_ADDR', f.remoteAddr);
  }
  if (f.bare) s = s.slice(1);
  return `${s.length + 2}:{${s}},`;
}

function tnsPair(k: string, v: string | undefined): string {
  return v === undefined ? '' : tns(k) + tns(v);
}

function tnetHeaders(f: HandlerRequestFields): string {
  let s = '';
  const extra = f.extra;
  if (!f.bare) {
    // C renders this buffer backwards, so its generated keys come out in reverse order, PATH last.
    s += tnsPair('REMOTE_ADDR', f.remoteAddr) + tnsPair('METHOD', f.method) + tnsPair('URL_SCHEME', f.urlScheme)
      + tnsPair('PATTERN', f.pattern) + tnsPair('FRAGMENT', f.fragment) + tnsPair('QUERY', f.query) + tnsPair('URI', f.uri)
      + tnsPair('VERSION', f.version) + tnsPair('PATH', f.path);
    const headers = f.headers;
    if (!hasDupes(headers)) {
      for (let i = 0; i < headers.length; i++) {
        const h = headers[i]!;
        if (!replaced(extra, h[0])) s += tns(h[0]) + tns(h[1]);
      }
    } else {
      for (const [name, list] of grouped(headers)) {
        if (replaced(extra, name)) continue;
        if (list.length === 1) s += tns(name) + tns(list[0]!);
        else {
          let items = '';
          for (const v of list) items += tns(v);
          s += `${tns(name)}${items.length}:${items}]`;
        }
      }
    }
  }
  if (extra !== undefined) for (const [k, v] of extra) s += tnsPair(k, v);
  return `${s.length}:${s}}`;
}

/** Encodes one request message for a handler whose protocol is `json` or `tnetstring`, byte for byte as C does. */
export function encodeHandlerRequest(f: HandlerRequestFields, protocol: 'json' | 'tnetstring'): Uint8Array {
  const headers = protocol === 'json' ? jsonHeaders(f) : tnetHeaders(f);
  const head = `${f.sender} ${f.connId} ${f.path} ${headers}${f.body.length}:`;
  return joinHeadBody(head, f.body, 0x2c);
}
