// Reads one server's configuration out of a config database into an immutable snapshot, the way
// src/config/config.c and src/config/module.c do (spec §1.3): the server row by uuid (error_log_level and
// control_port read separately, with fallbacks for older databases), its hosts, each host's routes in row order,
// the targets they point at (one object per row, so routes sharing a row share the object), settings and
// mimetypes. It refuses what Mongrel2 refuses at startup, with every problem named.
import type Database from 'better-sqlite3';
import { checkPattern, utf8ByteString } from '@m2/shared';
import { Settings } from './settings.js';

/** A Dir target row. */
export interface DirTarget { kind: 'dir'; id: number; base: string; indexFile: string; defaultCtype: string; cacheTtl: number }
/** A Proxy target row. */
export interface ProxyTarget { kind: 'proxy'; id: number; addr: string; port: number }
/** A Handler target row. */
export interface HandlerTarget {
  kind: 'handler'; id: number; sendSpec: string; sendIdent: string; recvSpec: string; recvIdent: string;
  rawPayload: number; protocol: 'json' | 'tnetstring';
  /** send_ident as it goes into messages: its UTF-8 bytes, one char each (C sends the config's bytes). */
  sender: string;
}
/** What a route points at. */
export type Target = DirTarget | ProxyTarget | HandlerTarget;

/** A route of a host, in row order. */
export interface RouteConfig { id: number; path: string; target: Target }
/** A host of the server, in row order. */
export interface HostConfig { id: number; name: string; matching: string; routes: RouteConfig[] }

/** The server row. */
export interface ServerRow {
  id: number; uuid: string; name: string; defaultHost: string; bindAddr: string; port: number; chroot: string;
  accessLog: string; errorLog: string; pidFile: string; useSsl: number; errorLogLevel: number; controlPort: string;
}

/** Everything one mongrel2 process runs with. */
export interface ServerConfig {
  server: ServerRow;
  hosts: HostConfig[];
  settings: Settings;
  mimetypes: [extension: string, mimetype: string][];
}

/** A configuration the server refuses, with every reason. */
export class ServerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ServerConfigError';
  }
}

type Row = Record<string, unknown>;

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

