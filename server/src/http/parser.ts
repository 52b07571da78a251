// Mirrors src/http11/http11_parser.rl (request line and header grammar), src/request.c (header_field_cb's
// limits.header_count cap, header_done_cb's Content-Length/chunked/Host extraction) and connection.c's
// Connection_read_header (a head must fit in limits.buffer_size). Adds decision 11: invalid or conflicting
// Content-Length, missing/duplicate/invalid Host on HTTP/1.1, chunked on HTTP/1.0 and chunked + Content-Length
// are 400s. Pure: bytes in, values out, never throws.
import type { HttpRequest } from './request.js';
import { CLASS, C_BADVALUE, C_DIGIT, C_METHOD, C_TCHAR, checkAuthority, internedName, scanTargetChars, splitTarget, type TargetParts } from './parser-uri.js';

/** The settings the parser obeys: limits.buffer_size, limits.header_count and request.relaxed. */
export interface ParserLimits {
  /** Maximum head size in bytes, request line through the blank line (limits.buffer_size, 4096). */
  bufferSize: number;
  /** Distinct header names kept; later headers are dropped as C does (limits.header_count, 1280). */
  headerCount: number;
  /** Allow `{`, `}` and `^` in the request-target (request.relaxed). */
  relaxed: boolean;
}

/** Mongrel2's default limits. */
export const DEFAULT_PARSER_LIMITS: Readonly<ParserLimits> = Object.freeze({ bufferSize: 4096, headerCount: 1280, relaxed: false });

/** Why a head was refused; every one of them is answered with the built-in 400. */
export type HttpErrorCode =
  | 'M2_ERR_HTTP_REQUEST_LINE' | 'M2_ERR_HTTP_METHOD' | 'M2_ERR_HTTP_URI' | 'M2_ERR_HTTP_VERSION'
  | 'M2_ERR_HTTP_HEADER' | 'M2_ERR_HTTP_TOO_LARGE' | 'M2_ERR_HTTP_CONTENT_LENGTH'
  | 'M2_ERR_HTTP_TRANSFER_ENCODING' | 'M2_ERR_HTTP_CHUNKED' | 'M2_ERR_HTTP_HOST';

/** The outcome of one parse attempt. */
export type ParseResult =
  | { kind: 'incomplete' }
  | { kind: 'error'; code: HttpErrorCode; reason: string }
  | { kind: 'ok'; request: HttpRequest; headEnd: number };

type Fail = { kind: 'error'; code: HttpErrorCode; reason: string };
const INCOMPLETE: ParseResult = Object.freeze({ kind: 'incomplete' });
const fail = (code: HttpErrorCode, reason: string): Fail => ({ kind: 'error', code, reason });
const HTTP_1_ = [72, 84, 84, 80, 47, 49, 46]; // "HTTP/1."
const parts: TargetParts = { end: 0, query: -1, hash: -1, bracket: -1, pathStart: 0, pathEnd: 0, authStart: -1, authEnd: -1, absolute: false };

