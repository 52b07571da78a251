// Loopback fixtures for the proxy tests: scripted backends (net.createServer on port 0) standing in for the
// HTTP servers mongrel2 proxies to, and a client pair standing in for a browser connected to mongrel2
// (`proxySide` is what the connection layer hands to BackendLink.forward, `user` is the browser end).
// Also the location of the shared client_suite corpus of recorded backend responses.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ProxyTarget } from './backend-link.js';

/** Directory of raw backend responses recorded from real servers (spec corpus). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../shared/corpus/client_suite/', import.meta.url));

/** Every corpus file as [name, bytes]; throws a clear error when the corpus is missing. */
export function loadCorpus(): [string, Buffer][] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`client_suite corpus missing: expected it at ${CORPUS_DIR}`);
  const names = readdirSync(CORPUS_DIR).sort();
  if (names.length === 0) throw new Error(`client_suite corpus at ${CORPUS_DIR} is empty`);
  return names.map((n) => [n, readFileSync(CORPUS_DIR + n)]);
}

const open = new Set<net.Server | net.Socket>();

function track<T extends net.Server | net.Socket>(x: T): T {
  open.add(x);
  if (x instanceof net.Socket) x.on('error', () => {});
  return x;
}

/** Destroys every server and socket the fixtures created (call from afterEach). */
export async function closeAll(): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const x of open) {
    if (x instanceof net.Server) waits.push(new Promise((r) => x.close(() => r())));
    else x.destroy();
  }
  open.clear();
  await Promise.all(waits);
}

/** A scripted backend: `requests` are the raw request bytes it received, `sockets` its accepted connections. */
export interface Backend {
  target: ProxyTarget;
  requests: Buffer[];
  sockets: net.Socket[];
}

/** Called once per complete request (head + Content-Length body) a backend connection receives. */
export type OnRequest = (sock: net.Socket, raw: Buffer, index: number) => void;

/** Starts a backend on 127.0.0.1:0 that splits incoming bytes into requests and hands each to `onRequest`. */
export async function startBackend(onRequest: OnRequest): Promise<Backend> {
  const backend: Backend = { target: { addr: '127.0.0.1', port: 0 }, requests: [], sockets: [] };
  const server = track(
    net.createServer((sock) => {
      track(sock);
      backend.sockets.push(sock);
      let buf = Buffer.alloc(0);
      sock.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        for (;;) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const m = /content-length:\s*(\d+)/i.exec(buf.toString('latin1', 0, end));
          const total = end + 4 + (m ? Number(m[1]) : 0);
          if (buf.length < total) return;
          const raw = buf.subarray(0, total);
          buf = buf.subarray(total);
          backend.requests.push(raw);
          onRequest(sock, raw, backend.requests.length - 1);
        }
      });
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  backend.target.port = (server.address() as net.AddressInfo).port;
  return backend;
}

/** The two ends of one browser connection plus what the browser has received so far. */
export interface ClientPair {
  proxySide: net.Socket;
  user: net.Socket;
  received(): Buffer;
  /** Resolves when the user end sees the connection close. */
  closed: Promise<void>;
}

/** Connects a `user` socket to a throwaway server and returns both ends. */
export async function clientPair(): Promise<ClientPair> {
  const server = track(net.createServer());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const accepted = new Promise<net.Socket>((r) => server.once('connection', (s) => r(track(s))));
  const user = track(net.connect((server.address() as net.AddressInfo).port, '127.0.0.1'));
  const chunks: Buffer[] = [];
  user.on('data', (d: Buffer) => chunks.push(d));
  const closed = new Promise<void>((r) => user.once('close', () => r()));
  const proxySide = await accepted;
  await new Promise<void>((r) => (user.connecting ? user.once('connect', () => r()) : r()));
  return { proxySide, user, received: () => Buffer.concat(chunks), closed };
}

/** Resolves once `pred` holds, polling every 5 ms; rejects after `ms`. */
export async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A request head as the connection layer would pass it (raw bytes as received from the browser). */
export function req(method: string, path: string, extra = ''): Buffer {
  return Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`, 'latin1');
}