/** Loads and validates the server with `uuid`; throws ServerConfigError naming every problem. */
export function loadServerConfig(db: Database.Database, uuid: string): ServerConfig {
  const problems: string[] = [];
  const s = db.prepare('SELECT * FROM server WHERE uuid = ?').get(uuid) as Row | undefined;
  if (!s) throw new ServerConfigError([`no server with uuid ${uuid} in the config database`]);
  const str = (row: Row, col: string, what: string): string => {
    const v = row[col];
    if (typeof v !== 'string') {
      problems.push(`${what} ${col} must be text, not ${v === null ? 'NULL' : typeof v}`);
      return '';
    }
    return v;
  };
  const int = (row: Row, col: string, what: string, dflt?: number): number => {
    const v = row[col];
    if (v === null || v === undefined) {
      if (dflt !== undefined) return dflt;
      problems.push(`${what} ${col} must be a number, not NULL`);
      return 0;
    }
    const n = Number(v);
    if (!Number.isInteger(n)) problems.push(`${what} ${col} must be a whole number, not ${String(v)}`);
    return n;
  };
  const server: ServerRow = {
    id: Number(s.id), uuid, name: typeof s.name === 'string' ? s.name : '',
    defaultHost: str(s, 'default_host', 'server'), bindAddr: str(s, 'bind_addr', 'server'), port: int(s, 'port', 'server'),
    chroot: str(s, 'chroot', 'server'), accessLog: str(s, 'access_log', 'server'), errorLog: str(s, 'error_log', 'server'),
    pidFile: str(s, 'pid_file', 'server'), useSsl: int(s, 'use_ssl', 'server', 0),
    errorLogLevel: hasColumn(db, 'server', 'error_log_level') ? int(s, 'error_log_level', 'server', 2) : 2,
    controlPort: hasColumn(db, 'server', 'control_port') && typeof s.control_port === 'string' ? s.control_port : '',
  };
  if (server.port < 1 || server.port > 65535) problems.push(`server port ${server.port} is not a TCP port`);

  const targets = new Map<string, Target>();
  const target = (type: unknown, id: unknown, route: string): Target | undefined => {
    const key = `${String(type)}:${String(id)}`;
    const cached = targets.get(key);
    if (cached) return cached;
    const table = type === 'dir' ? 'directory' : type === 'proxy' || type === 'handler' ? type : undefined;
    if (!table) {
      problems.push(`route ${route} has target_type ${String(type)}, not dir, proxy or handler`);
      return undefined;
    }
    const r = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    if (!r) {
      problems.push(`route ${route} points at ${String(type)} ${String(id)}, which does not exist`);
      return undefined;
    }
    const what = `${String(type)} ${String(id)}`;
    let t: Target;
    if (type === 'dir') {
      const base = str(r, 'base', what);
      if (!base.endsWith('/')) problems.push(`${what} base '${base}' must end with /`);
      t = { kind: 'dir', id: Number(id), base, indexFile: str(r, 'index_file', what), defaultCtype: str(r, 'default_ctype', what), cacheTtl: int(r, 'cache_ttl', what, 0) };
    } else if (type === 'proxy') {
      t = { kind: 'proxy', id: Number(id), addr: str(r, 'addr', what), port: int(r, 'port', what) };
    } else {
      const protocol = r.protocol ?? 'json';
      if (protocol !== 'json' && protocol !== 'tnetstring') problems.push(`${what} protocol '${String(protocol)}' is not json or tnetstring`);
      const sendIdent = str(r, 'send_ident', what);
      t = {
        kind: 'handler', id: Number(id), sendSpec: str(r, 'send_spec', what), sendIdent,
        recvSpec: str(r, 'recv_spec', what), recvIdent: str(r, 'recv_ident', what), rawPayload: int(r, 'raw_payload', what, 0),
        protocol: protocol === 'tnetstring' ? 'tnetstring' : 'json', sender: utf8ByteString(sendIdent),
      };
    }
    targets.set(key, t);
    return t;
  };

  const settings = new Settings((db.prepare('SELECT key, value FROM setting ORDER BY id').all() as Row[])
    .map((r) => [String(r.key), r.value === null ? '' : String(r.value)] as [string, string]));
  const hostLimit = settings.int('limits.host_name');
  const hosts: HostConfig[] = (db.prepare('SELECT id, name, matching FROM host WHERE server_id = ? ORDER BY id').all(server.id) as Row[]).map((h) => {
    const name = str(h, 'name', `host ${String(h.id)}`);
    const matching = typeof h.matching === 'string' ? h.matching : name;
    if (matching.length > hostLimit) problems.push(`host ${name} matching is longer than limits.host_name (${hostLimit})`);
    const paren = matching.lastIndexOf(')');
    if (paren >= 0) {
      const c = checkPattern(matching.slice(0, paren + 1) + '$');
      if (!c.ok) problems.push(`host ${name} matching '${matching}': ${c.message}`);
    }
    const routes = (db.prepare('SELECT id, path, target_id, target_type FROM route WHERE host_id = ? ORDER BY id').all(h.id) as Row[])
      .flatMap((r): RouteConfig[] => {
        const path = str(r, 'path', `route ${String(r.id)}`);
        const paren2 = path.indexOf('(');
        if (paren2 >= 0) {
          const c = checkPattern(path.slice(paren2));
          if (!c.ok) problems.push(`route '${path}': ${c.message}`);
        }
        const t = target(r.target_type, r.target_id, `'${path}'`);
        return t ? [{ id: Number(r.id), path, target: t }] : [];
      });
    return { id: Number(h.id), name, matching, routes };
  });
  if (!hosts.some((h) => h.name === server.defaultHost)) {
    problems.push(`No default_host set for server: ${uuid}, you need one host named: ${server.defaultHost}`);
  }

  const mimetypes = (db.prepare('SELECT extension, mimetype FROM mimetype ORDER BY id').all() as Row[])
    .map((r) => [String(r.extension), String(r.mimetype)] as [string, string]);
  const seen = new Set<string>();
  for (const [ext] of mimetypes) {
    if (seen.has(ext)) problems.push(`mimetype extension ${ext} is listed twice`);
    seen.add(ext);
  }
  if (problems.length > 0) throw new ServerConfigError(problems);
  return { server, hosts, settings, mimetypes };
}
