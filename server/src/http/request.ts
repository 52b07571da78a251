// A parsed HTTP/1.x request head, as the connection, the router, Dir, Proxy and (later) the handler codec see it.
// Mirrors src/request.h: the raw pieces Mongrel2 keeps (method, URI, path, query, fragment, version, headers in
// arrival order) plus the raw head bytes, which Proxy forwards verbatim (spec §7).

/** One parsed request head. Strings are decoded as latin1, so every byte survives a round trip. */
export interface HttpRequest {
  /** The method exactly as sent (`GET`, `POST`, ... `[A-Z0-9]{1,20}`). */
  method: string;
  /** The request-target exactly as sent, fragment included. */
  target: string;
  /** The raw (not percent-decoded) path: for origin-form the text before `?`/`#`; for absolute-form its path. */
  path: string;
  /** The text after `?` up to `#`, or undefined when there is no `?`. */
  query: string | undefined;
  /** The text after `#`, or undefined. */
  fragment: string | undefined;
  /** `path` + (`?` + query), without the fragment: Mongrel2's URI key. */
  uri: string;
  /** For an absolute-form target (`GET http://host/x`), its authority (decision 11: it acts as the Host). */
  authority: string | undefined;
  version: 'HTTP/1.0' | 'HTTP/1.1';
  /** Header fields in arrival order, names as sent (case kept), values with surrounding whitespace trimmed. */
  headers: [name: string, value: string][];
  /** The exact bytes of the head: request line through the blank line. */
  head: Buffer;
  /** Body length from Content-Length (0 when absent); -1 when the body is chunked. */
  contentLength: number;
  /** Whether Transfer-Encoding ends in chunked. */
  chunked: boolean;
}

/** The first value of a header (case-insensitive name), or undefined. */
export function headerValue(req: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  const headers = req.headers;
  for (let i = 0; i < headers.length; i++) {
    const n = headers[i]![0];
    // Only a name of the same length can match; most are already lower-case (or the interned spelling).
    if (n.length === lower.length && (n === lower || n.toLowerCase() === lower)) return headers[i]![1];
  }
  return undefined;
}

/** Every value of a header (case-insensitive name), in arrival order. */
export function headerValues(req: HttpRequest, name: string): string[] {
  const lower = name.toLowerCase();
  return req.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}
