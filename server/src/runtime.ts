// A running server (src/server.c, src/mongrel2.c): the listening socket, the connections, and the routing
// world they are served from. `createRuntime` returns an unstarted runtime (principle 8); `start` binds;
// `reload` re-reads the config database into a new world and swaps it in for new requests — connections
// in flight keep the world they started with until their request ends (decision 13); a config that fails to
// load or validate leaves the old world serving and says why; `stop` closes gracefully.
import { configFingerprint } from './config/fingerprint.js';
import { createServer, type Server } from 'node:net';
import { openConfigDb } from './config/db.js';
import { loadServerConfig, type ServerConfig } from './config/server-config.js';
import { Connection } from './http/connection.js';
import type { HttpConnection } from './http/http-connection.js';
import type { ConnectionHost, ConnectionLimits } from './http/connection-host.js';
import { AccessLog } from './log/access-log.js';
import { ErrorLog } from './log/error-log.js';
import { HandlerRoom } from './handler/handler-room.js';
import { parseMode } from './handler/upload.js';
import { buildWorld, type World } from './world.js';

/** How to find and run one server. */
export interface RuntimeOptions {
  /** The config database. */
  dbPath: string;
  /** The server row's uuid. */
  uuid: string;
  /** The directory Dir bases and log paths are relative to (the chroot, or the launch directory). */
  cwd?: string;
  log?: ErrorLog;
  accessLog?: AccessLog;
}

/** What a reload did. */
export type ReloadResult = { ok: true; restartNeeded: string[] } | { ok: false; error: string };

/** Reads the server's configuration from its database (opened and closed for this read). */
export function readServerConfig(dbPath: string, uuid: string): ServerConfig {
  const { db } = openConfigDb(dbPath);
  try {
    return loadServerConfig(db, uuid);
  } finally {
    db.close();
  }
}

function limitsOf(config: ServerConfig): ConnectionLimits {
  const s = config.settings;
  return {
    bufferSize: s.int('limits.buffer_size'),
    headerCount: s.int('limits.header_count'),
    relaxed: s.int('request.relaxed') === 1,
    clientReadRetries: s.int('limits.client_read_retries'),
    maxProxyBody: 16 * 1024 * 1024,
    contentLength: s.int('limits.content_length'),
    uploadTempStore: s.str('upload.temp_store'),
    noClobberXff: s.int('no_clobber_xff') === 1,
    uploadTempStoreMode: parseMode(s.str('upload.temp_store_mode')),
    downloadFlowControl: s.int('download.flow_control') === 1,
    uploadStream: s.int('upload.stream') === 1,
  };
}

/** What the server has loaded and how its last reload went (the control port's `config`, our extension). */
export interface LoadState {
  /** configFingerprint of the configuration being served. */
  fingerprint: string;
  /** Configurations loaded so far (1 after start; +1 per successful reload). */
  generation: number;
  /** Reloads attempted, successful or not. */
  attempts: number;
  /** When the served configuration was loaded (Unix seconds). */
  loadedAt: number;
  /** Why the last reload attempt failed ('' when it did not). */
  error: string;
  /** What the last successful reload could not apply without a restart. */
  restartNeeded: string[];
}

/** A server process's serving core. */
export class Runtime implements ConnectionHost {
  readonly log: ErrorLog;
  readonly accessLog: AccessLog;
  readonly handlers: HandlerRoom;
  limits: ConnectionLimits;
  private current: World;
  private server: Server | null = null;
  private readonly conns = new Set<Connection>();
  private nextId = 1;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** What is loaded and how the last reload went. */
  readonly loadState: LoadState;

  constructor(readonly opts: RuntimeOptions, config: ServerConfig) {
    this.loadState = { fingerprint: configFingerprint(config), generation: 1, attempts: 0, loadedAt: Math.floor(Date.now() / 1000), error: '', restartNeeded: [] };
    this.log = opts.log ?? new ErrorLog(config.server.errorLogLevel);
    this.accessLog = opts.accessLog ?? new AccessLog();
    this.current = buildWorld(config, undefined, opts.cwd);
    this.limits = limitsOf(config);
    this.handlers = new HandlerRoom(this.log, opts.cwd ?? process.cwd(), config.server.chroot !== '');
  }

  /** The world new requests are routed in. */
  world(): World {
    return this.current;
  }

  /** Every open connection. */
  connections(): ReadonlySet<Connection> {
    return this.conns;
  }

