// Renders the configuration held in a config database as an m2sh config file (C syntax, spec §2.3) that
// `m2sh load` turns back into the same servers, hosts, routes, targets, settings, filters and mimetypes.
// Used by `m2sh dump` and the console's export. Targets become variables (`dir_3 = Dir(...)`) so a target
// shared by several routes stays one row. The language has no escapes (a string keeps its backslashes), so a
// value is quoted with whichever of ' or " it can be written in; one that fits neither is an error.
import type Database from 'better-sqlite3';
import { parseTns, type TnsValue } from '@m2/shared';
import { listMigrations } from './migrate.js';

/** A value the config language cannot express. */
export class RenderConfError extends Error {
  readonly code = 'M2_ERR_DUMP_UNREPRESENTABLE';
}

/** Whether `value` survives being written between `q` quotes: every q escaped, no dangling backslash at the end. */
function fits(value: string, q: string): boolean {
  let backslashes = 0;
  for (const ch of value) {
    if (ch === q && backslashes % 2 === 0) return false;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return backslashes % 2 === 0;
}

/** A string literal for `value`, or RenderConfError naming `what`. */
export function quote(value: string, what: string): string {
  if (fits(value, "'")) return `'${value}'`;
  if (fits(value, '"')) return `"${value}"`;
  throw new RenderConfError(`${what} ${JSON.stringify(value)} cannot be written in the config language (it needs both quote characters)`);
}

function num(value: unknown, what: string): string {
  const n = Number(value);
  if (value === null || !Number.isInteger(n) || n < 0) {
    throw new RenderConfError(`${what} ${String(value)} cannot be written in the config language (only whole numbers >= 0)`);
  }
  return String(n);
}

function tnsLiteral(v: TnsValue, what: string): string {
  if (typeof v === 'string') return quote(v, what);
  if (typeof v === 'number') return num(v, what);
  if (Array.isArray(v)) return `[${v.map((x) => tnsLiteral(x, what)).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${quote(k, what)}: ${tnsLiteral(x, what)}`).join(', ')}}`;
  throw new RenderConfError(`${what} holds ${String(v)}, which the config language cannot express`);
}

type Row = Record<string, unknown>;

/** The default mimetypes, as migration 0002 seeds them. */
function defaultMimetypes(): Map<string, string> {
  const sql = listMigrations().find((m) => m.name === 'default_mimetypes')!.sql;
  return new Map([...sql.matchAll(/\('([^']*)', '([^']*)'\)/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
}

/** Renders every server (or the one with `uuid`) in `db` as a config file. */
export function renderConf(db: Database.Database, opts: { uuid?: string; source?: string } = {}): string {
  const servers = (opts.uuid === undefined
    ? db.prepare('SELECT * FROM server ORDER BY id').all()
    : db.prepare('SELECT * FROM server WHERE uuid = ? ORDER BY id').all(opts.uuid)) as Row[];
  const targets: string[] = [];
  const named = new Set<string>();
  const targetVar = (type: unknown, id: unknown): string => {
    const table = type === 'dir' ? 'directory' : type;
    if (table !== 'directory' && table !== 'handler' && table !== 'proxy') {
      throw new RenderConfError(`a route has target_type ${String(type)}, which is not dir, handler or proxy`);
    }
    const name = `${String(type)}_${String(id)}`;
    if (named.has(name)) return name;
    const t = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    if (!t) throw new RenderConfError(`a route points at ${String(type)} ${String(id)}, which does not exist`);
    const s = (col: string) => quote(String(t[col] ?? ''), `${name}.${col}`);
    if (type === 'dir') {
      targets.push(`${name} = Dir(base=${s('base')}, index_file=${s('index_file')}, default_ctype=${s('default_ctype')}, cache_ttl=${num(t.cache_ttl ?? 0, `${name}.cache_ttl`)})`);
    } else if (type === 'handler') {
      targets.push(`${name} = Handler(send_spec=${s('send_spec')}, send_ident=${s('send_ident')},\n    recv_spec=${s('recv_spec')}, recv_ident=${s('recv_ident')}, raw_payload=${num(t.raw_payload ?? 0, `${name}.raw_payload`)}, protocol=${s('protocol')})`);
    } else {
      targets.push(`${name} = Proxy(addr=${s('addr')}, port=${num(t.port, `${name}.port`)})`);
    }
    named.add(name);
    return name;
  };

  const blocks: string[] = [];
  for (const srv of servers) {
    const sv = `server_${String(srv.id)}`;
    const s = (col: string) => quote(String(srv[col] ?? ''), `${sv}.${col}`);
    const hosts = db.prepare('SELECT * FROM host WHERE server_id = ? ORDER BY id').all(srv.id) as Row[];
    const hostTexts = hosts.map((h) => {
      const routes = db.prepare('SELECT * FROM route WHERE host_id = ? ORDER BY id').all(h.id) as Row[];
      const entries = routes.map((r) => `            ${quote(String(r.path), 'route path')}: ${targetVar(r.target_type, r.target_id)}`);
      return `        Host(name=${quote(String(h.name ?? ''), 'host name')}, matching=${quote(String(h.matching ?? h.name ?? ''), 'host matching')}, routes={\n${entries.join('\n')}\n        })`;
    });
    const plugins = (table: 'filter' | 'xrequest', cls: string) => (db.prepare(`SELECT * FROM ${table} WHERE server_id = ? ORDER BY id`).all(srv.id) as Row[])
      .map((f) => `        ${cls}(name=${quote(String(f.name), `${cls} name`)}, settings=${tnsLiteral(parseTns(String(f.settings)), `${cls} settings`)})`);
    const filters = plugins('filter', 'Filter');
    const xrequests = plugins('xrequest', 'Xrequest');
    blocks.push([
      `${sv} = Server(`,
      `    uuid=${s('uuid')}, name=${s('name')},`,
      `    bind_addr=${s('bind_addr')}, port=${num(srv.port, `${sv}.port`)}, use_ssl=${num(srv.use_ssl ?? 0, `${sv}.use_ssl`)},`,
      `    chroot=${s('chroot')}, pid_file=${s('pid_file')}, control_port=${s('control_port')},`,
      `    access_log=${s('access_log')}, error_log=${s('error_log')}, error_log_level=${num(srv.error_log_level ?? 2, `${sv}.error_log_level`)},`,
      `    default_host=${s('default_host')},`,
      `    hosts=[\n${hostTexts.join('\n')}\n    ]${filters.length ? `,\n    filters=[\n${filters.join('\n')}\n    ]` : ''}${xrequests.length ? `,\n    xrequests=[\n${xrequests.join('\n')}\n    ]` : ''}`,
      ')',
    ].join('\n'));
  }

  const out: string[] = [`# Mongrel2 config rendered by m2sh dump${opts.source ? ` from ${opts.source}` : ''}; m2sh load reads it back.`, ''];
  if (targets.length) out.push(...targets, '');
  out.push(...blocks.map((b) => b + '\n'));
  out.push(`servers = [${servers.map((s) => `server_${String(s.id)}`).join(', ')}]`);
  const settings = db.prepare('SELECT key, value FROM setting ORDER BY id').all() as Row[];
  if (settings.length) {
    out.push('', 'settings = {', ...settings.map((r) => `    ${quote(String(r.key), 'setting key')}: ${quote(String(r.value ?? ''), `setting ${String(r.key)}`)}`), '}');
  }
  const defaults = defaultMimetypes();
  const custom = (db.prepare('SELECT extension, mimetype FROM mimetype ORDER BY id').all() as Row[])
    .filter((r) => defaults.get(String(r.extension)) !== r.mimetype);
  if (custom.length) {
    out.push('', 'mimetypes = {', ...custom.map((r) => `    ${quote(String(r.extension), 'mimetype extension')}: ${quote(String(r.mimetype), 'mimetype')}`), '}');
  }
  return out.join('\n') + '\n';
}
