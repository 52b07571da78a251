// Mirrors src/http11/http11_parser.rl: the RFC 3986 request-target grammar of Mongrel2's Ragel parser
// (URI_reference = absolute URI | relative reference, `{` `}` `^` only with request.relaxed), its header token
// set, and the RFC 9110 Host syntax that decision 11 adds. Byte-class tables, no regex on the hot path.

/** Byte-class bits of CLASS. */
export const C_UNRESERVED = 1, C_SUB = 2, C_MORE = 4, C_HEX = 8, C_TCHAR = 16, C_ALPHA = 32, C_SCHEME = 64,
  C_DIGIT = 128, C_METHOD = 256, C_BADVALUE = 512;

/** One Uint16 of class bits per byte value. */
export const CLASS: Uint16Array = (() => {
  const t = new Uint16Array(256);
  const set = (chars: string, bit: number): void => {
    for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)]! |= bit;
  };
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower = upper.toLowerCase(), digits = '0123456789';
  set(upper + lower, C_ALPHA);
  set(digits, C_DIGIT);
  set(upper + digits, C_METHOD);
  set(upper + lower + digits + '-._~', C_UNRESERVED);
  set("!$&'()*+,;=", C_SUB);
  set('{}^', C_MORE);
  set(digits + 'abcdefABCDEF', C_HEX);
  set(upper + lower + digits + "!#$%&'*+-.^_`|~", C_TCHAR);
  set(upper + lower + digits + '+-.', C_SCHEME);
  t[0]! |= C_BADVALUE; t[13]! |= C_BADVALUE; t[127]! |= C_BADVALUE;
  return t;
})();

/** Where the pieces of a request-target lie in the buffer (offsets; -1 when absent). */
export interface TargetParts {
  /** The SP that ends the target, or the end of the scanned range. */
  end: number;
  query: number;
  hash: number;
  bracket: number;
  pathStart: number;
  pathEnd: number;
  authStart: number;
  authEnd: number;
  absolute: boolean;
}

const isHex = (c: number | undefined): boolean => c !== undefined && (CLASS[c]! & C_HEX) !== 0;

/**
 * Scans request-target bytes from `ts` until SP or `e`, checking every byte's class and percent-escapes; records
 * the first `?`, `#` and `[` in `out`. Returns an error reason, or null. `complete` false allows a cut-off escape.
 */
export function scanTargetChars(buf: Buffer, ts: number, e: number, relaxed: boolean, complete: boolean, out: TargetParts): string | null {
  const ok = relaxed ? C_UNRESERVED | C_SUB | C_MORE : C_UNRESERVED | C_SUB;
  let q = -1, h = -1, br = -1, i = ts;
  for (; i < e; i++) {
    const c = buf[i]!;
    const k = CLASS[c]!;
    if ((k & ok) !== 0) continue;
    switch (c) {
      case 58: case 64: case 47: continue; // : @ /
      case 32: break; // SP ends the target
      case 37: // %
        if (i + 2 < e ? !(isHex(buf[i + 1]) && isHex(buf[i + 2])) : complete || (i + 1 < e && !isHex(buf[i + 1]))) {
          return 'bad percent-escape in request-target';
        }
        i += 2; // a cut-off escape (complete false) just runs past e
        continue;
      case 63: if (q < 0 && h < 0) q = i; continue; // ?
      case 35: if (h >= 0) return 'second "#" in request-target'; h = i; continue;
      case 91: case 93: // [ ]
        if (q >= 0 || h >= 0) return '"[" or "]" in query or fragment';
        if (br < 0) br = i;
        continue;
      default:
        return (k & C_MORE) !== 0 ? '"{", "}" and "^" need request.relaxed' : 'invalid byte in request-target';
    }
    break;
  }
  out.end = i < e ? i : e;
  out.query = q; out.hash = h; out.bracket = br;
  return null;
}

/** Splits a fully scanned target into path/authority per the grammar; returns an error reason, or null. */
export function splitTarget(buf: Buffer, ts: number, te: number, relaxed: boolean, out: TargetParts): string | null {
  const pe = out.query >= 0 ? out.query : out.hash >= 0 ? out.hash : te;
  out.pathStart = ts; out.pathEnd = pe; out.authStart = -1; out.authEnd = -1; out.absolute = false;
  const br = out.bracket;
  if (pe === ts) return null;
  let p = ts;
  const c0 = buf[ts]!;
  if ((CLASS[c0]! & C_ALPHA) !== 0) {
    let j = ts + 1;
    while (j < pe && (CLASS[buf[j]!]! & C_SCHEME) !== 0) j++;
    if (j < pe && buf[j] === 58) { out.absolute = true; p = j + 1; out.pathStart = p; }
  }
  if (p + 1 < pe && buf[p] === 47 && buf[p + 1] === 47) {
    const as = p + 2;
    let ae = as;
    while (ae < pe && buf[ae] !== 47) ae++;
    if (br >= 0 && br < as) return '"[" or "]" outside an IP literal';
    const err = checkAuthority(buf, as, ae, relaxed, true);
    if (err !== null) return err;
    if (br >= 0) for (let j = ae; j < pe; j++) if (buf[j] === 91 || buf[j] === 93) return '"[" or "]" outside an IP literal';
    if (out.absolute) { out.authStart = as; out.authEnd = ae; out.pathStart = ae; }
    return null;
  }
  if (br >= 0) return '"[" or "]" outside an IP literal';
  if (!out.absolute && c0 !== 47) {
    for (let j = ts; j < pe && buf[j] !== 47; j++) if (buf[j] === 58) return '":" in the first segment of a relative path';
  }
  return null;
}