// Case-insensitive compare of a token in buf[s, e) with a lower-case ASCII name.
function nameIs(buf: Buffer, s: number, e: number, lower: string): boolean {
  if (e - s !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) if ((buf[s + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

// Checks the request line buf[s, e) (CR already cut); a partial line only has to be a valid prefix. Fills parts.
function requestLine(buf: Buffer, s: number, e: number, complete: boolean, relaxed: boolean): Fail | null {
  let i = s;
  while (i < e && (CLASS[buf[i]!]! & C_METHOD) !== 0) i++;
  if (i - s > 20) return fail('M2_ERR_HTTP_METHOD', 'method longer than 20 bytes');
  if (i === e) return !complete ? null : fail('M2_ERR_HTTP_REQUEST_LINE', i === s ? 'empty request line' : 'no request-target');
  if (i === s || buf[i] !== 32) return fail('M2_ERR_HTTP_METHOD', 'method must be 1-20 of A-Z 0-9, then one SP');
  const ts = i + 1;
  const bad = scanTargetChars(buf, ts, e, relaxed, complete, parts);
  if (bad !== null) return fail('M2_ERR_HTTP_URI', bad);
  const te = parts.end;
  if (te >= e) return complete ? fail('M2_ERR_HTTP_REQUEST_LINE', 'no HTTP version') : null;
  const vs = te + 1, vlen = e - vs;
  if (vlen > 8 || (complete && vlen !== 8)) return fail('M2_ERR_HTTP_VERSION', 'version must be HTTP/1.0 or HTTP/1.1');
  for (let k = 0; k < vlen; k++) {
    const c = buf[vs + k]!;
    if (k < 7 ? c !== HTTP_1_[k] : c !== 48 && c !== 49) return fail('M2_ERR_HTTP_VERSION', 'version must be HTTP/1.0 or HTTP/1.1');
  }
  if (!complete) return null;
  const split = splitTarget(buf, ts, te, relaxed, parts);
  return split === null ? null : fail('M2_ERR_HTTP_URI', split);
}

// Checks one header line buf[s, e) (CR cut); returns the colon's offset, -1 for a valid partial line, or a Fail.
function headerLine(buf: Buffer, s: number, e: number, complete: boolean): number | Fail {
  const c0 = buf[s];
  if (c0 === 32 || c0 === 9) return fail('M2_ERR_HTTP_HEADER', 'obsolete line folding (continuation line)');
  let i = s;
  while (i < e && (CLASS[buf[i]!]! & C_TCHAR) !== 0) i++;
  if (i === e) return complete ? fail('M2_ERR_HTTP_HEADER', 'header line without ":"') : -1;
  if (buf[i] !== 58) return fail('M2_ERR_HTTP_HEADER', 'invalid byte in header name');
  if (i === s) return fail('M2_ERR_HTTP_HEADER', 'empty header name');
  for (let j = i + 1; j < e; j++) {
    const c = buf[j]!;
    if ((c < 14 || c === 127) && (CLASS[c]! & C_BADVALUE) !== 0) return fail('M2_ERR_HTTP_HEADER', 'NUL, CR or DEL in header value');
  }
  return complete ? i : -1;
}

// Content-Length value: 1*DIGIT, or a list of identical ones ("42, 42"); -1 when invalid or above 2^53 - 1.
function contentLength(buf: Buffer, s: number, e: number): number {
  let n = -1, i = s;
  for (;;) {
    while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
    let v = -1;
    for (; i < e && (CLASS[buf[i]!]! & C_DIGIT) !== 0; i++) {
      v = (v < 0 ? 0 : v * 10) + (buf[i]! - 48);
      if (v > Number.MAX_SAFE_INTEGER) return -1;
    }
    while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
    if (v < 0 || (n >= 0 && v !== n)) return -1;
    n = v;
    if (i === e) return n;
    if (buf[i++] !== 44) return -1;
  }
}

// Transfer-Encoding value: 1 when its last list member is chunked, 0 when it is something else, -1 when empty.
function lastCoding(buf: Buffer, s: number, e: number): number {
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9 || buf[e - 1] === 44)) e--;
  if (e === s) return -1;
  let b = e;
  while (b > s && buf[b - 1] !== 44 && buf[b - 1] !== 32 && buf[b - 1] !== 9) b--;
  return nameIs(buf, b, e, 'chunked') ? 1 : 0;
}

/**
 * Parses the request head at buf[start...]: `incomplete` until its blank line arrives (within limits.bufferSize
 * bytes), else `ok` with the offset just past the blank line, or `error` (a 400). The request's `head` is a copy,
 * not a view, because the caller reuses and compacts its read buffer while a request (a proxied one, say) lives on.
 */
export function parseRequestHead(buf: Buffer, start: number, limits: ParserLimits): ParseResult {
  const len = buf.length;
  if (!Number.isSafeInteger(start) || start < 0 || start > len) return INCOMPLETE;
  const size = limits.bufferSize > 0 ? limits.bufferSize : 0;
  const lim = Math.min(len, start + size);
  const full = lim - start >= size;
  let nl = start < lim ? buf.indexOf(10, start) : -1;
  if (nl >= lim) nl = -1;
  let le = nl >= 0 ? nl : lim;
  if (le > start && buf[le - 1] === 13) le--;
  const bad = requestLine(buf, start, le, nl >= 0, limits.relaxed);
  if (bad !== null) return bad;
  if (nl < 0) return full ? fail('M2_ERR_HTTP_TOO_LARGE', `head larger than limits.buffer_size (${size})`) : INCOMPLETE;
  const mEnd = buf.indexOf(32, start), ts = mEnd + 1, te = parts.end, v11 = buf[le - 1] === 49;
  const { query: q, hash: h, pathStart, pathEnd, authStart, authEnd, absolute } = parts;

  const headers: [string, string][] = [];
  let distinct: Set<string> | undefined;
  let hosts = 0, hostS = 0, hostE = 0, clen = -2, te1 = -1, pos = nl + 1, headEnd = -1;
  while (headEnd < 0) {
    let n = pos < lim ? buf.indexOf(10, pos) : -1;
    if (n >= lim) n = -1;
    let e = n >= 0 ? n : lim;
    if (e > pos && buf[e - 1] === 13) e--;
    if (e === pos && n >= 0) { headEnd = n + 1; break; }
    const colon = headerLine(buf, pos, e, n >= 0);
    if (typeof colon !== 'number') return colon;
    if (n < 0) return full ? fail('M2_ERR_HTTP_TOO_LARGE', `head larger than limits.buffer_size (${size})`) : INCOMPLETE;
    let vs = colon + 1, ve = e;
    while (vs < ve && (buf[vs] === 32 || buf[vs] === 9)) vs++;
    while (ve > vs && (buf[ve - 1] === 32 || buf[ve - 1] === 9)) ve--;
    const nlen = colon - pos;
    if (nlen === 4 && nameIs(buf, pos, colon, 'host')) {
      if (hosts++ === 0) { hostS = vs; hostE = ve; }
    } else if (nlen === 14 && nameIs(buf, pos, colon, 'content-length')) {
      const v = contentLength(buf, vs, ve);
      if (v < 0 || (clen >= 0 && v !== clen)) return fail('M2_ERR_HTTP_CONTENT_LENGTH', v < 0 ? 'invalid Content-Length' : 'conflicting Content-Length values');
      clen = v;
    } else if (nlen === 17 && nameIs(buf, pos, colon, 'transfer-encoding')) {
      const c = lastCoding(buf, vs, ve);
      if (c >= 0 || te1 < 0) te1 = c < 0 ? 0 : c;
    }
    const name = internedName(buf, pos, colon) ?? buf.toString('latin1', pos, colon);
    if (headers.length < limits.headerCount) {
      headers.push([name, buf.toString('latin1', vs, ve)]);
    } else {
      // C's header hash is full once it holds limits.header_count distinct names; after that every line is dropped.
      distinct ??= new Set(headers.map(([k]) => k.toLowerCase()));
      if (distinct.size < limits.headerCount) {
        distinct.add(name.toLowerCase());
        headers.push([name, buf.toString('latin1', vs, ve)]);
      }
    }
    pos = n + 1;
  }

  if (te1 >= 0) {
    if (te1 === 0) return fail('M2_ERR_HTTP_TRANSFER_ENCODING', 'Transfer-Encoding whose final coding is not chunked');
    if (!v11) return fail('M2_ERR_HTTP_CHUNKED', 'chunked body on an HTTP/1.0 request');
    if (clen >= 0) return fail('M2_ERR_HTTP_CHUNKED', 'both Transfer-Encoding: chunked and Content-Length');
  }
  if (hosts > 1) return fail('M2_ERR_HTTP_HOST', 'more than one Host header');
  if (hosts === 1 && checkAuthority(buf, hostS, hostE, false, false) !== null) return fail('M2_ERR_HTTP_HOST', 'invalid Host value');
  if (hosts === 0 && v11) return fail('M2_ERR_HTTP_HOST', 'HTTP/1.1 request without Host');

  const target = buf.toString('latin1', ts, te);
  const qEnd = h >= 0 ? h : te;
  const query = q >= 0 ? target.slice(q + 1 - ts, qEnd - ts) : undefined;
  let path = target.slice(pathStart - ts, pathEnd - ts);
  if (authStart >= 0 && path === '') path = '/';
  const head = Buffer.allocUnsafe(headEnd - start);
  buf.copy(head, 0, start, headEnd);
  const request: HttpRequest = {
    method: methodName(buf, start, mEnd),
    target,
    path,
    query,
    fragment: h >= 0 ? target.slice(h + 1 - ts) : undefined,
    uri: !absolute ? target.slice(0, qEnd - ts) : query === undefined ? path : `${path}?${query}`,
    authority: authStart >= 0 ? buf.toString('latin1', authStart, authEnd) : undefined,
    version: v11 ? 'HTTP/1.1' : 'HTTP/1.0',
    headers,
    head,
    contentLength: te1 === 1 ? -1 : clen >= 0 ? clen : 0,
    chunked: te1 === 1,
  };
  return { kind: 'ok', request, headEnd };
}

// The method as a string, with the common ones interned.
function methodName(buf: Buffer, s: number, e: number): string {
  const n = e - s, c = buf[s];
  if (n === 3 && c === 71 && buf[s + 1] === 69 && buf[s + 2] === 84) return 'GET';
  if (n === 4 && c === 80 && buf[s + 1] === 79 && buf[s + 2] === 83 && buf[s + 3] === 84) return 'POST';
  if (n === 4 && c === 72 && buf[s + 1] === 69 && buf[s + 2] === 65 && buf[s + 3] === 68) return 'HEAD';
  return buf.toString('latin1', s, e);
}
