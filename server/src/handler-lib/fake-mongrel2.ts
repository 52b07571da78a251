// Mongrel2's side of the handler sockets, for testing handlers without a server (spec §3.1): a PUSH bound where
// the handler's PULL connects (send_spec) and a SUB, subscribed to everything, bound where its PUB connects
// (recv_spec). Tests push request messages as exact bytes and read back exactly what the handler published.
// Binding to `tcp://127.0.0.1:*` picks free ports, so tests can run in parallel. The SUB is read from the start,
// as mongrel2's handler task does: a bound SUB only sends its subscription to a newly connected PUB once its
// owner calls into the socket, so a SUB nobody reads makes the handler's PUB drop everything.
import { Push, Subscriber } from 'zeromq';

/** A reply message as mongrel2 would split it: `UUID LEN:IDLIST, BODY` (no validation beyond the split). */
export interface ReplyParts {
  uuid: string;
  /** The id list as sent, without the `X ` extended marker. */
  ids: string[];
  extended: boolean;
  body: Buffer;
}

/** Splits a reply message into its parts; throws when it does not have the `UUID LEN:IDLIST, ` shape. */
export function splitReply(msg: Buffer): ReplyParts {
  const sp = msg.indexOf(0x20);
  const colon = msg.indexOf(0x3a, sp);
  if (sp < 1 || colon < 0) throw new Error(`not a reply: ${msg.subarray(0, 60).toString('latin1')}`);
  const len = Number(msg.subarray(sp + 1, colon).toString('latin1'));
  let list = msg.subarray(colon + 1, colon + 1 + len).toString('latin1');
  if (msg[colon + 1 + len] !== 0x2c || msg[colon + 2 + len] !== 0x20) throw new Error('reply id list is malformed');
  const extended = list.startsWith('X ');
  if (extended) list = list.slice(2);
  return { uuid: msg.subarray(0, sp).toString('latin1'), ids: list.split(' ').filter((s) => s !== ''), extended, body: msg.subarray(colon + 3 + len) };
}

/** Builds a JSON-protocol request message `SENDER ID PATH LEN:{headers},LEN:BODY,` (header values as byte strings). */
export function jsonRequest(sender: string, connId: string | number, path: string, headers: Record<string, string | string[]>, body: Uint8Array | string = ''): Buffer {
  const head = Buffer.from(JSON.stringify({ PATH: path, ...headers }), 'latin1');
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return Buffer.concat([
    Buffer.from(`${sender} ${connId} ${path} ${head.length}:`, 'latin1'),
    head,
    Buffer.from(`,${bytes.length}:`, 'latin1'),
    bytes,
    Buffer.from(',', 'latin1'),
  ]);
}

/** The disconnect notice mongrel2 sends (JSON protocol) when connection `connId` goes away. */
export function disconnectNotice(sender: string, connId: string | number): Buffer {
  return Buffer.from(`${sender} ${connId} @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},`, 'latin1');
}

/** A stand-in for mongrel2's handler sockets: push requests in, collect replies. */
export class FakeMongrel2 {
  private readonly push = new Push({ linger: 0, sendHighWaterMark: 0 });
  private readonly sub = new Subscriber({ linger: 0, receiveHighWaterMark: 0 });
  private readonly inbox: Buffer[] = [];
  private waiter: (() => void) | undefined;
  private sending: Promise<unknown> = Promise.resolve();
  /** The endpoint a handler's PULL connects to (mongrel2's send_spec). */
  sendSpec = '';
  /** The endpoint a handler's PUB connects to (mongrel2's recv_spec). */
  recvSpec = '';

  /** Binds both sockets (on free ports unless specs are given) and starts collecting replies. */
  static async start(sendSpec = 'tcp://127.0.0.1:*', recvSpec = 'tcp://127.0.0.1:*'): Promise<FakeMongrel2> {
    const fake = new FakeMongrel2();
    await fake.push.bind(sendSpec);
    fake.sub.subscribe();
    await fake.sub.bind(recvSpec);
    fake.sendSpec = fake.push.lastEndpoint ?? sendSpec;
    fake.recvSpec = fake.sub.lastEndpoint ?? recvSpec;
    void fake.collect();
    return fake;
  }

  private async collect(): Promise<void> {
    try {
      for await (const frames of this.sub) {
        this.inbox.push(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
        this.waiter?.();
      }
    } catch {
      // closed
    }
  }

  /** Pushes one request message (bytes, or a string sent as latin1 so each char is one byte) to the handler. */
  send(msg: Uint8Array | string): Promise<void> {
    const buf = typeof msg === 'string' ? Buffer.from(msg, 'latin1') : Buffer.from(msg);
    const next = this.sending.then(() => this.push.send(buf));
    this.sending = next.catch(() => undefined);
    return next;
  }

  /** How many replies arrived and were not yet taken. */
  get pending(): number {
    return this.inbox.length;
  }

  /** Waits for the next reply message (rejects after `timeoutMs`). */
  async next(timeoutMs = 3000): Promise<Buffer> {
    const [msg] = await this.take(1, timeoutMs);
    return msg!;
  }

  /** Waits for `n` reply messages, in arrival order (rejects after `timeoutMs`, saying how many came). */
  async take(n: number, timeoutMs = 3000): Promise<Buffer[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${n} replies, got ${this.inbox.length} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return this.inbox.splice(0, n);
  }

  /** Waits `ms` and returns whatever replies arrived meanwhile (to assert that nothing was sent). */
  async quiet(ms = 150): Promise<Buffer[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.inbox.splice(0, this.inbox.length);
  }

  /** Closes both sockets. */
  close(): void {
    this.push.close();
    this.sub.close();
  }
}
