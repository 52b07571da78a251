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

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(REPO, 'demo');
const CONF = join(REPO, 'server/examples/mongrel2.conf');

for (const d of ['logs', 'run']) mkdirSync(join(DEMO, d), { recursive: true });
cpSync(join(REPO, 'server/examples/static'), join(DEMO, 'static'), { recursive: true });
const model = loadConfigFile(CONF, 'server/examples/mongrel2.conf');
model.settings.push(['server.daemonize', '0']);
const { db } = openConfigDb(join(DEMO, 'config.sqlite'), { create: true });
writeModel(db, model, { who: process.env.LOGNAME || process.env.USER || userInfo().username, what: 'load', location: hostname(), how: 'npm start', why: 'demo' });
db.close();

const server = model.servers[0]!;
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

const child = spawn(process.execPath, [join(REPO, 'server/bin/mongrel2.js'), 'config.sqlite', server.uuid], { cwd: DEMO, stdio: 'inherit' });
process.stdout.write(`\nServing the sample config on http://${server.bindAddr}:${server.port}/  (Dir '/', Proxy '/proxy/', Handler '/handler'; Ctrl-C stops)\n` +
  `Inspect it with: npx m2sh routes -db demo/config.sqlite -server ${server.name} -host ${server.defaultHost}\n\n`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => {
  upstream.close();
  void (stopEcho ? stopEcho() : Promise.resolve()).finally(() => process.exit(code ?? 0));
});
