// Where a browser reaches a server: its bind address and port, with a wildcard address (0.0.0.0, ::, empty)
// replaced by the host the console itself was reached at, and an IPv6 address in brackets (RFC 3986 §3.2.2).

/** The http:// URL of a server bound to `bindAddr`:`port`, as seen from a page on `pageHost`. */
export function serverUrl(bindAddr: string, port: number, pageHost: string): string {
  const wildcard = bindAddr === '' || bindAddr === '0.0.0.0' || bindAddr === '::' || bindAddr === '[::]';
  const host = wildcard ? pageHost || '127.0.0.1' : bindAddr;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}