  /** Binds bind_addr:port and starts accepting; resolves with the bound port. */
  start(): Promise<number> {
    const { bindAddr, port } = this.current.config.server;
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
      const conn = new Connection(socket, this, this.nextId++);
      this.conns.add(conn);
      if (this.current.config.settings.int('net.tcp_keepalive') === 1) socket.setKeepAlive(true);
    });
    this.server = server;
    this.handlers.apply(this.current);
    this.startSweep();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: bindAddr, port, backlog: 4096 }, () => {
        server.off('error', reject);
        server.on('error', (e) => this.log.error(`listener: ${e.message}`));
        resolve((server.address() as { port: number }).port);
      });
    });
  }

  /** Removes a closed connection. */
  forget(conn: HttpConnection): void {
    this.conns.delete(conn as Connection);
  }

  /**
   * Re-reads the config database and swaps in the new world. Changes that cannot apply to a running process
   * (bind address, port, chroot, SSL, uuid) are reported as needing a restart; everything else applies.
   */
  reload(): ReloadResult {
    let config: ServerConfig;
    this.loadState.attempts++;
    try {
      config = readServerConfig(this.opts.dbPath, this.opts.uuid);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.loadState.error = error;
      this.log.error(`Reload failed, still serving the previous configuration: ${error}`);
      return { ok: false, error };
    }
    // Before buildWorld, which hangs live objects (channels, caches) off the config.
    const fingerprint = configFingerprint(config);
    const old = this.current.config.server;
    const now = config.server;
    const restartNeeded = (['bindAddr', 'port', 'chroot', 'useSsl', 'pidFile'] as const).filter((k) => old[k] !== now[k]);
    this.current = buildWorld(config, this.current, this.opts.cwd);
    this.limits = limitsOf(config);
    this.handlers.apply(this.current);
    this.log.setLevel(now.errorLogLevel);
    this.log.reopen();
    this.accessLog.reopen();
    this.startSweep();
    Object.assign(this.loadState, {
      fingerprint, generation: this.loadState.generation + 1,
      loadedAt: Math.floor(Date.now() / 1000), error: '', restartNeeded,
    });
    this.log.info(`Reloaded the configuration of ${now.uuid}${restartNeeded.length ? `; a restart is needed for: ${restartNeeded.join(', ')}` : ''}`);
    return { ok: true, restartNeeded };
  }

  /**
   * Mirrors the idle sweep (src/register.c Register_cleanout): every limits.tick_timer seconds each connection
   * scores a point for being idle past min_ping and for reading or writing slower than min_read_rate /
   * min_write_rate; kill_limit points kill it.
   */
  private startSweep(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const s = this.current.config.settings;
    const tick = Math.max(1, s.int('limits.tick_timer'));
    const minPing = s.int('limits.min_ping');
    const minRead = s.int('limits.min_read_rate');
    const minWrite = s.int('limits.min_write_rate');
    const killLimit = s.int('limits.kill_limit');
    this.sweepTimer = setInterval(() => {
      const now = Date.now();
      for (const c of this.conns) {
        const sinceRead = (now - c.lastRead) / 1000;
        const sinceWrite = (now - c.lastWrite) / 1000;
        let score = 0;
        if (minPing > 0 && Math.min(sinceRead, sinceWrite) > minPing) score++;
        if (minRead > 0 && c.bytesRead / (sinceRead + 1) < minRead) score++;
        if (minWrite > 0 && c.bytesWritten / (sinceWrite + 1) < minWrite) score++;
        if (score >= killLimit) {
          this.log.info(`Killing connection ${c.id} from ${c.remoteAddr}: idle or too slow`);
          c.destroy();
        }
      }
    }, tick * 1000);
    this.sweepTimer.unref();
  }

  /** Stops accepting and ends every connection; resolves when the listener is closed. */
  async stop(graceMs = 2000): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
    for (const c of this.conns) if (c.state === 'head') c.destroy();
    const deadline = Date.now() + graceMs;
    while (this.conns.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    for (const c of this.conns) c.destroy();
    await closed;
    this.handlers.close();
    await this.accessLog.close();
  }
}

/** The control port's view of a runtime (see control/control-port.ts). */
export function controlTargetOf(rt: Runtime, signal: (sig: 'SIGINT' | 'SIGTERM' | 'SIGHUP') => void) {
  const ago = (t: number, now: number) => Math.max(0, Math.floor((now - t) / 1000));
  return {
    uuid: () => rt.world().config.server.uuid,
    info: () => {
      const s = rt.world().config.server;
      return { port: s.port, bindAddr: s.bindAddr, uuid: s.uuid, chroot: s.chroot, accessLog: s.accessLog, errorLog: s.errorLog, pidFile: s.pidFile, defaultHostname: s.defaultHost };
    },
    *connections() {
      const now = Date.now();
      for (const c of rt.connections()) {
        yield {
          id: c.handlerId, fd: c.id, type: c.type, lastPing: ago(Math.max(c.lastRead, c.lastWrite), now),
          lastRead: ago(c.lastRead, now), lastWrite: ago(c.lastWrite, now), bytesRead: c.bytesRead, bytesWritten: c.bytesWritten,
        };
      }
    },
    *tasks() {
      yield { id: 1, system: true, name: 'server', state: 'accepting', status: 'running' as const };
      yield { id: 2, system: true, name: 'control', state: 'serving', status: 'running' as const };
      let id = 3;
      for (const c of rt.connections()) yield { id: id++, system: false, name: c.type === 3 ? 'WS' : c.type === 2 ? 'MSG' : 'HTTP', state: c.state, status: 'ready' as const };
    },
    config: () => ({ ...rt.loadState, handlers: rt.handlers.channelStates() }),
    kill: (id: number) => {
      for (const c of rt.connections()) {
        if (c.handlerId === id) {
          c.kill();
          return true;
        }
      }
      return false;
    },
    signal,
  };
}

/** Reads the config and builds an unstarted runtime; throws when the configuration is refused. */
export function createRuntime(opts: RuntimeOptions): Runtime {
  return new Runtime(opts, readServerConfig(opts.dbPath, opts.uuid));
}
