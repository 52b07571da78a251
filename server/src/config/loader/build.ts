// Turns a parsed config file into the model m2sh would write. Mirrors tools/m2sh/src/config_file.c
// (Server_load, Host_load, Route_load, Dir_load, Handler_load, Proxy_load, Plugin_load, Settings_load,
// Mimetypes_load) and the order it walks in: servers and hosts in list order, dict entries (routes, settings,
// mimetypes) in the breadth-first order of m2sh's ternary search tree, a repeated dict key taking the last value.
// Where m2sh logged an error and carried on (a Dir base without a trailing `/` silently dropped the route), we stop
// at the first error with its file:line:col, so nothing is written unless the whole file is valid (decision 12).
import { Tst, checkPattern, renderTns, type TnsValue } from '@m2/shared';
import type { DictEntry, Value } from '../lang/ast.js';
import type { ConfigFile } from '../lang/ast.js';
import type { ConfigModel, HostSpec, PluginSpec, ServerSpec, TargetSpec } from './model.js';
import { Params } from './params.js';
import { Scope, describe } from './scope.js';

type Cls = Extract<Value, { kind: 'class' }>;
type Dict = Extract<Value, { kind: 'dict' }>;

/**
 * Dict entries in m2sh's walk order: tst_traverse over the keys, the last duplicate's value winning.
 * Callers refuse empty keys first (the tree cannot hold one; the C m2sh would write an empty route path).
 */
export function tstOrder(entries: readonly DictEntry[]): DictEntry[] {
  const tree = new Tst<DictEntry>();
  for (const e of entries) tree.insert(e.key, e);
  return tree.traverse();
}

const SERVER_PARAMS = ['uuid', 'access_log', 'error_log', 'error_log_level', 'pid_file', 'control_port', 'chroot',
  'default_host', 'name', 'bind_addr', 'port', 'use_ssl', 'hosts', 'filters', 'xrequests'];
const HOST_PARAMS = ['name', 'matching', 'routes', 'server', 'maintenance'];
const DIR_PARAMS = ['base', 'index_file', 'default_ctype', 'cache_ttl'];
const HANDLER_PARAMS = ['send_spec', 'send_ident', 'recv_spec', 'recv_ident', 'raw_payload', 'protocol'];
const PROXY_PARAMS = ['addr', 'port'];
const PLUGIN_PARAMS = ['name', 'settings'];

class Builder {
  readonly scope: Scope;
  readonly warnings: string[] = [];
  /** Targets already built, by their AST node: a target shared by routes is one row (cls->id in config_file.c). */
  private readonly targets = new Map<Cls, TargetSpec>();
  private readonly python: boolean;

  constructor(file: ConfigFile) {
    this.scope = new Scope(file);
    this.python = file.syntax === 'python';
  }

  private expectClass(v: Value, name: string): Cls {
    const r = this.scope.resolve(v);
    if (r.kind !== 'class' || r.name !== name) {
      this.scope.fail(r.pos, 'M2_ERR_CONFIG_TYPE', `expected ${name}(...) here, got ${describe(r)}`);
    }
    return r;
  }

  /** The items of a value that must be a list (after resolving references). */
  expectList(v: Value, what: string): Value[] {
    const r = this.scope.resolve(v);
    if (r.kind !== 'list') this.scope.fail(r.pos, 'M2_ERR_CONFIG_TYPE', `${what} must be a list, not ${describe(r)}`);
    return r.items;
  }

