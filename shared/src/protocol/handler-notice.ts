// Mirrors Handler_notify_leave and Handler_notify_credits in src/handler.c: the messages mongrel2 generates on
// its own, addressed to path `@*` (spec §3.3). The header part follows the handler's protocol (a JSON netstring,
// or a tnetstring dict rendered backwards as C's outbuf does, so DOWNLOAD_CREDITS precedes METHOD), but the
// body is always a JSON netstring: `{"type":"disconnect"}` or `{"type":"credits"}`.
import { writeLatin1 } from './handler-bytes.js';

const LEAVE_HEADER_JSON = '{"METHOD":"JSON"}';
const LEAVE_HEADER_TNET = '16:6:METHOD,4:JSON,}';
const LEAVE_MSG = '{"type":"disconnect"}';
const CREDITS_MSG = '{"type":"credits"}';

function bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  writeLatin1(text, out, 0);
  return out;
}

const netstring = (s: string): string => `${s.length}:${s},`;

/** Encodes the disconnect notice sent when a connection routed to a handler goes away (or a reply targets a dead id). */
export function encodeDisconnect(sender: string, connId: number | string, protocol: 'json' | 'tnetstring'): Uint8Array {
  const headers = protocol === 'tnetstring' ? LEAVE_HEADER_TNET : netstring(LEAVE_HEADER_JSON);
  return bytes(`${sender} ${connId} @* ${headers}${netstring(LEAVE_MSG)}`);
}

/** Encodes the flow-control notice granting `credits` download bytes (download.flow_control=1); `%d`-formatted. */
export function encodeCredits(
  sender: string,
  connId: number | string,
  credits: number,
  protocol: 'json' | 'tnetstring',
): Uint8Array {
  const n = String(Math.trunc(credits));
  let headers: string;
  if (protocol === 'tnetstring') {
    const pairs = `16:DOWNLOAD_CREDITS,${netstring(n)}6:METHOD,4:JSON,`;
    headers = `${pairs.length}:${pairs}}`;
  } else {
    headers = netstring(`{"METHOD":"JSON","DOWNLOAD_CREDITS":"${n}"}`);
  }
  return bytes(`${sender} ${connId} @* ${headers}${netstring(CREDITS_MSG)}`);
}
