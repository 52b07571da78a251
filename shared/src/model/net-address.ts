// Host addresses as the config tables hold them: server.bind_addr (where mongrel2 listens), proxy.addr (the
// backend it connects to) and the host part of a handler's tcp:// endpoint. Each is an IPv4 literal in the
// strict dotted-quad form inet_pton accepts (no leading zeros), an IPv6 literal (RFC 4291 §2.2 text forms, with
// an optional `%zone`), or a host name (RFC 1123 labels; `_` allowed, as resolvers accept it).
import { quoted } from './errors.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const ZONE = /^[A-Za-z0-9_.-]+$/;
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** True for a dotted-quad IPv4 literal such as `127.0.0.1`. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** True for an IPv6 literal such as `::`, `::1`, `fe80::1%eth0` or `::ffff:10.0.0.1` (no brackets). */
export function isIpv6(text: string): boolean {
  const pct = text.indexOf('%');
  const addr = pct >= 0 ? text.slice(0, pct) : text;
  if (pct >= 0 && !ZONE.test(text.slice(pct + 1))) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const all = [...groups(halves[0]!), ...(halves.length === 2 ? groups(halves[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    // An embedded IPv4 address may only close the address (RFC 4291 §2.2, form 3).
    if (i === all.length - 1 && g.includes('.') && !addr.endsWith(':')) {
      if (!isIpv4(g)) return false;
      count += 2;
    } else if (HEX_GROUP.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for a host name: dot-separated labels of letters, digits, `-` and `_`, at most 253 characters. */
export function isHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  // An all-digit last label would make `256.1.1.1` a "name"; it is a bad IPv4 literal instead.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return false;
  return labels.every((l) => LABEL.test(l));
}

/** Null when `text` is an IPv4 literal, IPv6 literal or host name; else what is wrong, to follow a field name. */
export function checkHostAddress(text: string): string | null {
  if (text.length === 0) return 'must not be empty';
  if (isIpv4(text) || isIpv6(text) || isHostname(text)) return null;
  if (text.startsWith('[') && text.endsWith(']')) return `must be written without brackets: '${text.slice(1, -1)}'`;
  return `${quoted(text)} is not an IPv4 address, an IPv6 address or a host name`;
}
