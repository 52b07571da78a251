// SendQueue with a scripted sink instead of a socket: strict order, one send in flight, EAGAIN retried (a full
// ZeroMQ queue must not lose a reply), other failures reported and skipped, stop() refusing further messages.
import { describe, expect, it } from 'vitest';
import { SendQueue, type MessageSink } from './send-queue.js';

/** A sink that records what it was given and fails on demand, complaining if two sends overlap. */
class ScriptedSink implements MessageSink {
  readonly sent: string[] = [];
  busy = false;
  overlaps = 0;
  constructor(private readonly failures: Map<string, string[]> = new Map()) {}

  async send(msg: Buffer): Promise<void> {
    if (this.busy) this.overlaps++;
    this.busy = true;
    await new Promise((r) => setImmediate(r));
    this.busy = false;
    const code = this.failures.get(msg.toString())?.shift();
    if (code !== undefined) throw Object.assign(new Error(`send failed: ${code}`), { code });
    this.sent.push(msg.toString());
  }
}

describe('SendQueue', () => {
  it('sends in order with one send in flight', async () => {
    const sink = new ScriptedSink();
    const q = new SendQueue(sink, (e) => {
      throw e;
    });
    for (let i = 0; i < 3000; i++) q.push(Buffer.from(`m${i}`)); // enough to compact the array on the way
    expect(q.size).toBeGreaterThan(0);
    await q.flush();
    expect(sink.sent).toEqual(Array.from({ length: 3000 }, (_, i) => `m${i}`));
    expect([sink.overlaps, q.size]).toEqual([0, 0]);
    await q.flush(); // nothing pending: resolves at once
  });

  it('lets flush wait for messages queued while it waits', async () => {
    const sink = new ScriptedSink();
    const q = new SendQueue(sink, () => undefined);
    q.push(Buffer.from('first'));
    const flushed = q.flush();
    q.push(Buffer.from('second'));
    await flushed;
    expect(sink.sent).toEqual(['first', 'second']);
  });

  it('retries a message while ZeroMQ reports EAGAIN, without reordering', async () => {
    const errors: Error[] = [];
    const sink = new ScriptedSink(new Map([['b', ['EAGAIN', 'EAGAIN', 'EAGAIN']]]));
    const q = new SendQueue(sink, (e) => errors.push(e));
    for (const m of ['a', 'b', 'c']) q.push(Buffer.from(m));
    await q.flush();
    expect(sink.sent).toEqual(['a', 'b', 'c']);
    expect(errors).toEqual([]);
  });

  it('reports and skips a message that fails otherwise; flush rejects once', async () => {
    const errors: Error[] = [];
    const sink = new ScriptedSink(new Map([['b', ['EFAULT']]]));
    const q = new SendQueue(sink, (e) => errors.push(e));
    for (const m of ['a', 'b', 'c']) q.push(Buffer.from(m));
    await expect(q.flush()).rejects.toThrow('send failed: EFAULT');
    expect(sink.sent).toEqual(['a', 'c']);
    expect(errors.map((e) => e.message)).toEqual(['send failed: EFAULT']);
    await q.flush();
  });

  it('forgets unsent messages on stop and refuses new ones', async () => {
    const errors: Error[] = [];
    const sink = new ScriptedSink();
    const q = new SendQueue(sink, (e) => errors.push(e));
    for (let i = 0; i < 10; i++) q.push(Buffer.from(`m${i}`));
    const flushed = q.flush();
    q.stop();
    await expect(flushed).rejects.toThrow(/were not sent before shutdown/);
    expect(sink.sent.length).toBeLessThan(10);
    expect(() => q.push(Buffer.from('late'))).toThrow(/shut down/);
    expect(errors).toHaveLength(1);
  });
});
