// A configuration's fingerprint: a SHA-256 over everything one server runs with (its row, hosts, routes and
// targets, settings, mimetypes) in a canonical order. The server computes it on every (re)load and reports it on
// its control port (`config`, our extension); the console computes it from the database with this same function,
// so "pending changes" means exactly "the database now differs from what that server has loaded".
import { createHash } from 'node:crypto';
import type { ServerConfig } from './server-config.js';

/** The fingerprint of a loaded configuration (hex SHA-256). */
export function configFingerprint(config: ServerConfig): string {
  const canonical = {
    server: config.server,
    hosts: config.hosts,
    settings: config.settings.entries().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    mimetypes: [...config.mimetypes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
