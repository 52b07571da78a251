// The console's authentication and authorisation (issue 6 §8-9): the gate every /api route passes (hook.ts),
// sessions, API tokens and users, and the first admin. Tables: migrations/0003_admin_auth.sql.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { installAuthHook } from './hook.js';
import { LoginLimiter } from './rate-limit.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerUserRoutes } from './user-routes.js';

export { ensureAdmin } from './ensure-admin.js';

/** Installs the auth hook on `app`'s plugin context and registers the session, token and user routes. */
export function registerAuth(app: FastifyInstance, ctx: AdminContext): void {
  installAuthHook(app, ctx);
  registerSessionRoutes(app, ctx, new LoginLimiter());
  registerTokenRoutes(app, ctx);
  registerUserRoutes(app, ctx);
}
