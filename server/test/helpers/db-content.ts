// The content of a config database, without row ids, for comparing what two m2sh loads produced
// (servers with their hosts, routes and targets resolved; settings; mimetypes; filters and xrequests).
import Database from 'better-sqlite3';
import { parseTns } from '@m2/shared';

type Row = Record<string, unknown>;

function target(db: Database.Database, type: unknown, id: unknown): unknown {
  const table = type === 'dir' ? 'directory' : String(type);
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) return { missing: `${String(type)} ${String(id)}` };
  const { id: _id, ...rest } = row;
  return { type, ...rest };
}

/** Everything a load put in `path`, keyed by content, in row order where row order matters to routing. */
export function dbContent(path: string): unknown {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
    const plugins = (table: string, serverId: unknown) => all(`SELECT name, settings FROM ${table} WHERE server_id = ? ORDER BY id`, serverId)
      .map((f) => ({ name: f.name, settings: parseTns(String(f.settings)) }));
    return {
      servers: all('SELECT * FROM server ORDER BY id').map((s) => ({
        uuid: s.uuid, access_log: s.access_log, error_log: s.error_log, chroot: s.chroot, pid_file: s.pid_file,
        control_port: s.control_port, default_host: s.default_host, name: s.name, bind_addr: s.bind_addr,
        port: s.port, use_ssl: s.use_ssl,
        hosts: all('SELECT * FROM host WHERE server_id = ? ORDER BY id', s.id).map((h) => ({
          name: h.name, matching: h.matching, maintenance: h.maintenance,
          routes: all('SELECT * FROM route WHERE host_id = ? ORDER BY id', h.id).map((r) => ({
            path: r.path, reversed: r.reversed, target: target(db, r.target_type, r.target_id),
          })),
        })),
        filters: plugins('filter', s.id),
        xrequests: plugins('xrequest', s.id),
      })),
      settings: all('SELECT key, value FROM setting ORDER BY id'),
      mimetypes: all('SELECT extension, mimetype FROM mimetype ORDER BY id'),
      targetCounts: {
        directory: all('SELECT count(*) AS n FROM directory')[0]!.n,
        handler: all('SELECT count(*) AS n FROM handler')[0]!.n,
        proxy: all('SELECT count(*) AS n FROM proxy')[0]!.n,
      },
    };
  } finally {
    db.close();
  }
}
