// The ordered outbox behind every Connection send. zeromq.js allows only one send() in flight per socket (a
// second one rejects with "Socket is busy writing"), and the Python library's fire-and-forget `send` has no such
// limit, so replies are queued here and handed to the socket strictly one after another, in the order they were
// made. Nothing is dropped on the JavaScript side: a message waits until ZeroMQ takes it, and when ZeroMQ's own
// queue is full (send fails with EAGAIN) the same message is retried after a short, growing pause. `flush()`
// tells the caller when everything queued so far has been taken.

/** The one method of a ZeroMQ writable socket the queue needs. */
export interface MessageSink {
  send(msg: Buffer): Promise<void>;
}

/** The longest pause between retries while ZeroMQ's outgoing queue is full. */
const MAX_BACKOFF_MS = 50;

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

  /** Resolves once the queue is empty (everything queued so far, or meanwhile, handed to ZeroMQ); rejects if a send failed. */
  flush(): Promise<void> {
    if (!this.draining && this.size === 0) return this.settle();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Refuses further messages and forgets those not yet handed over (reported as one error). */
  stop(): void {
    this.stopped = true;
    const lost = this.size - (this.draining ? 1 : 0); // the message in flight still goes out
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
    let backoff = 1;
    try {
      while (this.head < this.items.length && !this.stopped) {
        const msg = this.items[this.head]!;
        try {
          await this.sink.send(msg);
          backoff = 1;
        } catch (e) {
          if (this.stopped) break;
          if ((e as { code?: unknown }).code === 'EAGAIN') {
            // ZeroMQ's queue to mongrel2 is full (a PUB with noDrop reports that instead of dropping): wait, retry.
            await new Promise((r) => setTimeout(r, backoff));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            continue;
          }
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
