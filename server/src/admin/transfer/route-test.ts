// POST /api/route-test (issue 6 §7): which server, host, route and target would serve a URL, read from the
// config database as a mongrel2 process reads it (config/server-config.ts: the server's hosts and each host's
// routes in row order, each route's target row), but leniently — a config the server would refuse can still be
// tested — and explained by route-tester.ts with the server's own matching code.
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import {
  ApiErr, dirFromRow, handlerFromRow, proxyFromRow, routeTestAnswerSchema, routeTestBodySchema,
  type DirRow, type HandlerRow, type ProxyRow, type RouteTestTarget,
} from '@m2/shared';
import { Settings } from '../../config/settings.js';
import type { AdminContext } from '../context.js';
import { ApiError, notFound, parseWith } from '../errors.js';
import { isTestRequestError, toTestRequest } from './route-request.js';
import { testRoute, type ServerChoice, type TesterHost, type TesterServer } from './route-tester.js';

type Row = Record<string, unknown>;

function readTarget(db: Database.Database, type: unknown, id: unknown): RouteTestTarget | null {
  if (type === 'dir') {
    const row = db.prepare('SELECT * FROM directory WHERE id = ?').get(id) as DirRow | undefined;
    return row ? { kind: 'dir', ...dirFromRow(row) } : null;
  }
  if (type === 'handler') {
    const row = db.prepare('SELECT * FROM handler WHERE id = ?').get(id) as HandlerRow | undefined;
    return row ? { kind: 'handler', ...handlerFromRow(row) } : null;
  }
  if (type === 'proxy') {
    const row = db.prepare('SELECT * FROM proxy WHERE id = ?').get(id) as ProxyRow | undefined;
    return row ? { kind: 'proxy', ...proxyFromRow(row) } : null;
  }
  return null;
}

/** Reads the server with `serverId` (default: the only or first server) with its hosts, routes and targets. */
export function readTesterServer(db: Database.Database, serverId?: number): { server: TesterServer; choice: ServerChoice } {
  const servers = db.prepare('SELECT id, uuid, name, default_host FROM server ORDER BY id').all() as Row[];
  const s = serverId === undefined ? servers[0] : servers.find((r) => r.id === serverId);
  if (!s) throw serverId === undefined ? new ApiError(404, ApiErr.NOT_FOUND, 'no server is configured') : notFound(`server ${serverId}`);
  const choice: ServerChoice = { how: serverId !== undefined ? 'given' : servers.length === 1 ? 'only' : 'first', count: servers.length };
  const hosts: TesterHost[] = (db.prepare('SELECT id, name, matching FROM host WHERE server_id = ? ORDER BY id').all(s.id) as Row[])
    .map((h) => ({
      id: Number(h.id),
      name: String(h.name ?? ''),
      matching: typeof h.matching === 'string' ? h.matching : String(h.name ?? ''),
      routes: (db.prepare('SELECT id, path, target_id, target_type FROM route WHERE host_id = ? ORDER BY id').all(h.id) as Row[])
        .map((r) => ({
          id: Number(r.id),
          path: String(r.path ?? ''),
          ref: `${String(r.target_type)} ${String(r.target_id)}`,
          target: readTarget(db, r.target_type, r.target_id),
        })),
    }));
  return {
    server: { id: Number(s.id), uuid: String(s.uuid ?? ''), name: String(s.name ?? ''), defaultHost: String(s.default_host ?? ''), hosts },
    choice,
  };
}

/** The request-reading settings of the database (request.relaxed, limits.buffer_size). */
function parserLimits(db: Database.Database): { relaxed: boolean; bufferSize: number } {
  const settings = new Settings((db.prepare('SELECT key, value FROM setting ORDER BY id').all() as Row[])
    .map((r) => [String(r.key), r.value === null ? '' : String(r.value)] as [string, string]));
  return { relaxed: settings.int('request.relaxed') === 1, bufferSize: settings.int('limits.buffer_size') };
}

/** Registers POST /api/route-test. */
export function registerRouteTestRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post('/api/route-test', {
    config: {
      access: 'viewer',
      doc: {
        summary: 'Which server, host, route and target would serve a URL, and why (the server\'s own routing code)',
        tags: ['transfer'],
        body: routeTestBodySchema,
        response: routeTestAnswerSchema,
      },
    },
  }, async (req) => {
    const body = parseWith(routeTestBodySchema, req.body, 'the route test');
    const { server, choice } = readTesterServer(ctx.db, body.serverId);
    const request = toTestRequest(body.url, body.host, parserLimits(ctx.db));
    if (isTestRequestError(request)) {
      throw new ApiError(400, ApiErr.VALIDATION, request.message, [{ path: request.field, message: request.message, code: ApiErr.VALIDATION }]);
    }
    return testRoute(server, choice, request);
  });
}
