// Reading a server's access log from its end (spec §9, log/access-log.ts): each line is a tnetstring list
// [host, remote addr, remote port, unix time, method, path, version, status, size] and a newline. A log grows
// without bound, so the console only ever reads its tail: backwards in chunks until it has the lines it wants,
// or a byte range (what was appended since the last look).
import { open } from 'node:fs/promises';
import { decodeTns, type AccessLogEntry } from '@m2/shared';

/** How much of a file one tail read may take at most. */
export const TAIL_MAX_BYTES = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;
const NL = 0x0a;

/** Parses one access-log line (without its newline); null when it is not an entry. */
export function parseAccessLine(line: Uint8Array): AccessLogEntry | null {
  let v;
  try {
    const decoded = decodeTns(line, 0);
    if (decoded.end !== line.length) return null;
    v = decoded.value;
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 9) return null;
  const [host, addr, port, time, method, path, version, status, size] = v;
  if (typeof host !== 'string' || typeof addr !== 'string' || typeof method !== 'string' || typeof path !== 'string'
    || typeof version !== 'string') return null;
  if (![port, time, status, size].every((n) => typeof n === 'number' && Number.isInteger(n))) return null;
  return { host, addr, port: port as number, time: time as number, method, path, version, status: status as number, size: size as number };
}

/** The complete lines of `buf` (a trailing piece without its newline is left out; with `partialStart`, the
 *  first piece is too, since the read began mid-line). */
export function completeLines(buf: Uint8Array, partialStart: boolean): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let from = 0;
  if (partialStart) {
    const first = buf.indexOf(NL);
    if (first < 0) return lines;
    from = first + 1;
  }
  for (let nl = buf.indexOf(NL, from); nl >= 0; nl = buf.indexOf(NL, from)) {
    lines.push(buf.subarray(from, nl));
    from = nl + 1;
  }
  return lines;
}

/** The entries of some lines, skipping any that do not parse. */
export function parseAccessLines(lines: readonly Uint8Array[]): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  for (const line of lines) {
    const e = parseAccessLine(line);
    if (e) out.push(e);
  }
  return out;
}

/** What a tail read found. */
export interface Tail {
  exists: boolean;
  /** Complete lines, oldest first. */
  lines: Uint8Array[];
  /** Bytes read, and whether the file holds more before them. */
  bytesRead: number;
  truncated: boolean;
  /** The file's size when read. */
  size: number;
}

/** The last `n` complete lines of a file (Infinity: as many as fit), reading at most `maxBytes` from its end. */
export async function readLastLines(path: string, n: number, maxBytes = TAIL_MAX_BYTES): Promise<Tail> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return { exists: false, lines: [], bytesRead: 0, truncated: false, size: 0 };
  }
  try {
    const size = (await fh.stat()).size;
    const chunks: Buffer[] = [];
    let start = size;
    let newlines = 0;
    // n complete lines need the newline before the first of them, and one more when the file ends mid-line.
    while (start > 0 && size - start < maxBytes && newlines < n + 2) {
      const len = Math.min(CHUNK, start, maxBytes - (size - start));
      start -= len;
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, start);
      const got = buf.subarray(0, bytesRead);
      for (let i = got.indexOf(NL); i >= 0; i = got.indexOf(NL, i + 1)) newlines++;
      chunks.unshift(got);
    }
    const lines = completeLines(Buffer.concat(chunks), start > 0);
    return { exists: true, lines: lines.slice(Math.max(0, lines.length - n)), bytesRead: size - start, truncated: start > 0, size };
  } finally {
    await fh.close();
  }
}

/** The complete lines between byte `from` and the end of a file (at most `maxBytes`, the last ones), and the
 *  offset just past the last complete line, where the next read should begin. */
export async function readAppended(path: string, from: number, maxBytes = TAIL_MAX_BYTES): Promise<{ lines: Uint8Array[]; next: number; size: number; skipped: boolean }> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return { lines: [], next: 0, size: 0, skipped: false };
  }
  try {
    const size = (await fh.stat()).size;
    const begin = size < from ? 0 : from; // smaller than before: the log was rotated or truncated
    const start = Math.max(begin, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    const { bytesRead } = await fh.read(buf, 0, buf.length, start);
    const got = buf.subarray(0, bytesRead);
    const lines = completeLines(got, start > begin);
    const lastNl = got.lastIndexOf(NL);
    return { lines, next: lastNl >= 0 ? start + lastNl + 1 : begin, size, skipped: start > begin };
  } finally {
    await fh.close();
  }
}
