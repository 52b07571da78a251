// Reading the parameters of a `Class(...)` in a config file, as AST_get/AST_str in tools/m2sh/src/ast.c do:
// by name, type-checked (a port must be a number, a uuid a string). Python-style files may also pass
// positional arguments, mapped to names by the old Python m2sh's constructor signatures (model.py).
// Unknown parameters are ignored, as m2sh ignores them, but reported as warnings.
import type { Param, Pos, Value } from '../lang/ast.js';
import { describe, type Scope } from './scope.js';

type ClassValue = Extract<Value, { kind: 'class' }>;

/** Positional parameter order of each class in the Python-style files (examples/python/mongrel2/config/model.py). */
const POSITIONAL: Record<string, string[]> = {
  Server: ['uuid', 'access_log', 'error_log', 'chroot', 'default_host', 'name', 'pid_file', 'port', 'hosts', 'bind_addr', 'use_ssl'],
  Host: ['server', 'name', 'matching', 'maintenance', 'routes'],
  Handler: ['send_spec', 'send_ident', 'recv_spec', 'recv_ident', 'raw_payload', 'protocol'],
  Proxy: ['addr', 'port'],
  Dir: ['base', 'index_file', 'default_ctype', 'cache_ttl'],
  Filter: ['name', 'settings'],
  Xrequest: ['name', 'settings'],
};

/** The named parameters of one class instance, with typed getters that fail at the right place. */
export class Params {
  private readonly byName = new Map<string, { value: Value; pos: Pos }>();

  constructor(private readonly scope: Scope, readonly cls: ClassValue, known: readonly string[], warnings: string[]) {
    const order = POSITIONAL[cls.name] ?? [];
    cls.args.forEach((arg, i) => {
      const name = order[i];
      if (name === undefined) scope.fail(arg.pos, 'M2_ERR_CONFIG_INVALID', `${cls.name}(...) takes at most ${order.length} positional arguments`);
      this.byName.set(name, { value: arg, pos: arg.pos });
    });
    cls.params.forEach((p: Param) => {
      if (!known.includes(p.name)) {
        const { line, col } = p.pos;
        warnings.push(`${scope.file.file}:${line}:${col}: ignoring unknown parameter '${p.name}' of ${cls.name}(...)`);
        return;
      }
      this.byName.set(p.name, { value: p.value, pos: p.pos });
    });
  }

  /** Whether the parameter was given (Python None counts as not given). */
  has(name: string): boolean {
    const p = this.byName.get(name);
    return p !== undefined && this.scope.resolve(p.value).kind !== 'null';
  }

  /** The resolved value of a parameter, or undefined. */
  value(name: string): Value | undefined {
    const p = this.byName.get(name);
    if (!p) return undefined;
    const v = this.scope.resolve(p.value);
    return v.kind === 'null' ? undefined : v;
  }

  private missing(name: string, what: string): never {
    return this.scope.fail(this.cls.pos, 'M2_ERR_CONFIG_MISSING', `${this.cls.name}(...) is missing ${name} (${what})`);
  }

  private wrong(name: string, v: Value, what: string): never {
    return this.scope.fail(v.pos, 'M2_ERR_CONFIG_TYPE', `${this.cls.name} ${name} must be ${what}, not ${describe(v)}`);
  }

  /** A string parameter; `def` when absent, an error when absent without a default. */
  str(name: string, def?: string): string {
    const v = this.value(name);
    if (v === undefined) return def ?? this.missing(name, 'a string');
    if (v.kind !== 'string') return this.wrong(name, v, 'a string');
    return v.value;
  }

  /** A number parameter (digits only, as the lexer allows); `def` when absent. */
  num(name: string, def?: number): number {
    const v = this.value(name);
    if (v === undefined) return def ?? this.missing(name, 'a number');
    if (v.kind !== 'number') return this.wrong(name, v, 'a number');
    return Number(v.value);
  }

  /** A parameter of a given kind (list, dict, class), or undefined when absent. */
  of<K extends Value['kind']>(name: string, kind: K, what: string): Extract<Value, { kind: K }> | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (v.kind !== kind) return this.wrong(name, v, what);
    return v as Extract<Value, { kind: K }>;
  }
}
