// The console's typed client (ARCHITECTURE principle 6): the one way the SPA (and scripts) talk to /api. Bodies
// and answers are typed by the same zod schemas the server parses with; every refusal becomes an ApiClientError
// carrying the API's code, fields, current record (409 stale) and detail (a failed apply). No DOM or Node types:
// it is handed a fetch.
import type { z } from 'zod';
import type { ApiErrorBody } from './errors.js';
import type { ModelResourceName } from './model.js';
import type { applyBodySchema, restoreBodySchema } from './config.js';
import type { ApplyOutcome, ConfigDiff, Pending, RestoreAnswer, SnapshotInfo, SnapshotTable } from './apply.js';
import type { SessionAnswer, TokenCreatedAnswer, TokenInfo, UserInfo } from './auth.js';
import type { AccessLogAnswer, ControlAnswer, ControlBody, RunningServer, ServerConnection, StatsAnswer } from './running.js';
import type { ImportPreview, ImportResult, RestoreResult, RouteTestAnswer, RouteTestBody } from './transfer.js';
import type { Dir, Filter, Handler, Host, Log, Mimetype, Proxy, RouteRecord, Server, Setting } from '../model/index.js';

/** The part of fetch's answer the client reads. */
export interface FetchAnswer {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A fetch: the browser's, Node's, or an adapter over Fastify's inject in tests. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array; credentials?: 'same-origin' }) => Promise<FetchAnswer>;

/** A refusal from the API. */
export class ApiClientError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody['error']) {
    super(body.message);
    this.name = 'ApiClientError';
  }

  /** The API's error code (`M2_ERR_...`). */
  get code(): string {
    return this.body.code;
  }

  /** The refused fields (empty when none). */
  get fields(): { path: string; message: string; code: string }[] {
    return this.body.fields ?? [];
  }
}

/** The record type of each model resource. */
export interface ModelRecords {
  servers: Server; hosts: Host; routes: RouteRecord; handlers: Handler; dirs: Dir; proxies: Proxy;
  settings: Setting; mimetypes: Mimetype; filters: Filter;
}

/** A record as the API answers it: with its version. */
export type Versioned<T> = T & { version: string };

/** What a write says about itself: the commit log's why, and the version it was based on. */
export interface WriteOptions { why?: string; version?: string }

