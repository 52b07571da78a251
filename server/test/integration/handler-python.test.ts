// A handler in another language, through our server: a Python program on pyzmq (Debian's python3-zmq, on libzmq)
// that reads requests the way Mongrel2's own Python library did — `sender conn_id path rest` split on the first
// three spaces, then the headers as a netstring of JSON (or a tnetstring dict) and the body as a netstring — and
// answers with Mongrel2's reply grammar, `UUID LEN:ID ID, BODY`. It reports what it parsed, so these tests check
// that our messages decode under the spec's grammar with Python's own json module, byte for byte for bodies.
// Needs /usr/bin/python3 with python3-zmq (.ci/run installs it); without it the tests fail and say so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/c-mongrel2.js';
import { tempDir } from '../helpers/processes.js';
import { exchange } from '../helpers/raw-http.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const PYTHON = '/usr/bin/python3';

/** The handler: argv = send_spec recv_spec protocol. Paths (after the route prefix):
 *  `echo` answers a JSON summary of the parsed request; `wait` holds the connection until a second one waits,
 *  then answers both with one message; `bye` answers, then closes with an empty message; `gone` lists the
 *  connection ids of disconnect notices received so far. */
const HANDLER = String.raw`
import json, sys, zmq
send_spec, recv_spec, protocol = sys.argv[1:4]
ctx = zmq.Context()
pull = ctx.socket(zmq.PULL)
pull.connect(send_spec)
pub = ctx.socket(zmq.PUB)
pub.setsockopt(zmq.IDENTITY, b'py-handler')
pub.connect(recv_spec)

def netstring(data):
    size, _, rest = data.partition(b':')
    size = int(size)
    if rest[size:size + 1] != b',':
        raise ValueError('netstring not terminated by a comma')
    return rest[:size], rest[size + 1:]

def tnetstring(data):
    size, _, rest = data.partition(b':')
    size = int(size)
    payload, tag, rest = rest[:size], rest[size:size + 1], rest[size + 1:]
    if tag == b',':
        return payload.decode('latin1'), rest
    if tag == b'#':
        return int(payload), rest
    if tag == b']':
        items = []
        while payload:
            item, payload = tnetstring(payload)
            items.append(item)
        return items, rest
    if tag == b'}':
        items = {}
        while payload:
            key, payload = tnetstring(payload)
            value, payload = tnetstring(payload)
            items[key] = value
        return items, rest
    raise ValueError('unexpected tnetstring tag %r' % tag)

def parse(msg):
    sender, conn_id, path, rest = msg.split(b' ', 3)
    if protocol == 'json':
        head, rest = netstring(rest)
        headers = json.loads(head.decode('latin1'))
    else:
        headers, rest = tnetstring(rest)
    body, rest = netstring(rest)
    if rest:
        raise ValueError('bytes after the body')
    return sender, conn_id, path.decode('latin1'), headers, body

def send(sender, ids, data):
    idlist = b' '.join(ids)
    pub.send(sender + b' ' + str(len(idlist)).encode() + b':' + idlist + b', ' + data)

def http(body):
    return b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % len(body) + body

waiting = []
gone = []
while True:
    try:
        sender, conn_id, path, headers, body = parse(pull.recv())
    except Exception as e:
        sys.stderr.write('bad message: %s\n' % e)
        continue
    if path == '@*':
        if headers.get('METHOD') == 'JSON' and json.loads(body.decode()).get('type') == 'disconnect':
            gone.append(int(conn_id))
        continue
    what = path.rsplit('/', 1)[-1]
    if what == 'echo':
        summary = {'sender': sender.decode(), 'conn_id': int(conn_id), 'path': path, 'headers': headers, 'body_hex': body.hex()}
        send(sender, [conn_id], http(json.dumps(summary, sort_keys=True).encode()))
    elif what == 'wait':
        waiting.append(conn_id)
        if len(waiting) == 2:
            send(sender, waiting, http(b'"together"'))
            waiting = []
    elif what == 'bye':
        send(sender, [conn_id], b'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nbye')
        send(sender, [conn_id], b'')
    elif what == 'gone':
        send(sender, [conn_id], http(json.dumps(gone).encode()))
`;

const havePyzmq = spawnSync(PYTHON, ['-c', 'import zmq'], { stdio: 'ignore' }).status === 0;
const tmp = tempDir();
let srv: RunningServer;
const handlers: ChildProcess[] = [];
const spec = (p: number) => `tcp://127.0.0.1:${p}`;

interface Summary {
  sender: string;
  conn_id: number;
  path: string;
  headers: Record<string, string | string[] | number>;
  body_hex: string;
}

