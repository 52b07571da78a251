// Where a configured ZeroMQ endpoint is for a running server. Mongrel2 binds its handler sockets and its control
// port after chroot(2), so an `ipc://` path is relative to the server's root, and an absolute one lies under the
// chroot; we confine without chroot(2) (see main.ts), so the path is rewritten the same way here, once, for both.
import { isAbsolute, join, resolve } from 'node:path';

/** The filesystem path of an `ipc://` endpoint as written, or null for other transports and abstract sockets. */
export function ipcPath(endpoint: string): string | null {
  if (!endpoint.startsWith('ipc://')) return null;
  const path = endpoint.slice('ipc://'.length);
  return path === '' || path.startsWith('@') ? null : path;
}

/**
 * Makes a configured endpoint absolute for a server whose root is `root` (its chroot directory, or its launch
 * directory when `chrooted` is false): a relative ipc path is resolved against `root`, an absolute one is put
 * under `root` when chrooted (as chroot(2) would); tcp:// and other transports are returned unchanged.
 */
export function resolveServerEndpoint(spec: string, root: string, chrooted: boolean): string {
  const path = ipcPath(spec);
  if (path === null) return spec;
  if (!isAbsolute(path)) return `ipc://${resolve(root, path)}`;
  return chrooted ? `ipc://${join(root, path)}` : spec;
}