/**
 * Checks `[userinfo@]host[:port]` in buf[s, e) (host = IP literal or reg-name, pct-escapes allowed); returns an
 * error reason, or null. The Host header uses it with userinfo off and relaxed off.
 */
export function checkAuthority(buf: Buffer, s: number, e: number, relaxed: boolean, userinfo: boolean): string | null {
  const ok = relaxed ? C_UNRESERVED | C_SUB | C_MORE : C_UNRESERVED | C_SUB;
  let hs = s, at = s;
  while (at < e && buf[at] !== 64) at++;
  if (at < e) {
    if (!userinfo) return 'userinfo in Host';
    for (let j = s; j < at; j++) {
      const c = buf[j]!;
      if ((CLASS[c]! & ok) !== 0 || c === 58) continue;
      if (c === 37 && isHex(buf[j + 1]) && isHex(buf[j + 2]) && j + 2 < at) { j += 2; continue; }
      return 'invalid userinfo';
    }
    hs = at + 1;
  }
  let i = hs;
  if (i < e && buf[i] === 91) {
    let rb = i;
    while (rb < e && buf[rb] !== 93) rb++;
    if (rb >= e || !validIpLiteral(buf.toString('latin1', i + 1, rb), relaxed)) return 'invalid IP literal';
    i = rb + 1;
  } else {
    for (; i < e && buf[i] !== 58; i++) {
      const c = buf[i]!;
      if ((CLASS[c]! & ok) !== 0) continue;
      if (c === 37 && i + 2 < e && isHex(buf[i + 1]) && isHex(buf[i + 2])) { i += 2; continue; }
      return 'invalid host name';
    }
  }
  if (i === e) return null;
  if (buf[i] !== 58) return 'invalid host';
  for (i++; i < e; i++) if ((CLASS[buf[i]!]! & C_DIGIT) === 0) return 'invalid port';
  return null;
}

const H16 = /^[0-9A-Fa-f]{1,4}$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** RFC 3986 IP-literal contents (IPv6address or IPvFuture); rare path, so string work is fine. */
export function validIpLiteral(s: string, relaxed: boolean): boolean {
  if (s.charCodeAt(0) === 118 || s.charCodeAt(0) === 86) { // v / V: IPvFuture
    const dot = s.indexOf('.');
    if (dot < 2 || dot === s.length - 1 || !/^[0-9A-Fa-f]+$/.test(s.slice(1, dot))) return false;
    const ok = relaxed ? C_UNRESERVED | C_SUB | C_MORE : C_UNRESERVED | C_SUB;
    for (let i = dot + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 255 || ((CLASS[c]! & ok) === 0 && c !== 58)) return false;
    }
    return true;
  }
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return false;
  const groups = (part: string, last: boolean): number => {
    if (part === '') return 0;
    const g = part.split(':');
    let n = 0;
    for (let i = 0; i < g.length; i++) {
      const x = g[i]!;
      if (last && i === g.length - 1 && x.includes('.')) { if (!IPV4.test(x)) return -99; n += 2; } else if (H16.test(x)) n++; else return -99;
    }
    return n;
  };
  if (dbl < 0) return groups(s, true) === 8;
  const left = groups(s.slice(0, dbl), false), right = groups(s.slice(dbl + 2), true);
  return left >= 0 && right >= 0 && left + right <= 7;
}

// Header names clients send all the time, as sent and in lower case: parsing returns these very strings
// instead of decoding a new one per line (the biggest single cost of a head).
const COMMON_NAMES = ('Host User-Agent Accept Accept-Language Accept-Encoding Accept-Charset Connection Keep-Alive ' +
  'Referer Cookie Content-Length Content-Type Transfer-Encoding Cache-Control Pragma Upgrade Origin Authorization ' +
  'Expect Range If-Range If-Match If-None-Match If-Modified-Since If-Unmodified-Since Upgrade-Insecure-Requests ' +
  'X-Forwarded-For X-Forwarded-Proto X-Forwarded-Host X-Real-IP X-Requested-With DNT TE Via Priority ' +
  'Sec-WebSocket-Key Sec-WebSocket-Version Sec-WebSocket-Extensions Sec-WebSocket-Protocol Sec-Fetch-Site ' +
  'Sec-Fetch-Mode Sec-Fetch-Dest Sec-Fetch-User Sec-CH-UA Sec-CH-UA-Mobile Sec-CH-UA-Platform').split(' ');
const INTERNED: (string[] | undefined)[] = [];
for (const name of COMMON_NAMES.flatMap((n) => [n, n.toLowerCase()])) {
  const key = (name.length << 8) | name.charCodeAt(0);
  const bucket = (INTERNED[key] ??= []);
  if (!bucket.includes(name)) bucket.push(name);
}

/** The shared string for a common header name spelt exactly as in buf[s, e), or undefined. */
export function internedName(buf: Buffer, s: number, e: number): string | undefined {
  const n = e - s;
  if (n > 32) return undefined;
  const bucket = INTERNED[(n << 8) | buf[s]!];
  if (bucket === undefined) return undefined;
  next: for (let k = 0; k < bucket.length; k++) {
    const name = bucket[k]!;
    for (let i = 1; i < n; i++) if (buf[s + i] !== name.charCodeAt(i)) continue next;
    return name;
  }
  return undefined;
}
