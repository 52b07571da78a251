// Which server a running-area request is about, and where its files are. A server's PID file, logs and ipc
// sockets are configured paths the server resolves inside its chroot (server/src/main.ts, spec §9); the console
// starts servers from its own directory (ctx.cwd), so the same paths resolve here from there.
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { serverFromRow, type Server, type ServerRow } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { notFound, parseWith } from '../errors.js';

/** The `:id` of a server route. */
export const serverParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

/** Every configured server, in id order. */
export function listServers(ctx: AdminContext): Server[] {
  return (ctx.db.prepare('SELECT * FROM server ORDER BY id').all() as ServerRow[]).map(serverFromRow);
}

/** The server with this id, or null. */
export function findServer(ctx: AdminContext, id: number): Server | null {
  const row = ctx.db.prepare('SELECT * FROM server WHERE id = ?').get(id) as ServerRow | undefined;
  return row ? serverFromRow(row) : null;
}

/** The server a request's `:id` names, or a 404 (a 400 when the id is not a number). */
export function serverOfRequest(ctx: AdminContext, params: unknown): Server {
  const { id } = parseWith(serverParamsSchema, params, 'the server id');
  const server = findServer(ctx, id);
  if (!server) throw notFound(`server ${id}`);
  return server;
}

/** How messages name a server: its name, else its uuid. */
export function serverLabel(server: Server): string {
  return server.name !== '' ? server.name : server.uuid;
}

/** The directory the server runs in: its chroot, else the directory it is started from. */
export function serverRoot(ctx: AdminContext, server: Server): string {
  return resolve(ctx.cwd, server.chroot);
}

/** Where a configured path (PID file, log) of the server is: inside the chroot when it has one (`/run/x.pid`
 *  under `./` is `<cwd>/run/x.pid`), else as given, relative to ctx.cwd (process/pid-file.ts serverPath). */
export function serverFile(ctx: AdminContext, server: Server, path: string): string {
  if (server.chroot === '') return resolve(ctx.cwd, path);
  const root = serverRoot(ctx, server);
  return isAbsolute(path) ? join(root, path) : resolve(root, path);
}

/** The `control_port` setting (the last row wins, as the server reads settings), or undefined. */
export function controlPortSetting(ctx: AdminContext): string | undefined {
  const row = ctx.db.prepare("SELECT value FROM setting WHERE key = 'control_port' ORDER BY id DESC LIMIT 1")
    .get() as { value: string | null } | undefined;
  return row === undefined ? undefined : (row.value ?? '');
}
