// A route's Target (Dir, Handler, Proxy) as a form holds it: text as typed, flags as booleans. Turns a record into
// a draft, a draft into the body the API's input schemas parse, and names a target in a line ("dir 3: ./public/").
import {
  dirInputSchema, handlerInputSchema, proxyInputSchema, type Dir, type DirInput, type Handler, type HandlerInput,
  type Proxy, type ProxyInput, type TargetKind,
} from '@m2/shared';

/** A Dir being edited. */
export interface DirDraft { base: string; indexFile: string; defaultCtype: string; cacheTtl: string }
/** A Handler being edited. */
export interface HandlerDraft { sendSpec: string; sendIdent: string; recvSpec: string; recvIdent: string; protocol: string; rawPayload: boolean }
/** A Proxy being edited. */
export interface ProxyDraft { addr: string; port: string }

/** The draft of each kind of target. */
export interface TargetDrafts { dir: DirDraft; handler: HandlerDraft; proxy: ProxyDraft }
/** The record of each kind of target. */
export interface TargetRecords { dir: Dir; handler: Handler; proxy: Proxy }
/** The API input of each kind of target. */
export interface TargetInputs { dir: DirInput; handler: HandlerInput; proxy: ProxyInput }

/** The kinds in the order forms offer them, with their labels. */
export const TARGET_KIND_OPTIONS: [TargetKind, string][] = [['dir', 'Dir'], ['handler', 'Handler'], ['proxy', 'Proxy']];

/** The model resource (URL segment) of each kind. */
export const TARGET_RESOURCES = { dir: 'dirs', handler: 'handlers', proxy: 'proxies' } as const;

/** The input schema of each kind (the one the API parses with). */
export const TARGET_SCHEMAS = { dir: dirInputSchema, handler: handlerInputSchema, proxy: proxyInputSchema } as const;

/** The fields each kind's form shows (the paths its errors may name). */
export const TARGET_FIELDS: { [K in TargetKind]: (keyof TargetDrafts[K])[] } = {
  dir: ['base', 'indexFile', 'defaultCtype', 'cacheTtl'],
  handler: ['sendSpec', 'sendIdent', 'recvSpec', 'recvIdent', 'protocol', 'rawPayload'],
  proxy: ['addr', 'port'],
};

/** A new target's draft, with m2sh's defaults filled in. */
export function emptyDraft<K extends TargetKind>(kind: K): TargetDrafts[K] {
  const drafts: TargetDrafts = {
    dir: { base: '', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: '0' },
    handler: { sendSpec: '', sendIdent: '', recvSpec: '', recvIdent: '', protocol: 'json', rawPayload: false },
    proxy: { addr: '', port: '' },
  };
  return drafts[kind];
}

/** An existing target's draft. */
export function draftOf<K extends TargetKind>(kind: K, rec: TargetRecords[K]): TargetDrafts[K] {
  const r = rec as Dir & Handler & Proxy;
  const drafts: TargetDrafts = {
    dir: { base: r.base, indexFile: r.indexFile, defaultCtype: r.defaultCtype, cacheTtl: String(r.cacheTtl) },
    handler: { sendSpec: r.sendSpec, sendIdent: r.sendIdent, recvSpec: r.recvSpec, recvIdent: r.recvIdent, protocol: r.protocol, rawPayload: r.rawPayload === 1 },
    proxy: { addr: r.addr, port: String(r.port) },
  };
  return drafts[kind];
}

/** Text typed into a number field as the schema should see it: blank is absent, anything else a number (or NaN). */
export function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

/** The body the API takes for a draft (not yet validated). */
export function inputOf<K extends TargetKind>(kind: K, draft: TargetDrafts[K]): TargetInputs[K] {
  if (kind === 'dir') {
    const d = draft as DirDraft;
    return { base: d.base, indexFile: d.indexFile, defaultCtype: d.defaultCtype, cacheTtl: numberOf(d.cacheTtl) } as TargetInputs[K];
  }
  if (kind === 'handler') {
    const d = draft as HandlerDraft;
    return { sendSpec: d.sendSpec, sendIdent: d.sendIdent, recvSpec: d.recvSpec, recvIdent: d.recvIdent, protocol: d.protocol, rawPayload: d.rawPayload ? 1 : 0 } as TargetInputs[K];
  }
  const d = draft as ProxyDraft;
  return { addr: d.addr, port: numberOf(d.port) } as TargetInputs[K];
}

/** Whether a draft says something other than the record it was read from. */
export function draftDiffers<K extends TargetKind>(kind: K, draft: TargetDrafts[K], rec: TargetRecords[K]): boolean {
  return JSON.stringify(draftOf(kind, rec)) !== JSON.stringify(draft);
}

/** A target's most telling value: a Dir's base, a Handler's send spec, a Proxy's addr:port. */
export function describeTarget(kind: TargetKind, rec: Dir | Handler | Proxy): string {
  if (kind === 'dir') return (rec as Dir).base;
  if (kind === 'handler') return (rec as Handler).sendSpec;
  const p = rec as Proxy;
  return `${p.addr}:${p.port}`;
}

/** A target in one line, as selects and tables name it: "dir 3: ./public/". */
export function targetLabel(kind: TargetKind, rec: Dir | Handler | Proxy): string {
  return `${kind} ${rec.id}: ${describeTarget(kind, rec)}`;
}