  server(v: Value, extraHosts: Value[]): ServerSpec {
    const cls = this.expectClass(v, 'Server');
    const p = new Params(this.scope, cls, SERVER_PARAMS, this.warnings);
    const hostsParam = p.of('hosts', 'list', 'a list of Host(...)');
    if (!hostsParam && extraHosts.length === 0 && !this.python) {
      this.scope.fail(cls.pos, 'M2_ERR_CONFIG_MISSING', 'Server(...) is missing hosts (a list of Host(...))');
    }
    const spec: ServerSpec = {
      uuid: p.str('uuid'),
      accessLog: p.str('access_log'),
      errorLog: p.str('error_log'),
      errorLogLevel: p.num('error_log_level', 2),
      pidFile: p.str('pid_file'),
      controlPort: p.str('control_port', ''),
      chroot: p.str('chroot', ''),
      defaultHost: p.str('default_host'),
      name: p.str('name', this.python ? '' : undefined),
      bindAddr: p.str('bind_addr', '0.0.0.0'),
      port: p.num('port'),
      useSsl: p.num('use_ssl', 0),
      hosts: [],
      filters: [],
      xrequests: [],
    };
    for (const h of [...(hostsParam?.items ?? []), ...extraHosts]) spec.hosts.push(this.host(h));
    spec.filters = this.plugins(p.of('filters', 'list', 'a list of Filter(...)'), 'Filter');
    spec.xrequests = this.plugins(p.of('xrequests', 'list', 'a list of Xrequest(...)'), 'Xrequest');
    if (!spec.hosts.some((h) => h.name === spec.defaultHost)) {
      const { line, col } = cls.pos;
      this.warnings.push(`${this.scope.file.file}:${line}:${col}: server '${spec.name}' has no host named its default_host '${spec.defaultHost}'; mongrel2 will refuse to start it`);
    }
    return spec;
  }

  private host(v: Value): HostSpec {
    const cls = this.expectClass(v, 'Host');
    const p = new Params(this.scope, cls, HOST_PARAMS, this.warnings);
    const name = p.str('name');
    const matching = p.str('matching', name);
    const check = checkPattern(matching.includes(')') ? matching.slice(0, matching.lastIndexOf(')') + 1) : '');
    if (!check.ok) this.scope.fail(p.value('matching')?.pos ?? cls.pos, 'M2_ERR_CONFIG_PATTERN', `Host matching '${matching}': ${check.message}`);
    const routes = p.of('routes', 'dict', 'a dict of "path": target');
    if (!routes) this.scope.fail(cls.pos, 'M2_ERR_CONFIG_MISSING', `Host(...) '${name}' is missing routes (a dict of "path": target)`);
    return { name, matching, routes: this.routes(routes) };
  }

  /** Fails at the first empty key of a dict: an empty route path, setting name or extension means nothing. */
  noEmptyKeys(dict: Dict, what: string): void {
    const empty = dict.entries.find((e) => e.key === '');
    if (empty) this.scope.fail(empty.keyPos, 'M2_ERR_CONFIG_INVALID', `${what} cannot be empty`);
  }

  private routes(dict: Dict): HostSpec['routes'] {
    this.noEmptyKeys(dict, 'a route path');
    return tstOrder(dict.entries).map((e) => {
      const paren = e.key.indexOf('(');
      if (paren >= 0) {
        const check = checkPattern(e.key.slice(paren));
        if (!check.ok) this.scope.fail(e.keyPos, 'M2_ERR_CONFIG_PATTERN', `route '${e.key}': ${check.message}`);
      }
      return { path: e.key, target: this.target(e.value, e.key) };
    });
  }

