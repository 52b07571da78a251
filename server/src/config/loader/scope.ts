// Resolving names in a parsed config file. Mirrors Value_resolve in tools/m2sh/src/ast.c: a bare name refers
// to a top-level assignment, looked up lazily so forward references work; the last assignment of a name wins.
// Unlike the C m2sh, a chain of names (a = b, b = Server(...)) resolves, and a cycle or an undefined name is an
// error at the place it is used.
import type { ConfigFile, Pos, Value } from '../lang/ast.js';
import { ConfigError, type ConfigErrorCode } from '../lang/error.js';

/** The top-level names of a file and the means to report an error at a place in it. */
export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(readonly file: ConfigFile) {
    for (const st of file.statements) if (st.kind === 'assign') this.vars.set(st.name, st.value);
  }

  /** Throws a ConfigError pointing at `pos`. */
  fail(pos: Pos, code: ConfigErrorCode, message: string): never {
    throw new ConfigError(code, message, this.file.file, this.file.source, pos);
  }

  /** Whether a top-level name is assigned. */
  has(name: string): boolean {
    return this.vars.has(name);
  }

  /** The value assigned to `name` (resolved), or undefined. */
  lookup(name: string): Value | undefined {
    const v = this.vars.get(name);
    return v === undefined ? undefined : this.resolve(v);
  }

  /** Follows references until a value that is not a reference. */
  resolve(value: Value): Value {
    const seen = new Set<string>();
    let v = value;
    while (v.kind === 'ref') {
      if (seen.has(v.name)) this.fail(value.pos, 'M2_ERR_CONFIG_UNDEFINED', `'${value.kind === 'ref' ? value.name : ''}' refers to itself through '${v.name}'`);
      seen.add(v.name);
      const next = this.vars.get(v.name);
      if (next === undefined) this.fail(v.pos, 'M2_ERR_CONFIG_UNDEFINED', `undefined variable '${v.name}'`);
      v = next;
    }
    return v;
  }
}

/** A short name for a value's kind in messages: "a string", "a number", "Host(...)". */
export function describe(v: Value): string {
  switch (v.kind) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'null': return 'None';
    case 'class': return `${v.name}(...)`;
    case 'list': return 'a list';
    case 'dict': return 'a dict';
    case 'ref': return `the variable '${v.name}'`;
  }
}
