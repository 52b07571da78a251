// The config model a loaded file describes, before it becomes rows: what tools/m2sh/src/config_file.c walks
// (Server → Host → routes → Dir/Handler/Proxy targets, filters, xrequests, settings, mimetypes).
// Targets are objects so that a target referenced from several routes is one row, as m2sh inserts it once.

/** A Dir target: static files under `base` (which ends with `/`). */
export interface DirSpec {
  kind: 'dir';
  base: string;
  indexFile: string;
  defaultCtype: string;
  cacheTtl: number;
}

/** A Handler target: the ZeroMQ endpoints of a backend. */
export interface HandlerSpec {
  kind: 'handler';
  sendSpec: string;
  sendIdent: string;
  recvSpec: string;
  recvIdent: string;
  rawPayload: number;
  protocol: string;
}

/** A Proxy target: an HTTP backend. */
export interface ProxySpec {
  kind: 'proxy';
  addr: string;
  port: number;
}

/** What a route points at. */
export type TargetSpec = DirSpec | HandlerSpec | ProxySpec;

/** One route of a host: its path (prefix plus optional pattern) and its target. */
export interface RouteSpec {
  path: string;
  target: TargetSpec;
}

/** One host of a server. */
export interface HostSpec {
  name: string;
  matching: string;
  routes: RouteSpec[];
}

/** A Filter or Xrequest: a plugin path and its settings, already rendered as a tnetstring dict. */
export interface PluginSpec {
  name: string;
  settings: string;
}

/** One server, with the column values m2sh writes. */
export interface ServerSpec {
  uuid: string;
  accessLog: string;
  errorLog: string;
  errorLogLevel: number;
  pidFile: string;
  controlPort: string;
  chroot: string;
  defaultHost: string;
  name: string;
  bindAddr: string;
  port: number;
  useSsl: number;
  hosts: HostSpec[];
  filters: PluginSpec[];
  xrequests: PluginSpec[];
}

/** Everything a config file loads. */
export interface ConfigModel {
  servers: ServerSpec[];
  settings: [key: string, value: string][];
  mimetypes: [extension: string, mimetype: string][];
  /** Things that load but that the server will refuse or that m2sh ignored, for the operator to see. */
  warnings: string[];
}
