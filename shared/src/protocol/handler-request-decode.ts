// Decodes a request message as a handler library reads it (examples/python/mongrel2/request.py `Request.parse`):
// split off `SENDER ID PATH` at the first three spaces, then one netstring holding a JSON header object (tag `,`)
// or one tnetstring dict (tag `}`), then the body netstring. Stricter than Python in two ways: the connection id
// must be digits and nothing may follow the body. Strings come back as byte strings (char code = byte), the
// inverse of encodeHandlerRequest; JSON `\uXXXX` escapes from other producers are honoured.
import { HandlerProtocolError, readDigits, readLatin1, type HandlerErrorCode } from './handler-bytes.js';

/** A decoded request message; `body` is a view into the message, not a copy. */
export interface DecodedHandlerRequest {
  sender: string;
  connId: string;
  path: string;
  headers: Map<string, string | string[]>;
  body: Uint8Array;
}

const fail = (code: HandlerErrorCode, message: string): never => {
  throw new HandlerProtocolError(code, message);
};

/** Reads `LEN:` at `at`; returns where the data starts and ends (the tag byte at `end` is below `limit`). */
function frame(b: Uint8Array, at: number, limit: number, code: HandlerErrorCode, what: string): { start: number; end: number } {
  const { value, end } = readDigits(b, at, Math.min(limit, at + 10));
  if (end === at) fail(code, `${what}: expected a length at byte ${at}`);
  if (b[end] !== 0x3a || end >= limit) fail(code, `${what}: expected ':' at byte ${end}`);
  const start = end + 1;
  if (start + value >= limit) fail(code, `${what}: length ${value} at byte ${at} runs past its container`);
  return { start, end: start + value };
}

/** Parses the JSON header object in `b[start, end)`: string keys, values a string or an array of strings. */
function parseJson(b: Uint8Array, start: number, end: number, out: Map<string, string | string[]>): void {
  let p = start;
  const bad = (what: string): never => fail('E_REQ_HEADERS', `JSON headers: ${what} at byte ${p}`);
  const ws = (): void => {
    while (p < end && (b[p] === 0x20 || b[p] === 0x09 || b[p] === 0x0a || b[p] === 0x0d)) p++;
  };
  const str = (): string => {
    if (b[p] !== 0x22) bad('expected a string');
    const from = ++p;
    while (p < end && b[p] !== 0x22 && b[p] !== 0x5c) p++;
    let s = readLatin1(b, from, p);
    while (p < end && b[p] === 0x5c) {
      const e = b[p + 1];
      p += 2;
      if (e === 0x75) {
        const hex = readLatin1(b, p, Math.min(p + 4, end));
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) bad('bad \\u escape');
        s += String.fromCharCode(parseInt(hex, 16));
        p += 4;
      } else {
        const ch = e === undefined || p > end ? undefined : ESCAPES[e];
        if (ch === undefined) bad('bad escape');
        s += ch;
      }
      const from2 = p;
      while (p < end && b[p] !== 0x22 && b[p] !== 0x5c) p++;
      s += readLatin1(b, from2, p);
    }
    if (p >= end) bad('unterminated string');
    p++;
    return s;
  };
  ws();
  if (b[p] !== 0x7b || p >= end) bad("expected '{'");
  p++;
  ws();
  if (b[p] === 0x7d && p < end) p++;
  else {
    for (;;) {
      ws();
      const key = str();
      ws();
      if (b[p] !== 0x3a || p >= end) bad("expected ':'");
      p++;
      ws();
      if (b[p] === 0x5b && p < end) {
        p++;
        ws();
        const list: string[] = [];
        if (b[p] === 0x5d && p < end) p++;
        else {
          for (;;) {
            ws();
            list.push(str());
            ws();
            if (p >= end) bad('unterminated array');
            if (b[p] === 0x5d) { p++; break; }
            if (b[p] !== 0x2c) bad("expected ',' or ']'");
            p++;
          }
        }
        out.set(key, list);
      } else out.set(key, str());
      ws();
      if (p >= end) bad('unterminated object');
      if (b[p] === 0x7d) { p++; break; }
      if (b[p] !== 0x2c) bad("expected ',' or '}'");
      p++;
    }
  }
  ws();
  if (p !== end) bad('trailing data after the object');
}

const ESCAPES: Record<number, string> = {
  0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t',
};

/** Parses the tnetstring dict data `b[start, end)`: string keys, values a string or a list of strings. */
function parseTnetDict(b: Uint8Array, start: number, end: number, out: Map<string, string | string[]>): void {
  const what = 'tnetstring headers';
  const str = (f: { start: number; end: number }, at: number): string => {
    if (b[f.end] !== 0x2c) fail('E_REQ_HEADERS', `${what}: expected a string at byte ${at}`);
    return readLatin1(b, f.start, f.end);
  };
  for (let p = start; p < end; ) {
    const k = frame(b, p, end, 'E_REQ_HEADERS', what);
    const key = str(k, p);
    const v = frame(b, k.end + 1, end, 'E_REQ_HEADERS', what);
    if (b[v.end] === 0x5d) {
      const list: string[] = [];
      for (let q = v.start; q < v.end; ) {
        const item = frame(b, q, v.end, 'E_REQ_HEADERS', what);
        list.push(str(item, q));
        q = item.end + 1;
      }
      out.set(key, list);
    } else out.set(key, str(v, k.end + 1));
    p = v.end + 1;
  }
}

/** Decodes a request message in either framing; throws a HandlerProtocolError on malformed input. */
export function decodeHandlerRequest(msg: Uint8Array): DecodedHandlerRequest {
  const s1 = msg.indexOf(0x20);
  const s2 = s1 < 0 ? -1 : msg.indexOf(0x20, s1 + 1);
  const s3 = s2 < 0 ? -1 : msg.indexOf(0x20, s2 + 1);
  if (s3 < 0) fail('E_REQ_ENVELOPE', 'expected SENDER SP ID SP PATH SP before the headers');
  if (s1 === 0) fail('E_REQ_ENVELOPE', 'empty sender');
  const connId = readLatin1(msg, s1 + 1, s2);
  if (!/^[0-9]+$/.test(connId)) fail('E_REQ_ENVELOPE', `connection id '${connId}' is not decimal digits`);
  const headers = new Map<string, string | string[]>();
  const h = frame(msg, s3 + 1, msg.length, 'E_REQ_HEADERS', 'headers');
  const tag = msg[h.end];
  if (tag === 0x2c) parseJson(msg, h.start, h.end, headers);
  else if (tag === 0x7d) parseTnetDict(msg, h.start, h.end, headers);
  else fail('E_REQ_HEADERS', `headers end in '${String.fromCharCode(tag ?? 0)}', not ',' or '}'`);
  const b = frame(msg, h.end + 1, msg.length, 'E_REQ_BODY', 'body');
  if (msg[b.end] !== 0x2c) fail('E_REQ_BODY', "body netstring must end in ','");
  if (b.end + 1 !== msg.length) fail('E_REQ_BODY', `${msg.length - b.end - 1} bytes after the body`);
  return {
    sender: readLatin1(msg, 0, s1),
    connId,
    path: readLatin1(msg, s2 + 1, s3),
    headers,
    body: msg.subarray(b.start, b.end),
  };
}
