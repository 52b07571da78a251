// The shared command line and lifecycle of the example handlers (the Python examples hard-code their specs and
// loop forever; these take them from argv and stop cleanly). Each example exports `start(opts)`, which connects,
// waits for the sockets to be ready and returns a stop function; `runExample` turns that into a program:
//
//   node server/dist/examples/<name>.js [send_spec] [recv_spec] [sender_id] [extra...]
//
// send_spec defaults to tcp://127.0.0.1:9997 and recv_spec to tcp://127.0.0.1:9996 (the handler's PULL connects
// to the first, its PUB to the second). One line is printed on stdout when ready, activity goes to stderr, and
// SIGINT/SIGTERM stop the handler and exit with status 0.
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Connection, type Request } from '../handler-lib/index.js';

/** What every example's `start` accepts. */
export interface ExampleOptions {
  /** Mongrel2's send_spec, where the handler's PULL connects (default tcp://127.0.0.1:9997). */
  sendSpec?: string;
  /** Mongrel2's recv_spec, where the handler's PUB connects (default tcp://127.0.0.1:9996). */
  recvSpec?: string;
  /** The PUB socket identity (default: a random UUID, as http.py uses). */
  senderId?: string;
  /** Receives one line per notable event (default: silent). */
  log?: (line: string) => void;
  /** Positional arguments after sender_id, for examples that take more. */
  extra?: string[];
}

/** Stops a running example: ends its receive loop and timers, sends what is queued and closes its sockets. */
export type StopFn = () => Promise<void>;

/** The default send_spec (mongrel2's PUSH, the handler's PULL), as the mongrel2 example configurations use. */
export const DEFAULT_SEND_SPEC = 'tcp://127.0.0.1:9997';
/** The default recv_spec (mongrel2's SUB, the handler's PUB). */
export const DEFAULT_RECV_SPEC = 'tcp://127.0.0.1:9996';

/** Opens a ready Connection for an example from its options. */
export async function openConnection(opts: ExampleOptions): Promise<Connection> {
  const conn = new Connection(
    opts.senderId ?? randomUUID(),
    opts.sendSpec ?? DEFAULT_SEND_SPEC,
    opts.recvSpec ?? DEFAULT_RECV_SPEC,
    { onError: (e) => (opts.log ?? (() => undefined))(`error: ${e.message}`) },
  );
  await conn.ready();
  return conn;
}

/** Runs `handle` on every request until the connection shuts down; a throwing handler is logged, not fatal. */
export async function serve(conn: Connection, log: (line: string) => void, handle: (req: Request) => void | Promise<void>): Promise<void> {
  try {
    for await (const req of conn) {
      try {
        await handle(req);
      } catch (e) {
        log(`error handling ${req.connId} ${req.path}: ${(e as Error).message}`);
      }
    }
  } catch (e) {
    if (!conn.closed) log(`receive loop failed: ${(e as Error).message}`);
  }
}

/** Starts a receive loop and returns the stop function that shuts the connection down and waits for the loop. */
export function serveUntilStopped(
  conn: Connection,
  log: (line: string) => void,
  handle: (req: Request) => void | Promise<void>,
  cleanup: () => void = () => undefined,
): StopFn {
  const loop = serve(conn, log, handle);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      cleanup();
      await conn.shutdown();
      await loop;
    })();
    return stopping;
  };
}

/** True when the module with this `import.meta.url` is the program node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Parses argv, starts the example, prints the ready line and stops it on SIGINT/SIGTERM. */
export async function runExample(name: string, start: (opts: ExampleOptions) => Promise<StopFn>): Promise<void> {
  const [sendSpec = DEFAULT_SEND_SPEC, recvSpec = DEFAULT_RECV_SPEC, senderId = randomUUID(), ...extra] = process.argv.slice(2);
  const log = (line: string) => process.stderr.write(`${name}: ${line}\n`);
  const stop = await start({ sendSpec, recvSpec, senderId, log, extra });
  process.stdout.write(`${name}: ready, PULL from ${sendSpec}, PUB to ${recvSpec}, sender ${senderId}\n`);
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}, stopping`);
    stop().then(
      () => process.exit(0),
      (e: Error) => {
        log(`stop failed: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
