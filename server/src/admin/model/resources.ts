// The config tables the console edits, each with the checks Mongrel2's load would make across rows (a server's
// uuid, port, PID file and control port are its own; a host name is unique in its server; a route path is unique
// in its host and points at a target that exists) and what a delete would orphan (spec §1.1, §5).
import type Database from 'better-sqlite3';
import {
  dirFromRow, dirInputSchema, dirSchema, dirToRow, filterFromRow, filterInputSchema, filterSchema, filterToRow,
  handlerFromRow, handlerInputSchema, handlerSchema, handlerToRow, hostFromRow, hostInputSchema, hostSchema, hostToRow,
  mimetypeFromRow, mimetypeInputSchema, mimetypeSchema, mimetypeToRow, proxyFromRow, proxyInputSchema, proxySchema,
  proxyToRow, serverFromRow, serverInputSchema, serverSchema, serverToRow, settingFromRow, settingInputSchema,
  settingSchema, settingToRow, type Dir, type Filter, type Handler, type Host, type Mimetype, type Proxy,
  type Server, type Setting,
} from '@m2/shared';
import { clash, inUse, insertRow, missingRef, rowExists, type CrossProblem, type Resource } from './resource.js';
import { routeResource } from './route-resource.js';
import type { z } from 'zod';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

function addressesOverlap(a: string, b: string): boolean {
  return a === b || WILDCARDS.has(a) || WILDCARDS.has(b);
}

type ServerRowLike = { id: number; uuid: string; bind_addr: string; port: number; chroot: string; pid_file: string; control_port: string | null; default_host: string; name: string | null };

function serverCheck(db: Database.Database, v: z.output<typeof serverInputSchema>, id: number | undefined): CrossProblem | null {
  const others = (db.prepare('SELECT * FROM server WHERE id IS NOT ?').all(id ?? null) as ServerRowLike[]);
  for (const o of others) {
    const name = o.name || o.uuid;
    if (o.uuid === v.uuid) return clash('uuid', `uuid '${v.uuid}' is already server ${name}'s`);
    if (o.port === v.port && addressesOverlap(o.bind_addr, v.bindAddr)) {
      return clash('port', `server ${name} already listens on ${o.bind_addr}:${o.port}`);
    }
    if (`${o.chroot}${o.pid_file}` === `${v.chroot}${v.pidFile}`) return clash('pidFile', `server ${name} already writes its PID to ${o.chroot}${o.pid_file}`);
    if (v.controlPort !== '' && (o.control_port ?? '') === v.controlPort) return clash('controlPort', `server ${name} already uses control port ${v.controlPort}`);
  }
  if (id !== undefined) {
    const hosts = db.prepare('SELECT name FROM host WHERE server_id = ?').all(id) as { name: string }[];
    if (hosts.length > 0 && !hosts.some((h) => h.name === v.defaultHost)) {
      return missingRef('defaultHost', `no host named '${v.defaultHost}' in this server (it has ${hosts.map((h) => h.name).join(', ')})`);
    }
  }
  return null;
}