  private target(v: Value, path: string): TargetSpec {
    const cls = this.scope.resolve(v);
    if (cls.kind !== 'class') {
      this.scope.fail(cls.pos, 'M2_ERR_CONFIG_TYPE', `route '${path}' must point at Dir(...), Handler(...) or Proxy(...), not ${describe(cls)}`);
    }
    const cached = this.targets.get(cls);
    if (cached) return cached;
    let spec: TargetSpec;
    switch (cls.name.toLowerCase()) {
      case 'dir': {
        const p = new Params(this.scope, cls, DIR_PARAMS, this.warnings);
        const base = p.str('base');
        if (!base.endsWith('/')) {
          this.scope.fail(p.value('base')!.pos, 'M2_ERR_CONFIG_DIR_BASE', `End directory base with / in ${base} or it won't work right.`);
        }
        spec = {
          kind: 'dir', base, indexFile: p.str('index_file'),
          defaultCtype: p.str('default_ctype', this.python ? 'text/plain' : undefined), cacheTtl: p.num('cache_ttl', 0),
        };
        break;
      }
      case 'handler': {
        const p = new Params(this.scope, cls, HANDLER_PARAMS, this.warnings);
        const raw = p.num('raw_payload', 0);
        if (raw !== 0 && raw !== 1) this.scope.fail(p.value('raw_payload')!.pos, 'M2_ERR_CONFIG_INVALID', 'Handler raw_payload must be 0 or 1');
        const protocol = p.str('protocol', 'json');
        if (protocol !== 'json' && protocol !== 'tnetstring') {
          this.scope.fail(p.value('protocol')!.pos, 'M2_ERR_CONFIG_INVALID', `Handler protocol must be 'json' or 'tnetstring', not '${protocol}'`);
        }
        spec = {
          kind: 'handler', sendSpec: p.str('send_spec'), sendIdent: p.str('send_ident'),
          recvSpec: p.str('recv_spec'), recvIdent: p.str('recv_ident'), rawPayload: raw, protocol,
        };
        break;
      }
      case 'proxy': {
        const p = new Params(this.scope, cls, PROXY_PARAMS, this.warnings);
        spec = { kind: 'proxy', addr: p.str('addr'), port: p.num('port') };
        break;
      }
      default:
        return this.scope.fail(cls.pos, 'M2_ERR_CONFIG_TYPE', `Invalid type of route target: ${cls.name} (route '${path}' needs Dir, Handler or Proxy)`);
    }
    this.targets.set(cls, spec);
    return spec;
  }

  private plugins(list: Extract<Value, { kind: 'list' }> | undefined, kind: 'Filter' | 'Xrequest'): PluginSpec[] {
    return (list?.items ?? []).map((item) => {
      const cls = this.expectClass(item, kind);
      const p = new Params(this.scope, cls, PLUGIN_PARAMS, this.warnings);
      const name = p.str('name');
      const settings = p.of('settings', 'dict', 'a dict');
      if (!settings) this.scope.fail(cls.pos, 'M2_ERR_CONFIG_MISSING', `Invalid or missing settings for ${kind} '${name}'`);
      return { name, settings: renderTns(this.tns(settings)) };
    });
  }

  /** Mirrors AST_tns_convert_value: strings, numbers, lists, dicts and references become a tnetstring value. */
  private tns(v: Value): TnsValue {
    const r = this.scope.resolve(v);
    switch (r.kind) {
      case 'string': return r.value;
      case 'number': return Number(r.value);
      case 'null': return null;
      case 'list': return r.items.map((i) => this.tns(i));
      case 'dict':
        this.noEmptyKeys(r, 'a plugin setting name');
        return new Map(tstOrder(r.entries).map((e) => [e.key, this.tns(e.value)] as [string, TnsValue]));
      default: return this.scope.fail(r.pos, 'M2_ERR_CONFIG_TYPE', `Unsupported type in plugin settings: ${describe(r)}`);
    }
  }

  /** `settings = {...}` or `mimetypes = {...}`: string keys to strings (or numbers, kept as their text). */
  pairs(v: Value | undefined, what: string, numbersAllowed: boolean): [string, string][] {
    if (v === undefined) return [];
    const dict = this.scope.resolve(v);
    if (dict.kind !== 'dict') this.scope.fail(dict.pos, 'M2_ERR_CONFIG_TYPE', `${what} must be a dict, not ${describe(dict)}`);
    this.noEmptyKeys(dict, `a ${what} name`);
    return tstOrder(dict.entries).map((e) => {
      const val = this.scope.resolve(e.value);
      if (val.kind === 'string' || (numbersAllowed && val.kind === 'number')) return [e.key, val.value];
      return this.scope.fail(val.pos, 'M2_ERR_CONFIG_TYPE', `${what} '${e.key}' must be a string${numbersAllowed ? ' or a number' : ''}, not ${describe(val)}`);
    });
  }
}

