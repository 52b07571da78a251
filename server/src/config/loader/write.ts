// Writes a config model into a config database in one transaction, the rows m2sh's Config_load writes
// (tools/m2sh/src/config_file.c), in its order, so row ids come out as the C m2sh's: the config tables are
// emptied (the `log` table is kept), servers / hosts / targets / routes / filters / xrequests, then settings,
// then the 857 default mimetypes, then the file's own mimetypes — which, unlike 1.13's, really replace or add
// (decision 12) — and last the commit-log row.
import type Database from 'better-sqlite3';
import { migrationSql } from '../migrate.js';
import type { ConfigModel, PluginSpec, TargetSpec } from './model.js';

/** Mongrel2's config tables, which `load` empties; `log` (the commit log) is never among them. */
export const CONFIG_TABLES = ['server', 'host', 'handler', 'proxy', 'route', 'statistic', 'mimetype', 'setting',
  'directory', 'filter', 'xrequest'] as const;

/** One row of the commit log (who, what, where, how, why), as m2sh's log_action writes it. */
export interface LogEntry {
  who: string;
  what: string;
  location: string;
  how: string;
  why: string | null;
}

/** Appends a commit-log row. */
export function appendLog(db: Database.Database, entry: LogEntry): void {
  db.prepare('INSERT INTO log (who, what, location, how, why) VALUES (?, ?, ?, ?, ?)')
    .run(entry.who, entry.what, entry.location, entry.how, entry.why);
}

/** Empties the config tables and re-seeds the default mimetypes: the state `m2sh init` leaves. */
export function resetConfig(db: Database.Database): void {
  for (const table of CONFIG_TABLES) db.exec(`DELETE FROM ${table}`);
  db.exec(migrationSql('default_mimetypes'));
}

function insertTarget(db: Database.Database, t: TargetSpec): number {
  let info: Database.RunResult;
  switch (t.kind) {
    case 'dir':
      info = db.prepare('INSERT INTO directory (base, index_file, default_ctype, cache_ttl) VALUES (?, ?, ?, ?)')
        .run(t.base, t.indexFile, t.defaultCtype, t.cacheTtl);
      break;
    case 'handler':
      info = db.prepare(`INSERT INTO handler (send_spec, send_ident, recv_spec, recv_ident, raw_payload, protocol)
        VALUES (?, ?, ?, ?, ?, ?)`).run(t.sendSpec, t.sendIdent, t.recvSpec, t.recvIdent, t.rawPayload, t.protocol);
      break;
    case 'proxy':
      info = db.prepare('INSERT INTO proxy (addr, port) VALUES (?, ?)').run(t.addr, t.port);
      break;
  }
  return Number(info.lastInsertRowid);
}

function insertPlugins(db: Database.Database, table: 'filter' | 'xrequest', serverId: number, list: PluginSpec[]): void {
  const stmt = db.prepare(`INSERT INTO ${table} (server_id, name, settings) VALUES (?, ?, ?)`);
  for (const p of list) stmt.run(serverId, p.name, p.settings);
}

/** Replaces the whole configuration in `db` with `model` and appends `log`, atomically. */
export function writeModel(db: Database.Database, model: ConfigModel, log: LogEntry | null): void {
  db.transaction(() => {
    for (const table of CONFIG_TABLES) db.exec(`DELETE FROM ${table}`);
    const targetIds = new Map<TargetSpec, number>();
    const serverStmt = db.prepare(`INSERT INTO server (uuid, access_log, error_log, error_log_level, pid_file,
      control_port, chroot, default_host, name, bind_addr, port, use_ssl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const hostStmt = db.prepare('INSERT INTO host (server_id, name, matching) VALUES (?, ?, ?)');
    const routeStmt = db.prepare('INSERT INTO route (path, host_id, target_id, target_type) VALUES (?, ?, ?, ?)');
    for (const s of model.servers) {
      const serverId = Number(serverStmt.run(s.uuid, s.accessLog, s.errorLog, s.errorLogLevel, s.pidFile, s.controlPort,
        s.chroot, s.defaultHost, s.name, s.bindAddr, s.port, s.useSsl).lastInsertRowid);
      for (const h of s.hosts) {
        const hostId = Number(hostStmt.run(serverId, h.name, h.matching).lastInsertRowid);
        for (const r of h.routes) {
          let targetId = targetIds.get(r.target);
          if (targetId === undefined) {
            targetId = insertTarget(db, r.target);
            targetIds.set(r.target, targetId);
          }
          routeStmt.run(r.path, hostId, targetId, r.target.kind);
        }
      }
      insertPlugins(db, 'filter', serverId, s.filters);
      insertPlugins(db, 'xrequest', serverId, s.xrequests);
    }
    const settingStmt = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
    for (const [k, v] of model.settings) settingStmt.run(k, v);
    db.exec(migrationSql('default_mimetypes'));
    const delMime = db.prepare('DELETE FROM mimetype WHERE extension = ?');
    const addMime = db.prepare('INSERT INTO mimetype (extension, mimetype) VALUES (?, ?)');
    for (const [ext, type] of model.mimetypes) {
      delMime.run(ext);
      addMime.run(ext, type);
    }
    if (log) appendLog(db, log);
  }).immediate();
}
