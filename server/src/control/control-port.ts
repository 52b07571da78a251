// The control port (Control_task / Control_port_start / Control_port_stop in src/control.c, spec §4): a 0MQ
// REP socket answering one request at a time until stopped or until `control_stop`. Also where its endpoint
// is (spec §4.1, decision 12): the server row's `control_port` if non-empty, else the `control_port` setting,
// else `ipc://run/control`; Mongrel2 binds it after chroot(2), so an ipc path lives inside the chroot. The
// server and `m2sh control` both resolve it with resolveControlEndpoint, so they always agree.
import { lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, resolve } from 'node:path';
import { Reply } from 'zeromq';
import { ipcPath, resolveServerEndpoint } from '../process/endpoint.js';
import { executeControl, type ControlTarget } from './commands.js';

export { ipcPath };

export type { ControlTarget } from './commands.js';

/** The endpoint Mongrel2 uses when neither the server row nor the settings name one. */
export const DEFAULT_CONTROL_SPEC = 'ipc://run/control';

/** The configured control endpoint, by Mongrel2's priority: server column, then setting, then the default. */
export function controlSpec(column: string | null | undefined, setting: string | null | undefined): string {
  if (typeof column === 'string' && column !== '') return column;
  if (typeof setting === 'string') return setting;
  return DEFAULT_CONTROL_SPEC;
}

/** The control endpoint for a server: see process/endpoint.ts (handler sockets resolve theirs the same way). */
export const resolveControlEndpoint = resolveServerEndpoint;

/** Whether something accepts connections on the unix socket at `path`. */
function socketAlive(path: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
}

/** Makes room for an ipc socket: creates its directory, removes a stale socket file, refuses a live one or a
 *  file that is not a socket (0MQ would silently unlink either). */
async function prepareIpc(path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (!st.isSocket()) throw new Error(`${path} exists and is not a socket`);
  // A socket closed a moment ago (ours, or a server that is just exiting) can still accept while 0MQ lingers:
  // give it a short while to go before calling it in use.
  for (let attempt = 0; await socketAlive(path); attempt++) {
    if (attempt >= 20) throw new Error(`${path} is in use by another process`);
    await new Promise((r) => setTimeout(r, 100));
  }
  unlinkSync(path);
}

/** A running control port bound at `endpoint` (relative ipc paths are relative to the working directory). */
export class ControlPort {
  private sock: Reply | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(
    readonly endpoint: string,
    private readonly target: ControlTarget,
    private readonly log: { error(m: string): void; info(m: string): void },
  ) {}

  /** Binds the socket and starts answering; rejects (after logging) when the endpoint cannot be bound. */
  async start(): Promise<void> {
    if (this.sock) return;
    this.log.info(`Setting up control socket in at ${this.endpoint}`);
    // A little linger so the last reply (to control_stop, or to a stop that closes us) still goes out.
    const sock = new Reply({ linger: 1000 });
    try {
      const path = ipcPath(this.endpoint);
      if (path !== null) await prepareIpc(resolve(path));
      await sock.bind(this.endpoint);
    } catch (e) {
      sock.close();
      this.log.error(`Failed to bind control port to ${this.endpoint}: ${(e as Error).message}`);
      throw e;
    }
    this.stopping = false;
    this.sock = sock;
    this.loop = this.serve(sock);
  }

  /** Stops answering and closes the socket (the ipc socket file may stay behind, as Mongrel2's does). */
  async stop(): Promise<void> {
    this.stopping = true;
    const sock = this.sock;
    this.sock = null;
    if (sock && !sock.closed) sock.close();
    await this.loop;
    this.loop = null;
  }

  /** Whether the port is bound and answering. */
  get running(): boolean {
    return this.sock !== null;
  }

  private async serve(sock: Reply): Promise<void> {
    while (!this.stopping) {
      let frames: Buffer[];
      try {
        frames = await sock.receive();
      } catch (e) {
        if (!this.stopping) this.log.error(`Receive on control failed: ${(e as Error).message}`);
        break;
      }
      // Only the first frame of a multipart request is read, as mqrecv does.
      const outcome = executeControl(frames[0] ?? new Uint8Array(), this.target, (m) => this.log.error(m));
      try {
        await sock.send(outcome.reply);
      } catch (e) {
        if (!this.stopping) this.log.error(`Failed to send a control reply: ${(e as Error).message}`);
        break;
      }
      try {
        outcome.after?.();
      } catch (e) {
        this.log.error(`Control action failed: ${(e as Error).message}`);
      }
      if (outcome.stopPort) break;
    }
    if (this.sock === sock) this.sock = null;
    if (!sock.closed) sock.close();
    this.log.info('Control port exiting.');
  }
}
