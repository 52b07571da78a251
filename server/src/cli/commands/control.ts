// `m2sh control`: mirrors Command_control, control_server, linenoise_runner and send_recv_control in
// tools/m2sh/src/commands/running.c. One server is picked with exactly one of -every/-name/-host/-uuid in -db
// (several matches are refused, as m2sh's "Ambiguous server select"); then a `m2 [NAME]> ` prompt sends each
// line `cmd key=val ...` to the server's control port and prints the reply m2sh's way. Unlike the C m2sh, which
// always dialled ipc://<chroot>/run/control, it connects where the server listens: the row's control_port, else
// the control_port setting, else ipc://run/control, inside the chroot (decision 12). `exit`, `quit` or end of
// input leave; an unanswered request says so after 5 s and the prompt goes on.
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command, Io } from '../io.js';
import { logErr, logInfo } from '../log.js';
import { option } from '../options.js';
import { ControlClient, CONTROL_TIMEOUT_MS, parseControlLine, renderControlReply } from '../../control/client.js';
import { controlSpec, resolveControlEndpoint } from '../../control/control-port.js';
import { withDb } from './db-access.js';
import { select } from './running.js';

/** Lines typed at the prompt: from io.input (prompt written to io.out), else from the terminal (readline shows
 *  the prompt) or from piped stdin (no prompt, as linenoise does when stdin is not a terminal). */
async function* promptedLines(io: Io, prompt: string): AsyncIterable<string> {
  if (io.input) {
    io.out(prompt);
    for await (const line of io.input) {
      yield line;
      io.out(prompt);
    }
    return;
  }
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, prompt, terminal: tty });
  try {
    if (tty) rl.prompt();
    for await (const line of rl) {
      yield line;
      if (tty) rl.prompt();
    }
    if (tty) io.out('\n');
  } finally {
    rl.close();
  }
}

/** Runs the prompt loop against `endpoint` until exit, quit or end of input; returns the exit code (255 when
 *  the endpoint is malformed, else 0). */
export async function controlSession(io: Io, endpoint: string, serverName: string, timeoutMs = CONTROL_TIMEOUT_MS): Promise<number> {
  const client = new ControlClient(endpoint, timeoutMs);
  try {
    client.open();
  } catch (e) {
    logErr(io, `Failed to connect to control port ${endpoint}: ${(e as Error).message}`);
    return 255;
  }
  const history = io.env.HOME ? join(io.env.HOME, '.m2sh') : null;
  try {
    for await (const raw of promptedLines(io, `m2 [${serverName}]> `)) {
      const line = raw.trim();
      if (line === '') continue;
      if (line === 'exit' || line === 'quit') break;
      if (history) {
        try {
          appendFileSync(history, line + '\n', { mode: 0o600 });
        } catch {
          /* history is a convenience; an unwritable HOME must not stop the session */
        }
      }
      const req = parseControlLine(line);
      if (!req) {
        logErr(io, 'USAGE: command arg1=val1 arg2=val2');
        logErr(io, 'Invalid command, try again.');
        continue;
      }
      const reply = await client.request(req.name, req.args);
      if (reply === null) {
        io.out(`ERROR: no answer from ${endpoint} (is the server running?)\n`);
        continue;
      }
      const shown = renderControlReply(reply);
      io.out(shown.out);
      for (const problem of shown.errors) logErr(io, problem);
    }
  } finally {
    client.close();
  }
  return 0;
}

/** Where the selected server's control port is, as seen from m2sh's directory. */
export function controlEndpointOf(io: Io, chroot: string | null, column: string | null, setting: string | null): string {
  const root = resolve(io.cwd, chroot ?? '');
  return resolveControlEndpoint(controlSpec(column, setting), root, (chroot ?? '') !== '');
}

/** Connects to a server's control port and runs commands typed at a prompt. */
export const control: Command = {
  name: 'control',
  help: 'Connects to the control port.',
  async run(cmd, io) {
    const dbFile = option(cmd, io, 'db') ?? 'config.sqlite';
    let target: { name: string; endpoint: string } | null = null;
    const rc = withDb(io, dbFile, {}, (db) => {
      const servers = select(cmd, io, db);
      if (typeof servers === 'number') return servers;
      if (servers.length !== 1) {
        logErr(io, `Ambiguous server select, expected 1 but got ${servers.length}.`);
        return 255;
      }
      const s = servers[0]!;
      const row = db.prepare('SELECT control_port FROM server WHERE id = ?').get(s.id) as { control_port: string | null } | undefined;
      const setting = db.prepare("SELECT value FROM setting WHERE key = 'control_port' ORDER BY id DESC LIMIT 1")
        .get() as { value: string | null } | undefined;
      target = { name: s.name ?? '', endpoint: controlEndpointOf(io, s.chroot, row?.control_port ?? null, setting?.value ?? null) };
      return 0;
    });
    if (rc !== 0 || target === null) return rc || 255;
    const { name, endpoint } = target as { name: string; endpoint: string };
    logInfo(io, `Connecting to control port ${endpoint}`);
    return controlSession(io, endpoint, name);
  },
};
