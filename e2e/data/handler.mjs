// The e2e handler: one process, one Connection per `SEND,RECV` spec pair given on the command line (built with
// this repository's handler library). It answers `handler <name> saw <path>`, except paths under /poll/, which it
// holds open without an answer (a long poll) until mongrel2 says the client went away.
import { Connection } from '../../server/dist/handler-lib/index.js';

const pairs = process.argv.slice(2).map((p) => p.split(','));
const held = new Map();
const conns = [];
for (const [name, send, recv] of pairs) {
  const conn = new Connection(`e2e-handler-${name}`, send, recv, { onError: (e) => process.stderr.write(`handler ${name}: ${e.message}\n`) });
  await conn.ready();
  conns.push(conn);
  void (async () => {
    for await (const req of conn) {
      if (req.isDisconnect()) { held.delete(`${name}:${req.connId}`); continue; }
      if (req.path.startsWith('/poll/')) { held.set(`${name}:${req.connId}`, req); continue; }
      conn.replyHttp(req, `handler ${name} saw ${req.path}\n`, { headers: { 'Content-Type': 'text/plain' } });
    }
  })();
}
process.stdout.write('handler ready\n');
const stop = async () => { await Promise.all(conns.map((c) => c.shutdown())); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