function countOf(db: Database.Database, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

function targetInUse(kind: 'dir' | 'handler' | 'proxy') {
  return (db: Database.Database, id: number): CrossProblem | null => {
    const paths = db.prepare("SELECT path FROM route WHERE target_type = ? AND target_id = ? ORDER BY id").all(kind, id) as { path: string }[];
    return paths.length === 0 ? null : inUse(`${kind} ${id} is the target of ${paths.length} route(s): ${paths.map((p) => p.path).slice(0, 5).join(', ')}`);
  };
}

function unique(table: string, column: string, field: string, what: string) {
  return (db: Database.Database, value: string, id: number | undefined): CrossProblem | null =>
    db.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ? AND id IS NOT ?`).get(value, id ?? null) ? clash(field, `${what} '${value}' already exists`) : null;
}

const servers: Resource<Server, z.output<typeof serverInputSchema>> = {
  name: 'servers', table: 'server', noun: 'server', schema: serverSchema, input: serverInputSchema,
  fromRow: serverFromRow, toRow: (v) => ({ ...serverToRow(v) }), order: 'id',
  label: (v) => `server ${v.name || v.uuid}`,
  check: serverCheck,
  afterCreate: (db, id, v) => {
    if (db.prepare('SELECT 1 FROM host WHERE server_id = ? AND name = ?').get(id, v.defaultHost)) return undefined;
    const hostId = insertRow(db, 'host', { server_id: id, name: v.defaultHost, matching: v.defaultHost, maintenance: 0 });
    return `its default host ${v.defaultHost} (id ${hostId})`;
  },
  inUse: (db, id) => {
    const n = countOf(db, 'SELECT count(*) AS n FROM host WHERE server_id = ?', id);
    return n === 0 ? null : inUse(`server ${id} has ${n} host(s); delete them first or delete with ?cascade=1`);
  },
};

const hosts: Resource<Host, z.output<typeof hostInputSchema>> = {
  name: 'hosts', table: 'host', noun: 'host', schema: hostSchema, input: hostInputSchema,
  fromRow: hostFromRow, toRow: (v) => ({ ...hostToRow(v) }), order: 'server_id, id', filters: { serverId: 'server_id' },
  label: (v) => `host ${v.name}`,
  afterUpdate: (db, before, v) => {
    // A renamed default host stays its server's default host (the server refuses a default_host it lacks).
    if (before.name === v.name) return undefined;
    const n = db.prepare('UPDATE server SET default_host = ? WHERE id = ? AND default_host = ?').run(v.name, before.serverId, before.name).changes;
    return n ? `default host of server ${before.serverId} renamed too` : undefined;
  },
  check: (db, v, id) => {
    if (!rowExists(db, 'server', v.serverId)) return missingRef('serverId', `there is no server ${v.serverId}`);
    if (db.prepare('SELECT 1 FROM host WHERE server_id = ? AND name = ? AND id IS NOT ?').get(v.serverId, v.name, id ?? null)) {
      return clash('name', `server ${v.serverId} already has a host named '${v.name}'`);
    }
    return null;
  },
  inUse: (db, id) => {
    const n = countOf(db, 'SELECT count(*) AS n FROM route WHERE host_id = ?', id);
    return n > 0 ? inUse(`host ${id} has ${n} route(s); delete them first or delete with ?cascade=1`) : null;
  },
  blocks: (db, id) => {
    const def = db.prepare('SELECT s.name, s.uuid FROM server s JOIN host h ON h.server_id = s.id AND h.name = s.default_host WHERE h.id = ?').get(id) as { name: string | null; uuid: string } | undefined;
    return def ? inUse(`host ${id} is the default host of server ${def.name || def.uuid}; choose another default host first`) : null;
  },
};

const handlers: Resource<Handler, z.output<typeof handlerInputSchema>> = {
  name: 'handlers', table: 'handler', noun: 'handler', schema: handlerSchema, input: handlerInputSchema,
  fromRow: handlerFromRow, toRow: (v) => ({ ...handlerToRow(v) }), order: 'id',
  label: (v) => `handler ${v.sendSpec} ${v.recvSpec}`,
  inUse: targetInUse('handler'),
};

const dirs: Resource<Dir, z.output<typeof dirInputSchema>> = {
  name: 'dirs', table: 'directory', noun: 'dir', schema: dirSchema, input: dirInputSchema,
  fromRow: dirFromRow, toRow: (v) => ({ ...dirToRow(v) }), order: 'id',
  label: (v) => `dir ${v.base}`,
  inUse: targetInUse('dir'),
};

const proxies: Resource<Proxy, z.output<typeof proxyInputSchema>> = {
  name: 'proxies', table: 'proxy', noun: 'proxy', schema: proxySchema, input: proxyInputSchema,
  fromRow: proxyFromRow, toRow: (v) => ({ ...proxyToRow(v) }), order: 'id',
  label: (v) => `proxy ${v.addr}:${v.port}`,
  inUse: targetInUse('proxy'),
};

const settings: Resource<Setting, z.output<typeof settingInputSchema>> = {
  name: 'settings', table: 'setting', noun: 'setting', schema: settingSchema, input: settingInputSchema,
  fromRow: settingFromRow, toRow: (v) => ({ ...settingToRow(v) }), order: 'key',
  label: (v) => `setting ${v.key}=${v.value}`,
  check: (db, v, id) => unique('setting', 'key', 'key', 'setting')(db, v.key, id),
};

const mimetypes: Resource<Mimetype, z.output<typeof mimetypeInputSchema>> = {
  name: 'mimetypes', table: 'mimetype', noun: 'mimetype', schema: mimetypeSchema, input: mimetypeInputSchema,
  fromRow: mimetypeFromRow, toRow: (v) => ({ ...mimetypeToRow(v) }), order: 'extension', search: ['extension', 'mimetype'],
  label: (v) => `mimetype ${v.extension} ${v.mimetype}`,
  check: (db, v, id) => unique('mimetype', 'extension', 'extension', 'extension')(db, v.extension, id),
};

const filters: Resource<Filter, z.output<typeof filterInputSchema>> = {
  name: 'filters', table: 'filter', noun: 'filter', schema: filterSchema, input: filterInputSchema,
  fromRow: filterFromRow, toRow: (v) => ({ ...filterToRow(v) }), order: 'id', filters: { serverId: 'server_id' },
  label: (v) => `filter ${v.name}`,
  check: (db, v) => (rowExists(db, 'server', v.serverId) ? null : missingRef('serverId', `there is no server ${v.serverId}`)),
};

/** Every resource the model API serves, in the order the docs list them. */
export const RESOURCES: readonly Resource[] = [servers, hosts, routeResource, handlers, dirs, proxies, settings, mimetypes, filters] as unknown as Resource[];
