// A handler played by the test with raw ZeroMQ sockets: a PULL connected to mongrel2's send_spec collecting
// request messages, and a PUB connected to its recv_spec for replies.
import { Publisher, Pull } from 'zeromq';

/** The test's side of a handler. */
export class FakeHandler {
  readonly pull = new Pull({ linger: 0 });
  readonly pub = new Publisher({ linger: 0 });
  readonly received: Buffer[] = [];
  private waiters: (() => void)[] = [];
  private running = true;

  constructor(readonly sendSpec: string, readonly recvSpec: string) {
    this.pull.connect(sendSpec);
    this.pub.connect(recvSpec);
    void (async () => {
      try {
        for await (const [msg] of this.pull) {
          this.received.push(msg!);
          for (const w of this.waiters.splice(0)) w();
        }
      } catch {
        /* closed */
      }
    })();
  }

  /** Waits out ZeroMQ's slow-joiner window so the first reply is not lost. */
  async settle(ms = 300): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  /** Waits until `n` messages have arrived (or throws after `ms`). */
  async waitFor(n: number, ms = 5000): Promise<Buffer[]> {
    const deadline = Date.now() + ms;
    while (this.received.length < n) {
      if (Date.now() > deadline || !this.running) throw new Error(`expected ${n} handler messages, got ${this.received.length}: ${this.received.map((b) => b.toString('latin1')).join(' | ')}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return this.received.slice(0, n);
  }

  /**
   * The first message from index `from` on whose path (third field) is `path`: other connections' disconnect
   * notices can arrive in between, so tests pick their messages by path.
   */
  async waitForPath(path: string, from = 0, ms = 5000): Promise<Buffer> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.slice(from).find((m) => m.toString('latin1').split(' ')[2] === path);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no handler message for ${path}: ${this.received.slice(from).map((b) => b.toString('latin1')).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Publishes a raw reply message. */
  async send(msg: string | Buffer): Promise<void> {
    await this.pub.send(msg);
  }

  /** Closes both sockets. */
  close(): void {
    this.running = false;
    this.pull.close();
    this.pub.close();
  }
}
