// Starting the console for real (the entry side of principle 8): build the app, make sure an admin exists (its
// password from M2_ADMIN_PASSWORD, or generated and printed once), listen on the loopback by default, and say
// where. Used by `m2sh console` and `npm start`.
import { buildAdminApp, type AdminApp } from './app.js';
import { ensureAdmin } from './auth/index.js';

/** Where and on what the console runs. */
export interface ServeOptions {
  dbPath: string;
  cwd: string;
  bind?: string;
  port?: number;
  /** M2_ADMIN_PASSWORD, when set. */
  adminPassword?: string;
  /** Where the console's own lines go (the address, a generated password). */
  print(line: string): void;
}

/** The console's default address: loopback only (issue 6 §8). */
export const CONSOLE_BIND = '127.0.0.1';
/** The console's default port. */
export const CONSOLE_PORT = 6780;

/** Builds and starts the console; resolves once it listens, with the app and its URL. */
export async function serveConsole(opts: ServeOptions): Promise<{ app: AdminApp; url: string }> {
  const app = buildAdminApp({ dbPath: opts.dbPath, cwd: opts.cwd });
  try {
    await app.ready();
    ensureAdmin(app.m2, { password: opts.adminPassword, print: opts.print });
    const bind = opts.bind ?? CONSOLE_BIND;
    await app.listen({ host: bind, port: opts.port ?? CONSOLE_PORT });
    const url = `http://${bind.includes(':') ? `[${bind}]` : bind}:${opts.port ?? CONSOLE_PORT}`;
    opts.print(`console on ${url}`);
    return { app, url };
  } catch (e) {
    await app.close();
    throw e;
  }
}
