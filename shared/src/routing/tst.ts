// Mirrors src/adt/tst.c: the ternary search tree Mongrel2 keys routes, hosts and m2sh's config dicts with.
// Its shape matters to users: prefix search returns a stored key that *extends* the query (§5.3 of the spec),
// and m2sh inserts config rows in the tree's breadth-first order (§2.3), so both are reproduced exactly.
// Keys are compared as C `char` on x86: UTF-8 bytes, signed, so bytes >= 0x80 sort below ASCII.

const encoder = new TextEncoder();

/** The bytes of a key as signed chars, the way the C tree compares them. */
export function keyBytes(key: string): Int8Array {
  // Paths and host names are nearly always ASCII: copy the char codes, skipping TextEncoder's native call.
  const n = key.length;
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = encoder.encode(key);
      return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    out[i] = c;
  }
  return out;
}

interface Node<V> {
  splitchar: number;
  low: Node<V> | null;
  equal: Node<V> | null;
  high: Node<V> | null;
  value: V | undefined;
}

function node<V>(splitchar: number): Node<V> {
  return { splitchar, low: null, equal: null, high: null, value: undefined };
}

/** A ternary search tree with Mongrel2's search and traversal semantics. */
export class Tst<V> {
  private root: Node<V> | null = null;

  /** Inserts `value` at `key`; a duplicate key replaces the value in place (C builds with -DNDEBUG). */
  insert(key: string, value: V): void {
    const s = keyBytes(key);
    if (s.length === 0) return; // the C stores an empty key on a NUL node no search reaches; RouteMap models that itself
    if (this.root === null) this.root = node(s[0]!);
    let p = this.root;
    let i = 0;
    for (;;) {
      const c = s[i]!;
      if (c < p.splitchar) {
        p = p.low ??= node(c);
      } else if (c === p.splitchar) {
        if (i === s.length - 1) {
          p.value = value;
          return;
        }
        i++;
        p = p.equal ??= node(s[i]!);
      } else {
        p = p.high ??= node(c);
      }
    }
  }

  /** Exact lookup (tst_search). */
  search(key: string): V | undefined {
    const s = keyBytes(key);
    let p = this.root;
    let i = 0;
    while (i < s.length && p) {
      const c = s[i]!;
      if (c < p.splitchar) p = p.low;
      else if (c === p.splitchar) {
        i++;
        if (i < s.length) p = p.equal;
      } else p = p.high;
    }
    return p ? p.value : undefined;
  }

  /**
   * tst_search_prefix: walk along `key`; if the walk falls off, the longest stored proper prefix seen;
   * if it ends on a node, that node's value or the first value down its chain of equal children.
   */
  searchPrefix(key: string): V | undefined {
    return this.walk(keyBytes(key), false);
  }

  /** tst_search_suffix: the same walk, reading `key` from its last byte backwards (reversed host keys). */
  searchSuffix(key: string): V | undefined {
    return this.walk(keyBytes(key), true);
  }

  private walk(s: Int8Array, backwards: boolean): V | undefined {
    if (s.length === 0) return undefined;
    let p = this.root;
    let last: Node<V> | null = null;
    let i = 0;
    while (i < s.length && p) {
      const c = s[backwards ? s.length - 1 - i : i]!;
      if (c < p.splitchar) p = p.low;
      else if (c === p.splitchar) {
        i++;
        if (i < s.length) {
          if (p.value !== undefined) last = p;
          p = p.equal;
        }
      } else p = p.high;
    }
    let q: Node<V> | null = p ?? last;
    while (q && q.value === undefined) q = q.equal;
    return q ? q.value : undefined;
  }

  /** Every value in tst_traverse order: breadth first, children queued low, equal, high. */
  traverse(): V[] {
    const out: V[] = [];
    if (!this.root) return out;
    const queue: Node<V>[] = [this.root];
    for (let head = 0; head < queue.length; head++) {
      const cur = queue[head]!;
      if (cur.value !== undefined) out.push(cur.value);
      if (cur.low) queue.push(cur.low);
      if (cur.equal) queue.push(cur.equal);
      if (cur.high) queue.push(cur.high);
    }
    return out;
  }
}
