// What a cascading delete takes along (`DELETE /api/servers/:id?cascade=1`, `/api/hosts/:id?cascade=1`): a
// server's hosts, their routes, its filters and xrequests; a host's routes. Targets stay: other routes may share
// them, and m2sh never deletes them either.
import type Database from 'better-sqlite3';

/** Deletes what belongs to row `id` of `table`; returns a note for the commit log ('' when nothing). */
export function cascadeDelete(db: Database.Database, table: string, id: number): string {
  if (table === 'host') {
    const n = db.prepare('DELETE FROM route WHERE host_id = ?').run(id).changes;
    return n ? `${n} route(s)` : '';
  }
  if (table === 'server') {
    const routes = db.prepare('DELETE FROM route WHERE host_id IN (SELECT id FROM host WHERE server_id = ?)').run(id).changes;
    const hosts = db.prepare('DELETE FROM host WHERE server_id = ?').run(id).changes;
    const filters = db.prepare('DELETE FROM filter WHERE server_id = ?').run(id).changes
      + db.prepare('DELETE FROM xrequest WHERE server_id = ?').run(id).changes;
    return [hosts && `${hosts} host(s)`, routes && `${routes} route(s)`, filters && `${filters} filter(s)`].filter(Boolean).join(', ');
  }
  return '';
}
