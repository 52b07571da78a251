// GET /api/servers/:id/events: the live view of a server as Server-Sent Events (WHATWG HTML §9.2). The reply is
// hijacked from Fastify and written by hand: a `retry:` line, the current `state`, then whatever the server's
// shared poller sends (poller.ts) until the client goes away or the console closes.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { renderEvent, type PollerHub } from './poller.js';
import { serverProcessState } from './process.js';
import { serverOfRequest } from './servers.js';

/** How long a browser waits before reconnecting a dropped stream (ms). */
export const SSE_RETRY_MS = 2000;
/** A client this far behind (bytes queued) misses events until it catches up, rather than growing memory. */
const MAX_QUEUED = 4 * 1024 * 1024;

/** Registers the event stream. */
export function registerEventRoutes(app: FastifyInstance, ctx: AdminContext, hub: PollerHub): void {
  app.get('/api/servers/:id/events', {
    config: {
      access: 'viewer',
      doc: {
        summary: 'Live events: `connections` and `counters` every second, `state` when the process starts or stops (text/event-stream)',
        tags: ['running'],
        produces: 'text/event-stream',
      },
    },
  }, async (req, reply) => {
    const server = serverOfRequest(ctx, req.params);
    const state = serverProcessState(ctx, server);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${SSE_RETRY_MS}\n\n`);
    raw.write(renderEvent('state', { running: state.running, pid: state.pid }));
    let done = false;
    const unsubscribe = hub.subscribe(server.id, {
      write(text) {
        if (!done && raw.writableLength < MAX_QUEUED) raw.write(text);
      },
      close() {
        if (done) return;
        done = true;
        raw.end();
      },
    });
    const leave = () => {
      done = true;
      unsubscribe();
    };
    req.raw.once('close', leave);
    raw.once('close', leave);
  });
}
