// One poller per watched server, shared by every event-stream client of it (issue 6 §5): once a second it asks
// the server for `status what=net` (one control call per tick however many clients watch, and none while the
// previous one is still out), reads what the access log grew by, and sends each client the same pre-rendered
// `connections` and `counters` events, plus `state` when the process starts or stops. The last client to leave
// stops it. With 10,000 connections a tick is one decode (~20 ms) and one JSON rendering of at most
// EVENT_CONNECTIONS_MAX rows (the full list is GET /connections), written to every client.
import { EVENT_CONNECTIONS_MAX, type Counters, type ServerConnection } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { controlCall } from './control.js';
import { CounterBook, LogFollower } from './counters.js';
import { parseNetStatus } from './net-status.js';
import { serverProcessState } from './process.js';
import { findServer, serverFile } from './servers.js';

/** A client of the stream: takes rendered SSE text. */
export interface EventSink {
  write(text: string): void;
  close(): void;
}

/** One server-sent event's text (spec: `event:` and one `data:` line of JSON, then a blank line). */
export function renderEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Send a comment now and then so proxies and browsers keep an idle stream open. */
const HEARTBEAT_TICKS = 15;

/** How long a tick waits for `status what=net` (10,000 connections are a ~1 MB answer; a busy server is slower). */
const STATUS_TIMEOUT_MS = 3000;

class ServerPoller {
  readonly sinks = new Set<EventSink>();
  private timer: NodeJS.Timeout | null = null;
  /** The open connections the server last reported. */
  private lastOpen = 0;
  private busy = false;
  private ticks = 0;
  private lastRunning: boolean | null = null;
  private readonly book = new CounterBook();
  private follower: LogFollower | null = null;

  constructor(private readonly ctx: AdminContext, private readonly serverId: number, private readonly intervalMs: number) {}

  /** Starts ticking; the state as it is now is known to the subscribers (the route sends it to each). */
  start(): void {
    const server = findServer(this.ctx, this.serverId);
    this.lastRunning = server ? serverProcessState(this.ctx, server).running : false;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private broadcast(text: string): void {
    for (const sink of this.sinks) sink.write(text);
  }

  private async tick(): Promise<void> {
    if (++this.ticks % HEARTBEAT_TICKS === 0) this.broadcast(': heartbeat\n\n');
    if (this.busy) return;
    this.busy = true;
    try {
      const server = findServer(this.ctx, this.serverId);
      const state = server ? serverProcessState(this.ctx, server) : { running: false, pid: null };
      if (state.running !== this.lastRunning) {
        this.lastRunning = state.running;
        this.broadcast(renderEvent('state', { running: state.running, pid: state.pid }));
      }
      // null: the server did not say this tick (busy or gone), so no connections event rather than a false "none".
      let connections: ServerConnection[] | null = server && state.running ? null : [];
      if (server && state.running) {
        try {
          const parsed = parseNetStatus(await controlCall(this.ctx, server, 'status', { what: 'net' }, Math.max(STATUS_TIMEOUT_MS, this.intervalMs)));
          if (typeof parsed !== 'string') connections = parsed;
        } catch {
          /* not answering this tick; the state event tells when it is gone */
        }
      }
      let counters: Counters | null = null;
      if (server) {
        const path = serverFile(this.ctx, server, server.accessLog);
        if (this.follower) this.follower.retarget(path);
        else this.follower = new LogFollower(path);
        this.book.add(await this.follower.next());
        if (connections) this.lastOpen = connections.length;
        counters = this.book.snapshot(this.lastOpen);
      }
      if (this.sinks.size === 0) return;
      if (connections) this.broadcast(renderEvent('connections', { connections: connections.slice(0, EVENT_CONNECTIONS_MAX), total: connections.length }));
      if (counters) this.broadcast(renderEvent('counters', counters));
    } catch {
      /* a failed tick is retried on the next one */
    } finally {
      this.busy = false;
    }
  }
}

/** The pollers of one console, by server id. */
export class PollerHub {
  private readonly pollers = new Map<number, ServerPoller>();

  constructor(private readonly ctx: AdminContext, private readonly intervalMs = 1000) {}

  /** Adds a client to the server's poller (starting it); returns the function that removes it again. */
  subscribe(serverId: number, sink: EventSink): () => void {
    let poller = this.pollers.get(serverId);
    if (!poller) {
      poller = new ServerPoller(this.ctx, serverId, this.intervalMs);
      this.pollers.set(serverId, poller);
      poller.sinks.add(sink);
      poller.start();
    } else {
      poller.sinks.add(sink);
    }
    const p = poller;
    return () => {
      p.sinks.delete(sink);
      if (p.sinks.size === 0 && this.pollers.get(serverId) === p) {
        p.stop();
        this.pollers.delete(serverId);
      }
    };
  }

  /** How many servers are being polled (for tests). */
  get size(): number {
    return this.pollers.size;
  }

  /** Stops every poller and ends every client's stream (the app is closing). */
  closeAll(): void {
    for (const p of this.pollers.values()) {
      p.stop();
      for (const sink of p.sinks) sink.close();
      p.sinks.clear();
    }
    this.pollers.clear();
  }
}