/** Builds a client for the API at `baseUrl` ('' = same origin). */
export function createApiClient(opts: { fetch: FetchLike; baseUrl?: string; token?: string }) {
  let csrf: string | null = null;
  const base = opts.baseUrl ?? '';
  async function call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    const raw = body instanceof Uint8Array;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    else if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await opts.fetch(base + path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    const parsed: unknown = text === '' ? null : (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (res.status >= 400) {
      const err = (parsed as Partial<ApiErrorBody> | null)?.error;
      throw new ApiClientError(res.status, err ?? { code: 'M2_ERR_API_INTERNAL', message: `HTTP ${res.status}` });
    }
    return parsed as T;
  }
  const writeHeaders = (w: WriteOptions = {}) => ({
    ...(w.why ? { 'm2-why': encodeURIComponent(w.why) } : {}),
    ...(w.version ? { 'if-match': `"${w.version}"` } : {}),
  });
  const query = (q: Record<string, string | number | undefined>) => {
    const parts = Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    return parts.length ? `?${parts.join('&')}` : '';
  };
  const remember = (a: SessionAnswer) => { csrf = a.csrfToken; return a; };
  return {
    session: {
      signIn: async (username: string, password: string) => remember(await call<SessionAnswer>('POST', '/api/session', { username, password })),
      current: async () => remember(await call<SessionAnswer>('GET', '/api/session')),
      signOut: async () => { await call('DELETE', '/api/session'); csrf = null; },
      changePassword: (current: string, password: string) => call<{ ok: true }>('POST', '/api/session/password', { current, password }),
    },
    model: {
      list: <R extends ModelResourceName>(r: R, filters: Record<string, string | number | undefined> = {}) => call<{ items: Versioned<ModelRecords[R]>[] }>('GET', `/api/${r}${query(filters)}`),
      get: <R extends ModelResourceName>(r: R, id: number) => call<Versioned<ModelRecords[R]>>('GET', `/api/${r}/${id}`),
      create: <R extends ModelResourceName>(r: R, body: unknown, w?: WriteOptions) => call<Versioned<ModelRecords[R]>>('POST', `/api/${r}`, body, writeHeaders(w)),
      update: <R extends ModelResourceName>(r: R, id: number, body: unknown, w?: WriteOptions) => call<Versioned<ModelRecords[R]>>('PUT', `/api/${r}/${id}`, body, writeHeaders(w)),
      remove: (r: ModelResourceName, id: number, w?: WriteOptions & { cascade?: boolean }) => call<{ deleted: number }>('DELETE', `/api/${r}/${id}${w?.cascade ? '?cascade=1' : ''}`, undefined, writeHeaders(w)),
    },
    log: (q: { limit?: number; before?: number; how?: string } = {}) => call<{ items: Log[] }>('GET', `/api/log${query(q)}`),
    config: {
      pending: () => call<Pending>('GET', '/api/config/pending'),
      apply: (body: z.input<typeof applyBodySchema>) => call<ApplyOutcome>('POST', '/api/config/apply', body),
      snapshots: () => call<{ items: SnapshotInfo[] }>('GET', '/api/config/snapshots'),
      snapshot: (id: number) => call<SnapshotInfo & { content: Record<SnapshotTable, Record<string, unknown>[]> }>('GET', `/api/config/snapshots/${id}`),
      diff: (from: number | 'current', to: number | 'current' = 'current') => call<ConfigDiff>('GET', `/api/config/diff${query({ from, to })}`),
      restore: (id: number, body: z.input<typeof restoreBodySchema>) => call<RestoreAnswer>('POST', `/api/config/snapshots/${id}/restore`, body),
    },
    running: {
      list: () => call<{ servers: RunningServer[] }>('GET', '/api/running'),
      start: (id: number) => call<RunningServer>('POST', `/api/servers/${id}/start`, {}),
      stop: (id: number, murder = false) => call<RunningServer>('POST', `/api/servers/${id}/stop`, { murder }),
      restart: (id: number) => call<RunningServer>('POST', `/api/servers/${id}/restart`, {}),
      control: (id: number, body: ControlBody) => call<ControlAnswer>('POST', `/api/servers/${id}/control`, body),
      connections: (id: number) => call<{ connections: ServerConnection[] }>('GET', `/api/servers/${id}/connections`),
      kill: (id: number, connId: number) => call<{ id: number }>('POST', `/api/servers/${id}/connections/${connId}/kill`, {}),
      accessLog: (id: number, lines?: number) => call<AccessLogAnswer>('GET', `/api/servers/${id}/access-log${query({ lines })}`),
      stats: (id: number) => call<StatsAnswer>('GET', `/api/servers/${id}/stats`),
    },
    transfer: {
      exportConf: (serverId?: number) => call<string>('GET', `/api/export${query({ serverId })}`),
      importPreview: (source: string, filename?: string) => call<ImportPreview>('POST', '/api/import/preview', { source, ...(filename ? { filename } : {}) }),
      importConf: (source: string, why: string, filename?: string) => call<ImportResult>('POST', '/api/import', { source, why, ...(filename ? { filename } : {}) }),
      /** Restores the config tables from a database file (admin); `why` is required. */
      restoreBackup: (file: Uint8Array, why: string) => call<RestoreResult>('POST', '/api/backup', file, { 'content-type': 'application/vnd.sqlite3', ...writeHeaders({ why }) }),
      routeTest: (body: RouteTestBody) => call<RouteTestAnswer>('POST', '/api/route-test', body),
    },
    users: {
      list: () => call<{ users: UserInfo[] }>('GET', '/api/users'),
      create: (body: { username: string; password: string; role: string }) => call<{ user: UserInfo }>('POST', '/api/users', body),
      update: (username: string, body: { role?: string; password?: string }) => call<{ user: UserInfo }>('PUT', `/api/users/${encodeURIComponent(username)}`, body),
      remove: (username: string) => call<{ ok: true }>('DELETE', `/api/users/${encodeURIComponent(username)}`),
    },
    tokens: {
      list: () => call<{ tokens: TokenInfo[] }>('GET', '/api/tokens'),
      create: (body: { name: string; role?: string; expiresInDays?: number }) => call<TokenCreatedAnswer>('POST', '/api/tokens', body),
      revoke: (id: number) => call<{ ok: true }>('DELETE', `/api/tokens/${id}`),
    },
  };
}

/** The console's client. */
export type ApiClient = ReturnType<typeof createApiClient>;
