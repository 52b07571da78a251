// Which file a Dir request names, whether it may be served, and what type it is. Mirrors Dir_resolve_file,
// burl_decode and normalize_path in src/dir.c, and MIME_add_type / MIME_match_ext in src/mime.c (a reversed-key
// suffix search that yields the longest table extension ending the lower-cased path). Decision 7 adds the `/`
// boundary to the inside-the-base check.

/** A mimetype table: the type of the longest table extension that ends the (already lower-cased) path. */
export interface MimeTable {
  lookup(lowerCasedPath: string): string | undefined;
}

/**
 * Builds a MimeTable from `[extension, mimetype]` rows (`.html` → `text/html`). Extensions are used as given
 * (Mongrel2 neither lower-cases nor otherwise rewrites them); rows with an empty extension or type are skipped, and
 * the first row for an extension wins (Mongrel2 refuses to start on duplicates; the config loader reports those).
 */
export function buildMimeTable(rows: Iterable<[extension: string, mimetype: string]>): MimeTable {
  const byExt = new Map<string, string>();
  for (const [ext, type] of rows) {
    if (ext === '' || type === '' || byExt.has(ext)) continue;
    byExt.set(ext, type);
  }
  const lengths = [...new Set([...byExt.keys()].map((e) => e.length))].sort((a, b) => b - a);
  return {
    lookup(path: string): string | undefined {
      for (const len of lengths) {
        if (len > path.length) continue;
        const hit = byExt.get(path.slice(path.length - len));
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
  };
}

/** ASCII-only lower-casing, as C's tolower in the "C" locale does (MIME_match_ext's btolower). */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

const HEX = /%([0-9A-Fa-f]{2})/g;

/** Decodes `%XX` escapes only (`+` stays), byte-wise on a latin1 string, as burl_decode does. */
export function percentDecode(s: string): string {
  return s.includes('%') ? s.replace(HEX, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * The part of the request path to append to the base, per Dir_resolve_file: a trailing `/` names the index file,
 * a path equal to the prefix keeps the whole path (the 1.13 `/foo` quirk), anything else is what follows the prefix.
 * The result starts with `/` and is still percent-encoded.
 */
export function relativeTarget(path: string, prefix: string, indexFile: string): string {
  if (path.endsWith('/')) return '/' + path.slice(prefix.length) + indexFile;
  if (path === prefix) return path;
  return '/' + path.slice(prefix.length);
}

/**
 * Turns the decoded request part (latin1 string = raw bytes) into a filesystem path string for Node, or undefined
 * when it cannot name a file we may serve: a NUL byte (C would silently truncate there) or bytes that are not valid
 * UTF-8 (Node's string paths could not reproduce them).
 */
export function toFsPath(decodedLatin1: string): string | undefined {
  if (decodedLatin1.includes('\0')) return undefined;
  if (!/[\x80-\xff]/.test(decodedLatin1)) return decodedLatin1;
  const bytes = Buffer.from(decodedLatin1, 'latin1');
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}

/** Decision 7: a resolved path is inside the resolved base only when equal to it or below it at a `/` boundary. */
export function insideBase(realTarget: string, realBase: string): boolean {
  if (realTarget === realBase) return true;
  const withSlash = realBase.endsWith('/') ? realBase : realBase + '/';
  return realTarget.startsWith(withSlash);
}

/**
 * The Location of a directory redirect (decision 10): `//host` + path + `/`, then the query, so `//h/dir/?q=1`;
 * with no host (no Host header, or an empty one) the path-only `/dir/?q=1`. The host is the Host header, or the
 * absolute-form authority when the request had one (decision 11).
 */
export function redirectLocation(host: string | undefined, path: string, query: string | undefined): string {
  const where = host ? `//${host}${path}/` : `${path}/`;
  return query === undefined ? where : `${where}?${query}`;
}
