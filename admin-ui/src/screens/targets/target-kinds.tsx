// What the Dir, Handler and Proxy screens differ in: titles, the name a row's buttons carry ("Edit dir ./public/",
// "Edit handler <send ident>", "Edit proxy 127.0.0.1:8080") and the columns of their own fields.
import type { Dir, Handler, Proxy, TargetKind } from '@m2/shared';
import type { Column } from '../../components/DataTable';

/** A target record of any kind. */
export type AnyTarget = (Dir | Handler | Proxy) & { version: string };

/** One kind's screen. */
export interface TargetKindInfo {
  title: string;
  intro: string;
  /** What a row's buttons are named after. */
  name: (t: AnyTarget) => string;
  columns: Column<AnyTarget>[];
}

const text = <T,>(header: string, key: string, get: (t: T) => string | number, code = false): Column<AnyTarget> => ({
  key, header, value: (t) => get(t as T), render: (t) => (code ? <code>{String(get(t as T))}</code> : String(get(t as T))),
});

/** Each kind's screen. */
export const TARGET_KINDS: Record<TargetKind, TargetKindInfo> = {
  dir: {
    title: 'Dirs',
    intro: 'Directories served as static files; routes point at them.',
    name: (t) => (t as Dir).base,
    columns: [
      text<Dir>('Base', 'base', (d) => d.base, true),
      text<Dir>('Index file', 'indexFile', (d) => d.indexFile),
      text<Dir>('Default content type', 'defaultCtype', (d) => d.defaultCtype),
      { ...text<Dir>('Cache TTL', 'cacheTtl', (d) => d.cacheTtl), className: 'num' },
    ],
  },
  handler: {
    title: 'Handlers',
    intro: 'ZeroMQ backends: mongrel2 pushes requests on the send spec and takes replies on the recv spec.',
    name: (t) => (t as Handler).sendIdent,
    columns: [
      text<Handler>('Send spec', 'sendSpec', (h) => h.sendSpec, true),
      text<Handler>('Send ident', 'sendIdent', (h) => h.sendIdent, true),
      text<Handler>('Recv spec', 'recvSpec', (h) => h.recvSpec, true),
      text<Handler>('Recv ident', 'recvIdent', (h) => h.recvIdent, true),
      text<Handler>('Protocol', 'protocol', (h) => h.protocol),
      text<Handler>('Raw payload', 'rawPayload', (h) => (h.rawPayload ? 'yes' : 'no')),
    ],
  },
  proxy: {
    title: 'Proxies',
    intro: 'HTTP backends requests are passed through to.',
    name: (t) => `${(t as Proxy).addr}:${(t as Proxy).port}`,
    columns: [
      text<Proxy>('Address', 'addr', (p) => p.addr, true),
      { ...text<Proxy>('Port', 'port', (p) => p.port), className: 'num' },
    ],
  },
};
