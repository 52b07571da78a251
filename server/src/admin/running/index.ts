// The "running servers" area of the console (issue 6 §5): process state, start/stop/restart, the control-port
// proxy, connections, the live event stream, the access-log tail and per-route stats. Everything a running
// server is asked goes through its control port (control.ts) — the one door, as m2sh uses it.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { closeControlClients } from './control.js';
import { registerControlRoutes } from './control-routes.js';
import { registerEventRoutes } from './events.js';
import { registerLogRoutes } from './log-routes.js';
import { PollerHub } from './poller.js';
import { registerProcessRoutes } from './process-routes.js';

/** Registers this area's routes; event streams end before the app closes, control sockets close with it. */
export function registerRunningRoutes(app: FastifyInstance, ctx: AdminContext): void {
  const hub = new PollerHub(ctx);
  registerProcessRoutes(app, ctx);
  registerControlRoutes(app, ctx);
  registerLogRoutes(app, ctx);
  registerEventRoutes(app, ctx, hub);
  app.addHook('preClose', (done) => {
    hub.closeAll();
    done();
  });
  app.addHook('onClose', (_app, done) => {
    closeControlClients(ctx);
    done();
  });
}
