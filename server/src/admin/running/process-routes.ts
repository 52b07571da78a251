// The running-servers overview and the process controls (issue 6 §5): GET /api/running and
// /api/servers/:id/running read PID files and ask `info`; start, stop and restart run or signal the server's
// process (process.ts) and append a commit-log row each ("One door": who, what, how = console, why).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runningListSchema, runningServerSchema, stopBodySchema, type Server } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { recordChange } from '../changes.js';
import { parseWith } from '../errors.js';
import { restartServer, startServer, stopServer } from './process.js';
import { listServers, serverLabel, serverOfRequest } from './servers.js';
import { runningView } from './view.js';

const tags = ['running'];

function note(ctx: AdminContext, req: FastifyRequest, server: Server, what: string): void {
  recordChange(ctx, req, { what: `server ${serverLabel(server)} ${what}` }, () => undefined);
}

/** Registers the overview, state, start, stop and restart routes. */
export function registerProcessRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/running', {
    config: { access: 'viewer', doc: { summary: 'Every configured server with its process state and, when it runs, its info and uptime', tags, response: runningListSchema } },
  }, async () => ({ servers: await Promise.all(listServers(ctx).map((s) => runningView(ctx, s))) }));

  app.get('/api/servers/:id/running', {
    config: { access: 'viewer', doc: { summary: "One server's process state", tags, response: runningServerSchema } },
  }, async (req) => runningView(ctx, serverOfRequest(ctx, req.params)));

  app.post('/api/servers/:id/start', {
    config: { access: 'operator', doc: { summary: 'Start the server (our mongrel2) and wait until it serves; 409 when it runs', tags, response: runningServerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const { pid } = await startServer(ctx, server);
    note(ctx, req, server, `started (PID ${pid})`);
    return runningView(ctx, server);
  });

  app.post('/api/servers/:id/stop', {
    config: { access: 'operator', doc: { summary: 'Stop the server: SIGINT, or SIGTERM with murder; waits until it exits', tags, body: stopBodySchema, response: runningServerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const body = parseWith(stopBodySchema, req.body ?? {}, 'the stop request');
    await stopServer(ctx, server, body);
    note(ctx, req, server, body.murder ? 'stopped (murder)' : 'stopped');
    return runningView(ctx, server);
  });

  app.post('/api/servers/:id/restart', {
    config: { access: 'operator', doc: { summary: 'Stop the server if it runs, then start it', tags, response: runningServerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const { pid } = await restartServer(ctx, server);
    note(ctx, req, server, `restarted (PID ${pid})`);
    return runningView(ctx, server);
  });
}
