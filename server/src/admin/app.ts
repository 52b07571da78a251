// The console: buildAdminApp(opts) → an unstarted Fastify instance serving the admin API under /api and the built
// SPA at / (ARCHITECTURE principle 8: build, don't listen). Each area registers its own routes; the auth hook
// (auth/) decides who may call what from each route's `config.access`; errors are rendered in errors.ts.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { openAdminContext, type AdminContext } from './context.js';
import { installErrorHandling } from './errors.js';
import { registerAuth } from './auth/index.js';
import { registerModelRoutes } from './model/index.js';
import { registerApplyRoutes } from './apply/index.js';
import { registerRunningRoutes } from './running/index.js';
import { registerTransferRoutes } from './transfer/index.js';
import { collectDocs, registerDocs } from './openapi.js';
import { registerUi } from './ui.js';

/** How to build the console. */
export interface AdminOptions {
  /** The config database (created and migrated when missing). */
  dbPath: string;
  /** Where relative paths in the database resolve (default: the process's directory). */
  cwd?: string;
  /** The built SPA to serve at / (default: admin-ui/dist of this checkout, when it exists; null: none). */
  uiDir?: string | null;
  /** Fastify's request log (default off; the console's entry turns it on). */
  logger?: boolean;
  /** Mark session cookies `Secure` (when the console sits behind TLS). */
  secureCookies?: boolean;
  /** The largest request body in bytes (a database upload is the largest; default 64 MiB). */
  bodyLimit?: number;
}

/** A built console: the Fastify app and the context it shares (closed with the app). */
export type AdminApp = FastifyInstance & { m2: AdminContext };

/** Builds the console; nothing listens until the caller calls `listen`. */
export function buildAdminApp(opts: AdminOptions): AdminApp {
  const ctx = openAdminContext({ dbPath: opts.dbPath, cwd: opts.cwd, secureCookies: opts.secureCookies });
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 64 * 1024 * 1024,
    trustProxy: false,
    // Secrets never reach the request log: headers and bodies are not logged, only method, url and status.
  }) as unknown as AdminApp;
  app.decorate('m2', ctx);
  app.decorateRequest('who', null);
  app.addHook('onClose', async () => ctx.close());
  installErrorHandling(app, registerUi(app, opts.uiDir));
  void app.register(cookie);
  const docs = collectDocs(app);
  void app.register(async (api) => {
    registerAuth(api, ctx);
    registerDocs(api, docs);
    registerModelRoutes(api, ctx);
    registerApplyRoutes(api, ctx);
    registerRunningRoutes(api, ctx);
    registerTransferRoutes(api, ctx);
  });
  return app;
}
