// The e2e upstream for Proxy routes: answers every request with what it saw, so a test can tell the request
// went through mongrel2's proxy to here.
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 16790);
const server = createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`upstream saw ${req.method} ${req.url}\n`);
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`upstream ready on ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