async function get(path: string, extra = '', body = ''): Promise<string> {
  const method = body ? 'POST' : 'GET';
  const len = body ? `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n` : '';
  const r = await exchange(srv.port, Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}${len}\r\n${body}`, 'latin1'), { quietMs: 1500 });
  return r.bytes.toString('latin1');
}

function bodyOf(response: string): string {
  return response.slice(response.indexOf('\r\n\r\n') + 4);
}

/** Asks until the handler answers: its PUB may still be joining when the first reply goes out (slow joiner). */
async function untilAnswered(path: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await get(path)).startsWith('HTTP/1.1 200')) return;
  }
  throw new Error(`the Python handler never answered ${path}`);
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

beforeAll(async () => {
  if (!havePyzmq) throw new Error(`${PYTHON} cannot import zmq: apt-get install -y python3-zmq`);
  const [j1, j2, t1, t2] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const db = makeSite(tmp.dir, `main = Server(uuid="py1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={
      '/py/': Handler(send_spec='${spec(j1!)}', send_ident='py-json', recv_spec='${spec(j2!)}', recv_ident=''),
      '/pt/': Handler(send_spec='${spec(t1!)}', send_ident='py-tnet', recv_spec='${spec(t2!)}', recv_ident='', protocol='tnetstring')
    })])
servers = [main]
`);
  srv = await startServer('ours', tmp.dir, db, 'py1');
  for (const [send, recv, protocol] of [[j1, j2, 'json'], [t1, t2, 'tnetstring']] as const) {
    handlers.push(spawn(PYTHON, ['-c', HANDLER, spec(send!), spec(recv!), protocol], { stdio: ['ignore', 'ignore', 'inherit'] }));
  }
  await untilAnswered('/py/echo');
  await untilAnswered('/pt/echo');
}, 60_000);

afterAll(async () => {
  for (const h of handlers) h.kill('SIGTERM');
  await srv?.stop();
  tmp.cleanup();
});

describe('a Python pyzmq handler through our server', () => {
  it('decodes a GET with Python json: generated keys, lower-cased headers, x-forwarded-for, repeats as a list', async () => {
    const r = await get('/py/echo?a=1&b=2#frag', 'X-Custom: Yes\r\nAccept: text/a\r\nAccept: text/b\r\n');
    expect(r).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const s = JSON.parse(bodyOf(r)) as Summary;
    expect(s.sender).toBe('py-json');
    expect(s.conn_id).toBeGreaterThan(0);
    expect(s.path).toBe('/py/echo');
    expect(s.headers).toEqual({
      PATH: '/py/echo', 'x-forwarded-for': '127.0.0.1', host: 'localhost', 'x-custom': 'Yes', accept: ['text/a', 'text/b'],
      METHOD: 'GET', VERSION: 'HTTP/1.1', URI: '/py/echo?a=1&b=2', QUERY: 'a=1&b=2', FRAGMENT: 'frag',
      PATTERN: '/py/', URL_SCHEME: 'http', REMOTE_ADDR: '127.0.0.1',
    });
    expect(s.body_hex).toBe('');
  });

  it('carries a body with every byte value intact, and a quote and backslash in a header', async () => {
    const body = Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('latin1');
    const r = await get('/py/echo', 'X-Odd: say "hi" \\ bye\r\n', body);
    const s = JSON.parse(bodyOf(r)) as Summary;
    expect(s.headers.METHOD).toBe('POST');
    expect(s.headers['content-length']).toBe('256');
    expect(s.headers['x-odd']).toBe('say "hi" \\ bye');
    expect(s.body_hex).toBe(Buffer.from(body, 'latin1').toString('hex'));
  });

  it('decodes the tnetstring protocol the same way', async () => {
    const r = await get('/pt/echo?q=x', 'X-Custom: tnet\r\n', 'abc');
    const s = JSON.parse(bodyOf(r)) as Summary;
    expect(s.sender).toBe('py-tnet');
    expect(s.headers).toMatchObject({ PATH: '/pt/echo', METHOD: 'POST', QUERY: 'q=x', PATTERN: '/pt/', 'x-custom': 'tnet', 'content-length': '3' });
    expect(s.body_hex).toBe(Buffer.from('abc').toString('hex'));
  });

  it('answers two waiting clients with one message that names both ids', async () => {
    const [a, b] = await Promise.all([get('/py/wait'), get('/py/wait')]);
    expect(bodyOf(a)).toBe('"together"');
    expect(bodyOf(b)).toBe('"together"');
  });

  it('closes a connection when the handler sends an empty body after its reply', async () => {
    const r = await exchange(srv.port, 'GET /py/bye HTTP/1.1\r\nHost: localhost\r\n\r\n', { waitClose: true, quietMs: 3000 });
    expect(r.closed).toBe(true);
    expect(r.bytes.toString()).toBe('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nbye');
  });

  it('tells the handler, in a disconnect notice it parses, when a client it served goes away', async () => {
    const sock = await open(srv.port);
    const reply = new Promise<string>((resolve) => {
      let got = '';
      sock.on('data', (d) => {
        got += d.toString('latin1');
        if (got.includes('}')) resolve(got);
      });
    });
    sock.write('GET /py/echo HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const id = (JSON.parse(bodyOf(await reply)) as Summary).conn_id;
    sock.destroy();
    let gone: number[] = [];
    for (let i = 0; i < 50 && !gone.includes(id); i++) {
      await new Promise((r) => setTimeout(r, 100));
      gone = JSON.parse(bodyOf(await get('/py/gone'))) as number[];
    }
    expect(gone).toContain(id);
  });
});
