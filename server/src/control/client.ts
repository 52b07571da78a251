// The client half of the control port, as `m2sh control` uses it (parse_input, display_response,
// display_map_style, display_table_style and send_recv_control in tools/m2sh/src/commands/running.c, print_datum
// in query_print.c): a typed line becomes a [cmd, {key: value}] request, a reply becomes the text m2sh prints,
// and requests go over a 0MQ REQ socket that gives up after a timeout instead of hanging.
import { Request } from 'zeromq';
import { decodeControlReply, encodeControlRequest, type TnsDict, type TnsValue } from '@m2/shared';

/** How long `m2sh control` waits for an answer before saying the server is not there. */
export const CONTROL_TIMEOUT_MS = 5000;

/**
 * Parses `cmd key=val key=val` (split on space, tab, newline and `=`; empty pieces dropped) into a request;
 * values that are whole integers become integers, others strings. Null when the pieces do not pair up.
 */
export function parseControlLine(line: string): { name: string; args: TnsDict } | null {
  const words = line.trim().split(/[ \t\n=]/).filter((w) => w !== '');
  const [name] = words;
  if (name === undefined || words.length % 2 === 0) return null;
  const args: TnsDict = new Map();
  for (let i = 1; i + 1 < words.length; i += 2) {
    const value = words[i + 1]!;
    const n = /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
    args.set(words[i]!, Number.isSafeInteger(n) ? n : value);
  }
  return { name, args };
}

/** One cell as print_datum prints a tnetstring value. */
export function renderControlDatum(v: TnsValue | undefined): string {
  if (typeof v === 'string') {
    const nul = v.indexOf('\0');
    return nul >= 0 ? v.slice(0, nul) : v;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(6);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return '(null)';
  return 'NA';
}

function tag(v: TnsValue | undefined): string {
  if (v === undefined) return '*';
  if (Array.isArray(v)) return ']';
  if (v instanceof Map) return '}';
  return v === null ? '~' : typeof v === 'boolean' ? '!' : typeof v === 'number' ? (Number.isInteger(v) ? '#' : '^') : ',';
}

/** What m2sh shows for one reply: text for stdout and complaints for its error log (in that order of use). */
export function renderControlReply(bytes: Uint8Array | string): { out: string; errors: string[] } {
  const reply = decodeControlReply(bytes);
  if (reply.kind === 'invalid') return { out: '', errors: [reply.problem] };
  if (reply.kind === 'error') return { out: `ERROR: ${renderControlDatum(reply.message)}\n`, errors: [] };
  const { headers, rows } = reply;
  let out = '';
  const first = rows[0];
  const cols = Array.isArray(first) ? first.length : 0;
  if (rows.length === 1) {
    // map style: one `header:  value` line per column
    if (!Array.isArray(first)) return { out, errors: ['Invalid query result, probably not a table.'] };
    if (cols !== headers.length) return { out, errors: ["Server returned a bad result, names isn't same length as elements."] };
    for (let i = 0; i < cols; i++) {
      const h = headers[i];
      if (typeof h !== 'string') return { out, errors: ['Headers should be strings.'] };
      out += `${h}:  ${renderControlDatum(first[i])}\n`;
    }
    return { out, errors: [] };
  }
  // table style: headers, then every row, each cell followed by two spaces; a blank line after
  for (const h of headers) {
    if (typeof h !== 'string') return { out, errors: [`Headers should be strings, not: ${tag(h)}`] };
    out += `${h}  `;
  }
  out += '\n';
  if (rows.length > 0 && !Array.isArray(first)) return { out, errors: ['Invalid query results, probably not in table format.'] };
  for (const row of rows) {
    for (let c = 0; c < cols; c++) out += `${Array.isArray(row) && c < row.length ? renderControlDatum(row[c]) : 'NA'}  `;
    out += '\n';
  }
  return { out: out + '\n', errors: [] };
}

/** A REQ connection to a control port; a request that is not answered in time resets the socket. */
export class ControlClient {
  private sock: Request | null = null;

  constructor(readonly endpoint: string, private readonly timeoutMs = CONTROL_TIMEOUT_MS) {}

  /** Opens the socket now, so a malformed endpoint throws here rather than at the first request. */
  open(): void {
    this.socket();
  }

  private socket(): Request {
    if (!this.sock) {
      const sock = new Request({ linger: 0, sendTimeout: this.timeoutMs, receiveTimeout: this.timeoutMs });
      try {
        sock.connect(this.endpoint);
      } catch (e) {
        sock.close();
        throw e;
      }
      this.sock = sock;
    }
    return this.sock;
  }

  /** Sends one request and returns the reply frame, or null when none came within the timeout. */
  async request(name: string, args: TnsDict = new Map()): Promise<Uint8Array | null> {
    try {
      const sock = this.socket();
      await sock.send(encodeControlRequest(name, args));
      const [reply] = await sock.receive();
      return reply ?? new Uint8Array();
    } catch {
      // A REQ socket that sent without an answer cannot send again: start over with a fresh one.
      this.close();
      return null;
    }
  }

  /** Closes the socket (a later request opens a new one). */
  close(): void {
    if (this.sock && !this.sock.closed) this.sock.close();
    this.sock = null;
  }
}
