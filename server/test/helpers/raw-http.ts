// A raw HTTP client for tests: writes exact bytes on a fresh TCP connection and reads what comes back until
// the response is complete (by Content-Length), the server closes, or it goes quiet.
import { connect } from 'node:net';

/** What came back for one exchange. */
export interface RawReply {
  bytes: Buffer;
  /** Whether the server closed the connection within the wait. */
  closed: boolean;
}

/** The end offset of the first complete response in `buf` (head + Content-Length body), or -1. */
export function responseEnd(buf: Buffer, headOnly = false): number {
  const sep = buf.indexOf('\r\n\r\n');
  if (sep < 0) return -1;
  const head = buf.subarray(0, sep).toString('latin1');
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const len = headOnly || !m ? 0 : Number(m[1]);
  if (!m && !headOnly && !/^HTTP\/1\.\d (1\d\d|204|304)/.test(head) && !/\r\ncontent-length/i.test(head)) return -1;
  return buf.length >= sep + 4 + len ? sep + 4 + len : -1;
}

/** Sends `data`, then collects the reply; `opts.halfClose` ends the write side after sending. */
export function exchange(port: number, data: Buffer | string, opts: { halfClose?: boolean; quietMs?: number; waitClose?: boolean; headOnly?: boolean } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ bytes: Buffer.concat(chunks), closed });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), opts.quietMs ?? 400);
    };
    sock.on('connect', () => {
      sock.write(data);
      if (opts.halfClose) sock.end();
      quiet();
    });
    sock.on('data', (d) => {
      chunks.push(d);
      if (!opts.waitClose && responseEnd(Buffer.concat(chunks), opts.headOnly) >= 0) {
        // complete: give the server a moment to close, so `closed` is meaningful
        clearTimeout(timer);
        timer = setTimeout(() => finish(false), 60);
        return;
      }
      quiet();
    });
    sock.on('end', () => finish(true));
    sock.on('close', () => finish(true));
    sock.on('error', (e) => (settled ? undefined : chunks.length ? finish(true) : reject(e)));
  });
}

/** A response split into status line, headers (without Date) and body, for comparing two servers. */
export function comparable(reply: Buffer): { status: string; headers: string[]; body: string } {
  const sep = reply.indexOf('\r\n\r\n');
  if (sep < 0) return { status: reply.toString('latin1'), headers: [], body: '' };
  const [status, ...headers] = reply.subarray(0, sep).toString('latin1').split('\r\n');
  return {
    status: status ?? '',
    // The reference is Debian's 1.12.2; we identify as the 1.13.0 whose behaviour we follow.
    headers: headers.filter((h) => !/^date:/i.test(h)).map((h) => h.replace(/^Server: Mongrel2\/1\.12\.2$/, 'Server: Mongrel2/1.13.0')),
    body: reply.subarray(sep + 4).toString('latin1'),
  };
}