/** The servers, settings and mimetypes a C-syntax file names through its `servers`, `settings`, `mimetypes`. */
function buildM2sh(b: Builder): ConfigModel {
  const root = b.scope.file.statements.find((s) => s.kind === 'assign' && s.name === 'servers');
  if (!root || !b.scope.has('servers')) {
    const last = b.scope.file.statements.at(-1);
    b.scope.fail(last?.pos ?? { line: 1, col: 1, offset: 0 }, 'M2_ERR_CONFIG_NO_SERVERS', "You didn't set a servers variable to say what servers you want.");
  }
  const servers = b.scope.lookup('servers')!;
  const list = b.scope.resolve(servers);
  if (list.kind !== 'list') b.scope.fail(list.pos, 'M2_ERR_CONFIG_TYPE', `servers variable should be a list of server configs to load, not ${describe(list)}`);
  return {
    servers: list.items.map((s) => b.server(s, [])),
    settings: b.pairs(b.scope.lookup('settings'), 'setting', true),
    mimetypes: b.pairs(b.scope.lookup('mimetypes'), 'mimetype', false),
    warnings: b.warnings,
  };
}

/** The manual's Python-style file: `commit([servers], settings=...)` and `server.hosts.add(host)` calls. */
function buildPython(b: Builder): ConfigModel {
  const file = b.scope.file;
  const added = new Map<string, Value[]>();
  const servers: Value[] = [];
  let settings: Value | undefined;
  let committed = false;
  for (const st of file.statements) {
    if (st.kind !== 'call') continue;
    const target = st.target.join('.');
    if (st.target.length === 3 && st.target[1] === 'hosts' && st.target[2] === 'add') {
      if (st.args.length !== 1 || st.kwargs.length > 0) b.scope.fail(st.pos, 'M2_ERR_CONFIG_INVALID', `${target}() takes exactly one Host(...)`);
      const owner = st.target[0]!;
      if (!b.scope.has(owner)) b.scope.fail(st.pos, 'M2_ERR_CONFIG_UNDEFINED', `undefined variable '${owner}'`);
      added.set(owner, [...(added.get(owner) ?? []), st.args[0]!]);
    } else if (target === 'commit') {
      committed = true;
      const list = st.args[0] ?? st.kwargs.find((k) => k.name === 'servers')?.value;
      if (!list) b.scope.fail(st.pos, 'M2_ERR_CONFIG_MISSING', 'commit() needs the list of servers to load');
      servers.push(...b.expectList(list, 'the servers given to commit()'));
      const s = st.args[1] ?? st.kwargs.find((k) => k.name === 'settings')?.value;
      if (s) settings = s;
    } else {
      b.scope.fail(st.pos, 'M2_ERR_CONFIG_UNSUPPORTED', `${target}() is not supported in config files`);
    }
  }
  if (!committed) {
    const last = file.statements.at(-1);
    b.scope.fail(last?.pos ?? { line: 1, col: 1, offset: 0 }, 'M2_ERR_CONFIG_NO_SERVERS', 'this Python-style config never calls commit([...]) to say what servers you want');
  }
  const refName = (v: Value) => (v.kind === 'ref' ? v.name : undefined);
  return {
    servers: servers.map((s) => b.server(s, added.get(refName(s) ?? '') ?? [])),
    settings: b.pairs(settings, 'setting', true),
    mimetypes: b.pairs(b.scope.lookup('mimetypes'), 'mimetype', false),
    warnings: b.warnings,
  };
}

/** Builds the model of a parsed file, or throws a ConfigError at the first problem. */
export function buildModel(file: ConfigFile): ConfigModel {
  const b = new Builder(file);
  return file.syntax === 'python' ? buildPython(b) : buildM2sh(b);
}
