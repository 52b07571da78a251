// `npm start`: the sample configuration (server/examples/mongrel2.conf) served for real. Makes demo/ with the
// sample's static files, loads the config into demo/config.sqlite with m2sh's loader (keeping the database's
// commit log across runs), starts a small upstream for the Proxy route and the echo example as the Handler
// route's handler, and runs this package's mongrel2 in the foreground until Ctrl-C.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConfigDb } from './config/db.js';
import { loadConfigFile } from './config/load-file.js';
import { writeModel } from './config/loader/write.js';
import { start as startEcho } from './examples/echo.js';
import { serveConsole } from './admin/serve.js';
import { mongrel2Argv } from './cli/commands/running.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(REPO, 'demo');
const CONF = join(REPO, 'server/examples/mongrel2.conf');

for (const d of ['logs', 'run']) mkdirSync(join(DEMO, d), { recursive: true });
cpSync(join(REPO, 'server/examples/static'), join(DEMO, 'static'), { recursive: true });
const model = loadConfigFile(CONF, 'server/examples/mongrel2.conf');
model.settings.push(['server.daemonize', '0']);
const dbPath = join(DEMO, 'config.sqlite');
const { db } = openConfigDb(dbPath, { create: true });
// The sample is loaded once; after that the console's (and m2sh's) changes survive restarts. Delete demo/ to reset.
const fresh = !db.prepare('SELECT 1 FROM server LIMIT 1').get();
if (fresh) writeModel(db, model, { who: process.env.LOGNAME || process.env.USER || userInfo().username, what: 'load', location: hostname(), how: 'npm start', why: 'demo' });
const serverRow = db.prepare('SELECT uuid, name, default_host AS defaultHost, bind_addr AS bindAddr, port FROM server ORDER BY id LIMIT 1').get() as
  { uuid: string; name: string; defaultHost: string; bindAddr: string; port: number };
db.close();

const server = serverRow;
const upstream = createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`Hello from the demo upstream: you asked for ${req.url ?? '/'} through the Proxy route.\n`);
});
upstream.listen(8080, '127.0.0.1');
upstream.on('error', (e) => process.stderr.write(`demo upstream on 127.0.0.1:8080 not started: ${e.message}\n`));

const handler = model.servers[0]!.hosts.flatMap((h) => h.routes).map((r) => r.target).find((t) => t.kind === 'handler');
const stopEcho = handler?.kind === 'handler'
  ? await startEcho({ sendSpec: handler.sendSpec, recvSpec: handler.recvSpec, log: (l) => process.stderr.write(`[echo handler] ${l}\n`) })
  : null;

const child = spawn(process.execPath, mongrel2Argv('config.sqlite', server.uuid), { cwd: DEMO, stdio: 'inherit' });
const { app, url } = await serveConsole({
  dbPath, cwd: DEMO, adminPassword: process.env.M2_ADMIN_PASSWORD, print: (l) => process.stdout.write(`${l}\n`),
});
process.stdout.write(`\nServing the sample config on http://${server.bindAddr}:${server.port}/  (Dir '/', Proxy '/proxy/', Handler '/handler')\n` +
  `The console: ${url}/  (user admin; the password is printed above on the first start, or is M2_ADMIN_PASSWORD)\n` +
  `Inspect it with: npx m2sh routes -db demo/config.sqlite -server ${server.name} -host ${server.defaultHost}\nCtrl-C stops everything.\n\n`);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    stopping = true;
    if (child.exitCode === null) child.kill(sig);
    void app.close().finally(() => {
      upstream.close();
      void (stopEcho ? stopEcho() : Promise.resolve()).finally(() => process.exit(0));
    });
  });
}
child.on('exit', (code) => {
  // Stopped from the console (or crashed): the console stays up, where the server can be started again.
  if (!stopping) process.stdout.write(`mongrel2 exited (${code ?? 'signal'}); the console at ${url}/ can start it again.\n`);
});
