// Conditional requests and byte ranges for Dir. Mirrors Dir_calculate_response / Dir_none_match /
// Dir_if_modified_since in src/dir.c and Request_get_date in src/request.c (the order of the checks and the 304/412
// outcomes), with decision 9's real entity-tag comparison. Range / If-Range (RFC 9110 §14) are new: 1.13 had none.

import { headerValue, headerValues, type HttpRequest } from '../http/request.js';

/** What a file's validators are: Mongrel2's unquoted ETag, its mtime in whole seconds, and its size. */
export interface Validators {
  etag: string;
  mtimeSec: number;
  size: number;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_NAMES = new Set([...DAYS, 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];

const IMF = /^\s*([a-z]+),\s*(\d{1,2})[\s-]+([a-z]+)[\s-]+(\d{4}|\d{2})\s+(\d{1,2}):(\d{1,2}):(\d{1,2})\s+GMT\b/i;
const ASCTIME = /^\s*([a-z]+)\s+([a-z]+)\s+(\d{1,2})\s+(\d{1,2}):(\d{1,2}):(\d{1,2})\s+(\d{4})\s*$/i;

function monthIndex(name: string): number {
  const n = name.toLowerCase();
  const i = MONTHS.indexOf(n);
  return i >= 0 ? i : MONTH_FULL.indexOf(n);
}

function toEpoch(year: number, month: number, day: number, h: number, m: number, s: number): number | undefined {
  if (month < 0 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return undefined;
  return Math.floor(Date.UTC(year, month, day, h, m, s) / 1000);
}

/**
 * Parses an HTTP-date into epoch seconds (UTC): IMF-fixdate as Mongrel2's strptime format does (day/month names
 * case-insensitive, abbreviated or full, anything after `GMT` ignored), plus RFC 850 and asctime; else undefined.
 */
export function parseHttpDate(value: string): number | undefined {
  let m = IMF.exec(value);
  if (m) {
    const [, day, dd, mon, yy, hh, mi, ss] = m as unknown as string[];
    if (!DAY_NAMES.has(day!.toLowerCase())) return undefined;
    let year = Number(yy);
    if (yy!.length === 2) year += year < 70 ? 2000 : 1900;
    return toEpoch(year, monthIndex(mon!), Number(dd), Number(hh), Number(mi), Number(ss));
  }
  m = ASCTIME.exec(value);
  if (m) {
    const [, day, mon, dd, hh, mi, ss, yyyy] = m as unknown as string[];
    if (!DAY_NAMES.has(day!.toLowerCase())) return undefined;
    return toEpoch(Number(yyyy), monthIndex(mon!), Number(dd), Number(hh), Number(mi), Number(ss));
  }
  return undefined;
}

/** Whether a comma list of entity-tags names ours as `etag`, `"etag"` or `W/"etag"` (Mongrel2's tag is unquoted). */
export function etagListMatches(list: string, etag: string): boolean {
  const quoted = `"${etag}"`;
  for (const raw of list.split(',')) {
    const t = raw.trim();
    if (t === etag || t === quoted || t === `W/${quoted}`) return true;
  }
  return false;
}

const joined = (req: HttpRequest, name: string): string | undefined => {
  const all = headerValues(req, name);
  return all.length === 0 ? undefined : all.join(', ');
};

const dateHeader = (req: HttpRequest, name: string): number | undefined => {
  const v = headerValue(req, name);
  return v === undefined ? undefined : parseHttpDate(v);
};

/**
 * Decides 200, 304 or 412 the way Dir_calculate_response orders it: If-Match (412 unless `*` or a real match),
 * If-Unmodified-Since (412 when the file is newer), If-None-Match (`*` or a match → 304), and If-Modified-Since
 * (not in the future and the file not newer → 304), which 1.13 also consults when If-None-Match did not match.
 */
export function evaluateConditionals(req: HttpRequest, v: Validators, nowSec: number): 200 | 304 | 412 {
  const ifMatch = joined(req, 'if-match');
  if (ifMatch !== undefined && ifMatch.trim() !== '*' && !etagListMatches(ifMatch, v.etag)) return 412;
  const ius = dateHeader(req, 'if-unmodified-since');
  if (ius !== undefined && v.mtimeSec > ius) return 412;
  const inm = joined(req, 'if-none-match');
  if (inm !== undefined && (inm.trim() === '*' || etagListMatches(inm, v.etag))) return 304;
  const ims = dateHeader(req, 'if-modified-since');
  if (ims !== undefined && ims <= nowSec && v.mtimeSec <= ims) return 304;
  return 200;
}

/** The outcome of a Range header: serve it all, serve `[start, end)`, or answer 416. */
export type RangeDecision = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const FULL: RangeDecision = { kind: 'full' };

/** Whether If-Range (absent, or naming our strong ETag or exactly our Last-Modified second) lets a Range apply. */
export function ifRangeAllows(req: HttpRequest, v: Validators): boolean {
  const raw = headerValue(req, 'if-range');
  if (raw === undefined) return true;
  const t = raw.trim();
  if (t === v.etag || t === `"${v.etag}"`) return true;
  if (t.startsWith('W/') || t.startsWith('"')) return false;
  const date = parseHttpDate(t);
  return date !== undefined && date === v.mtimeSec;
}

const INT_RANGE = /^(\d+)-(\d*)$/;
const SUFFIX_RANGE = /^-(\d+)$/;

/**
 * Reads a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range for a GET (after If-Range). Anything else — no header,
 * another unit, bad syntax, or several ranges (multipart/byteranges is not offered) — serves the whole file.
 */
export function evaluateRange(req: HttpRequest, v: Validators): RangeDecision {
  const header = headerValue(req, 'range');
  if (header === undefined) return FULL;
  const eq = header.indexOf('=');
  if (eq < 0 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return FULL;
  const specs = header.slice(eq + 1).split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (specs.length !== 1 || !ifRangeAllows(req, v)) return FULL;
  const spec = specs[0]!;
  const size = v.size;
  const int = INT_RANGE.exec(spec);
  if (int) {
    const first = Number(int[1]);
    const last = int[2] === '' ? Infinity : Number(int[2]);
    if (last < first) return FULL;
    if (first >= size) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: first, end: Math.min(last + 1, size) };
  }
  const suffix = SUFFIX_RANGE.exec(spec);
  if (suffix) {
    const n = Number(suffix[1]);
    if (n === 0) return { kind: 'unsatisfiable' };
    if (size === 0) return FULL;
    return { kind: 'partial', start: Math.max(0, size - n), end: size };
  }
  return FULL;
}
