// The ordered outbox behind every Connection send. zeromq.js allows only one send() in flight per socket (a
// second one rejects with "Socket is busy writing"), and the Python library's fire-and-forget `send` has no such
// limit, so replies are queued here and handed to the socket strictly one after another, in the order they were
// made. Nothing is dropped on the JavaScript side: a message waits until ZeroMQ takes it. `flush()` tells the
// caller when everything queued so far has been taken.

/** The one method of a ZeroMQ writable socket the queue needs. */
export interface MessageSink {
  send(msg: Buffer): Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** A FIFO of outgoing messages drained into one socket, one send at a time. */
export class SendQueue {
  private items: Buffer[] = [];
  private head = 0;
  private draining = false;
  private stopped = false;
  private failure: Error | undefined;
  private waiters: Waiter[] = [];

  constructor(
    private readonly sink: MessageSink,
    private readonly onError: (e: Error) => void,
  ) {}

  /** How many messages wait to be handed to ZeroMQ. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Queues one message; it is sent after every message queued before it. */
  push(msg: Buffer): void {
    if (this.stopped) throw new Error('the connection is shut down; nothing more can be sent');
    this.items.push(msg);
    if (!this.draining) void this.drain();
  }

  /** Resolves once every message queued so far has been handed to ZeroMQ; rejects if one of them failed. */
  flush(): Promise<void> {
    if (!this.draining && this.size === 0) return this.settle();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Refuses further messages and forgets those not yet sent (they are reported as one error). */
  stop(): void {
    this.stopped = true;
    const lost = this.size;
    this.items = [];
    this.head = 0;
    if (lost > 0) this.fail(new Error(`${lost} queued message(s) were not sent before shutdown`));
    this.wake();
  }

  private settle(): Promise<void> {
    const f = this.failure;
    this.failure = undefined;
    return f === undefined ? Promise.resolve() : Promise.reject(f);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.onError(e);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    const f = this.failure;
    this.failure = undefined;
    for (const w of waiters) {
      if (f === undefined) w.resolve();
      else w.reject(f);
    }
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.head < this.items.length && !this.stopped) {
        const msg = this.items[this.head]!;
        try {
          await this.sink.send(msg);
        } catch (e) {
          if (this.stopped) break;
          this.fail(e instanceof Error ? e : new Error(String(e)));
        }
        this.head++;
        if (this.head >= 1024 && this.head * 2 >= this.items.length) {
          this.items = this.items.slice(this.head);
          this.head = 0;
        }
      }
    } finally {
      this.draining = false;
      if (this.head >= this.items.length) {
        this.items = [];
        this.head = 0;
      }
      this.wake();
    }
  }
}
