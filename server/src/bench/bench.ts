// `npm run bench`: ours against the reference C mongrel2 (Debian mongrel2-core) on the same site, driven by the
// same load generator (wrk) in one run. Prints req/s, p99 latency and ours/reference for: a small static file
// with keep-alive, a 1 MiB file, a proxied request to a local backend; memory per idle keep-alive connection
// with 5,000 open connections; 10,000 concurrent connections; and reload under load (ours only: wrk running
// while the config is reloaded 20 times). Times on shared machines are noisy: read the ratios.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MONGREL2_BIN, MONGREL2_NODE_FLAGS } from '../cli/commands/running.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const C_MONGREL2 = '/usr/bin/mongrel2';
const UUID = '9b0e2c4a-7d1f-4e3b-8a5c-6f2d1e0b9a87';
const DURATION = process.env.M2_BENCH_SECONDS ?? '5';
/** How many alternating rounds each comparison runs (M2_BENCH_ROUNDS, default 2). */
const ROUNDS = Number(process.env.M2_BENCH_ROUNDS ?? '2');
/** Which cases to run (M2_BENCH_CASES=static,churn,big,proxy,handler,handler-zmtp,handler-py,fanout,memory,concurrent,reload; default all). */
const CASES = new Set((process.env.M2_BENCH_CASES ?? 'static,churn,big,proxy,handler,handler-zmtp,handler-py,fanout,memory,concurrent,reload').split(','));

/** Extra node flags for our server, after the ones m2sh start gives it (M2_BENCH_NODE_ARGS, e.g. "--cpu-prof
 *  --cpu-prof-dir=/tmp/prof" to profile it, or another --min-semi-space-size to compare). */
const NODE_ARGS = (process.env.M2_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

function need(cmd: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} is missing: apt-get install -y ${pkg}`);
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** A tiny keep-alive HTTP backend for the proxy case: one canned response per request head. */
async function startBackend(): Promise<{ port: number; close(): void }> {
  const reply = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nhello, proxy\n');
  const server = createServer((s: Socket) => {
    let tail = '';
    s.setNoDelay(true);
    s.on('data', (d) => {
      const text = tail + d.toString('latin1');
      let count = 0;
      let i = text.indexOf('\r\n\r\n');
      let last = 0;
      while (i >= 0) {
        count++;
        last = i + 4;
        i = text.indexOf('\r\n\r\n', last);
      }
      tail = text.slice(last);
      for (let k = 0; k < count; k++) s.write(reply);
    });
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/** Ports of the bench handler's sockets, per server (each server binds its own pair). */
interface HandlerPorts { send: number; recv: number }

function makeSite(dir: string, port: number, backendPort: number, hp: HandlerPorts): string {
  for (const d of ['logs', 'run', 'static']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'static', 'small.txt'), 'a small static file, about a hundred bytes long, served with keep-alive.\n');
  writeFileSync(join(dir, 'static', 'big.bin'), Buffer.alloc(1024 * 1024, 7));
  writeFileSync(join(dir, 'mongrel2.conf'), `main = Server(uuid="${UUID}", name="bench", chroot="./", port=${port},
  bind_addr="127.0.0.1", access_log="/logs/access.log", error_log="/logs/error.log", pid_file="/run/mongrel2.pid",
  default_host="localhost", hosts=[Host(name="localhost", routes={
    '/static/': Dir(base='static/', index_file='index.html', default_ctype='text/plain'),
    '/proxy/': Proxy(addr='127.0.0.1', port=${backendPort}),
    '/handler': Handler(send_spec='tcp://127.0.0.1:${hp.send}', send_ident='bench-handler', recv_spec='tcp://127.0.0.1:${hp.recv}', recv_ident=''),
    '/fanout': Handler(send_spec='tcp://127.0.0.1:${hp.send}', send_ident='bench-handler', recv_spec='tcp://127.0.0.1:${hp.recv}', recv_ident='')})])
servers = [main]
settings = {"server.daemonize": "0", "limits.min_ping": "0", "limits.min_read_rate": "0", "limits.min_write_rate": "0", "superpoll.max_fd": "20000"}
`);
  execFileSync(process.execPath, [join(REPO, 'server/bin/m2sh.js'), 'load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'config.sqlite');
}

interface Srv { name: string; port: number; pid: number; output(): string; stop(): Promise<void> }

async function startServer(name: string, bin: string, args: string[], dir: string, port: number): Promise<Srv> {
  const proc = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited: ${err}`);
    const ok = await new Promise<boolean>((r) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); r(true); });
      s.once('error', () => r(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name, port, pid: proc.pid!, output: () => err,
    stop: () => new Promise<void>((r) => {
      if (proc.exitCode !== null) return r();
      proc.once('exit', () => r());
      proc.kill('SIGTERM');
      setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 3000);
    }),
  };
}

interface WrkResult { rps: number; p99ms: number; transferMBs: number; errors: string; non2xx: number }

/** CPU seconds from a /proc/.../stat file (clock ticks of 1/100 s): `children` false gives the process's own
 *  (utime + stime), true its ended and reaped children's (cutime + cstime; a finished wrk run shows up there). */
function statSeconds(path: string, children = false): number {
  try {
    const stat = readFileSync(path, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = children ? 13 : 11;
    return (Number(f[at]) + Number(f[at + 1])) / 100;
  } catch {
    return NaN;
  }
}

/** The CPU time (user + system, in seconds) a process has used so far. */
const cpuSeconds = (pid: number): number => statSeconds(`/proc/${pid}/stat`);

/** How often the process's main thread has gone to sleep waiting for I/O, and been preempted, so far. */
function mainThreadSwitches(pid: number): { slept: number; preempted: number } {
  const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
  const count = (re: RegExp) => Number(re.exec(status)?.[1] ?? NaN);
  return { slept: count(/^voluntary_ctxt_switches:\s+(\d+)/m), preempted: count(/^nonvoluntary_ctxt_switches:\s+(\d+)/m) };
}

interface CpuRun extends WrkResult {
  cpuUsPerReq: number;
  reqPerWake: number;
  preemptPerKReq: number;
  /** CPU per request of the handler process (all its threads) and of wrk, µs; NaN without a handler. */
  handlerUsPerReq: number;
  wrkUsPerReq: number;
  /** The machine's CPUs during the run, in cores: busy (user, system, interrupts), idle, taken by the host (steal). */
  cores: { busy: number; idle: number; steal: number };
}

/** The machine's CPU time so far, in seconds: busy, idle (with I/O wait) and steal (the /proc/stat `cpu` line). */
function machineSeconds(): { busy: number; idle: number; steal: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const tick = 100; // USER_HZ
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  return { busy: (user + nice + system + irq + softirq) / tick, idle: (idle + iowait) / tick, steal: steal / tick };
}

/** Runs wrk against `url` and reports also the CPU time per request (µs) of the server, the handler and wrk: figures
 *  the shared machine's other load disturbs less than req/s. */
async function wrkWithCpu(pid: number, url: string, connections: number, handlerPid?: number, extra: string[] = []): Promise<CpuRun> {
  const before = cpuSeconds(pid);
  const hBefore = handlerPid === undefined ? NaN : cpuSeconds(handlerPid);
  const wBefore = statSeconds('/proc/self/stat', true);
  const sw = mainThreadSwitches(pid);
  const m0 = machineSeconds();
  const t0 = performance.now();
  const r = await wrk(url, connections, 2, extra);
  const m1 = machineSeconds();
  const wall = (performance.now() - t0) / 1000;
  const used = cpuSeconds(pid) - before;
  const sw2 = mainThreadSwitches(pid);
  const requests = r.rps * Number(DURATION);
  const perReq = (seconds: number) => (seconds * 1e6) / requests;
  return {
    ...r, cpuUsPerReq: perReq(used),
    reqPerWake: requests / Math.max(1, sw2.slept - sw.slept), preemptPerKReq: ((sw2.preempted - sw.preempted) * 1000) / requests,
    handlerUsPerReq: handlerPid === undefined ? NaN : perReq(cpuSeconds(handlerPid) - hBefore),
    wrkUsPerReq: perReq(statSeconds('/proc/self/stat', true) - wBefore),
    cores: { busy: (m1.busy - m0.busy) / wall, idle: (m1.idle - m0.idle) / wall, steal: (m1.steal - m0.steal) / wall },
  };
}

async function wrk(url: string, connections: number, threads = 2, extra: string[] = [], seconds = DURATION): Promise<WrkResult> {
  const { stdout: out } = await promisify(execFile)('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', ...extra, url], { encoding: 'utf8' });
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
  const t = /Transfer\/sec:\s+([\d.]+)(KB|MB|GB|B)/.exec(out);
  const transferMBs = t ? Number(t[1]) * ({ B: 1 / 1048576, KB: 1 / 1024, MB: 1, GB: 1024 }[t[2] as 'B']) : NaN;
  return { rps: num(/Requests\/sec:\s+([\d.]+)/), p99ms, transferMBs, errors: /Socket errors:.*/.exec(out)?.[0] ?? 'none', non2xx: num(/Non-2xx or 3xx responses:\s+(\d+)/) || 0 };
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? NaN);
}

/** Opens `n` keep-alive connections, each having made one request; returns them. */
async function openIdle(port: number, n: number): Promise<Socket[]> {
  const socks: Socket[] = [];
  const batch = 200;
  for (let i = 0; i < n; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => new Promise<void>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => resolve());
      s.once('connect', () => s.write('GET /static/small.txt HTTP/1.1\r\nHost: localhost\r\n\r\n'));
      s.once('data', () => resolve());
      socks.push(s);
    })));
  }
  return socks;
}

async function memoryPerConnection(srv: Srv, n: number): Promise<{ perConnKiB: number; served: number }> {
  await new Promise((r) => setTimeout(r, 500));
  const before = rssKiB(srv.pid);
  const socks = await openIdle(srv.port, n);
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssKiB(srv.pid);
  const served = socks.filter((s) => s.bytesRead > 0).length;
  for (const s of socks) s.destroy();
  await new Promise((r) => setTimeout(r, 500));
  return { perConnKiB: (after - before) / n, served };
}

/** The bench handler's logic, shared by both flavours: answer `/handler` with a small HTTP response; for
 *  `/fanout`, wait until 128 clients have asked, then send one message to all of them in a single reply. It
 *  reads only the message prefix and builds replies as Buffers, so the handler is not what is measured. */
const HANDLER_LOGIC = `
    const reply = Buffer.from(' HTTP/1.1 200 OK\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n');
    const sender = Buffer.from('bench-handler ');
    const answer = (send) => { let fan = []; return (msg) => {
      const sp1 = msg.indexOf(32); const sp2 = msg.indexOf(32, sp1 + 1); const sp3 = msg.indexOf(32, sp2 + 1);
      const id = msg.toString('latin1', sp1 + 1, sp2); const path = msg.toString('latin1', sp2 + 1, sp3);
      if (path === '@*') return;
      if (path === '/fanout') { fan.push(id); if (fan.length === 128) { const ids = fan.join(' '); fan = []; send(Buffer.concat([sender, Buffer.from(ids.length + ':' + ids + ','), reply])); } return; }
      send(Buffer.concat([sender, Buffer.from(id.length + ':' + id + ','), reply]));
    }; };`;

/** A fixed CPU-bound task, timed (best of 5, ms): how busy the host is. When the host is busy every figure, ours
 *  and C's, drifts with it (and not by the same factor), so the header prints this before and after the runs:
 *  compare runs whose calibrations agree. */
function calibrate(): number {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    let acc = 0;
    let text = '';
    for (let i = 0; i < 1_000_000; i++) {
      text = `${i}:${acc},`;
      acc = (acc + text.length * 31 + (i ^ (acc >>> 3))) | 0;
    }
    best = Math.min(best, performance.now() - t);
    if (acc === 42) process.stdout.write('');
  }
  return best;
}

/** Where the machine's CPU went per request in each side's best round: the server, the handler (when there is
 *  one) and wrk. On a saturated machine req/s follows the sum, so this says which part a ratio comes from. */
function machine(c: CpuRun, o: CpuRun): string {
  const side = (r: CpuRun) => Number.isFinite(r.handlerUsPerReq)
    ? `${fmt(r.cpuUsPerReq, 1)} + ${fmt(r.handlerUsPerReq, 1)} + ${fmt(r.wrkUsPerReq, 1)} = ${fmt(r.cpuUsPerReq + r.handlerUsPerReq + r.wrkUsPerReq, 1)} µs`
    : `${fmt(r.cpuUsPerReq, 1)} + ${fmt(r.wrkUsPerReq, 1)} = ${fmt(r.cpuUsPerReq + r.wrkUsPerReq, 1)} µs`;
  const what = Number.isFinite(c.handlerUsPerReq) ? 'server + handler + wrk' : 'server + wrk';
  const cores = (r: CpuRun) => `${fmt(r.cores.busy, 2)} busy, ${fmt(r.cores.idle, 2)} idle, ${fmt(r.cores.steal, 2)} stolen`;
  return `; CPU/req in the best rounds (${what}) C ${side(c)} | ours ${side(o)}; the machine's cores in those rounds C ${cores(c)} | ours ${cores(o)}`;
}

/** ` (rounds LO–HI, median M)` for the per-round ratios, when there are several. */
function pairs(ratios: number[]): string {
  if (ratios.length < 2) return '';
  const r = [...ratios].sort((x, y) => x - y);
  const mid = r.length >> 1;
  const median = r.length % 2 ? r[mid]! : (r[mid - 1]! + r[mid]!) / 2;
  return ` (rounds ${fmt(r[0]!, 2)}–${fmt(r[r.length - 1]!, 2)}, median ${fmt(median, 2)})`;
}

/** The same logic in Python with pyzmq (Debian's python3-zmq, on libzmq): the kind of handler Mongrel2's own
 *  Python library made. One thread polls both servers' PULL sockets and drains each before polling again. */
const PY_HANDLER = `
import json, sys, zmq
reply = b' HTTP/1.1 200 OK\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n'
sender = b'bench-handler '
ctx = zmq.Context()
poller = zmq.Poller()
pubs = {}
for p in json.loads(sys.argv[1]):
    pull = ctx.socket(zmq.PULL)
    pull.connect('tcp://127.0.0.1:%d' % p['send'])
    pub = ctx.socket(zmq.PUB)
    pub.setsockopt(zmq.IDENTITY, b'bench-handler')
    pub.setsockopt(zmq.SNDHWM, 100000)
    pub.connect('tcp://127.0.0.1:%d' % p['recv'])
    poller.register(pull, zmq.POLLIN)
    pubs[pull] = (pub, [])
while True:
    for sock, _ in poller.poll():
        pub, fan = pubs[sock]
        while True:
            try:
                msg = sock.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            parts = msg.split(b' ', 3)
            if len(parts) < 3 or parts[2] == b'@*':
                continue
            cid = parts[1]
            if parts[2] == b'/fanout':
                fan.append(cid)
                if len(fan) == 128:
                    ids = b' '.join(fan)
                    del fan[:]
                    pub.send(sender + b'%d:%s,' % (len(ids), ids) + reply)
                continue
            pub.send(sender + b'%d:%s,' % (len(cid), cid) + reply)
`;

/** The Python handler's interpreter: Debian's, which sees python3-zmq (the machine's own python3 may not). */
const PYTHON = '/usr/bin/python3';

/** Whether PYTHON can import pyzmq. */
function havePyzmq(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import zmq'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Which handler program answers: a libzmq one (zeromq.js, as a Node handler built on any ZeroMQ binding
 *  would be), a Python one on pyzmq, or a lean one speaking ZMTP 3.0 over node:net with the server's own codec —
 *  nearly free, so the servers are what the figure measures. */
type HandlerKind = 'libzmq' | 'pyzmq' | 'zmtp';

/** The bench handler: one child process serving both servers' handler sockets, the same program for both. */
function startBenchHandler(node: string, ports: HandlerPorts[], kind: HandlerKind): { pid: number; stop(): void } {
  const libzmq = `
    const { Pull, Publisher } = require(${JSON.stringify(join(REPO, 'node_modules/zeromq'))});
    ${HANDLER_LOGIC}
    for (const p of ${JSON.stringify(ports)}) {
      const pull = new Pull(); pull.connect('tcp://127.0.0.1:' + p.send);
      const pub = new Publisher({ sendHighWaterMark: 100000 }); pub.connect('tcp://127.0.0.1:' + p.recv);
      const queue = []; let draining = false; let last = Promise.resolve();
      const drain = async () => { draining = true; await last.catch(() => {}); while (queue.length) { last = pub.send(queue.shift()); await last; } draining = false; };
      const send = (m) => {
        if (draining || queue.length) { queue.push(m); return; }
        try { last = pub.send(m); last.catch(() => {}); } catch (e) { queue.push(m); drain(); }
      };
      const onMessage = answer(send);
      (async () => { for await (const [msg] of pull) onMessage(msg); })();
    }`;
  // A connecting PULL and PUB: greeting, READY with the socket type (and the PUB's identity), then frames.
  // The PUB sends to its one peer without filtering (the server subscribes to everything it is sent).
  const zmtp = `
    const { connect } = require('node:net');
    const { encodeGreeting, encodeReady, encodeFrameHead, FrameReader, FLAG_COMMAND, FLAG_MORE } = require(${JSON.stringify(join(REPO, 'server/dist/handler/zmtp/codec.js'))});
    ${HANDLER_LOGIC}
    const zsocket = (port, props, onMessage) => {
      const s = connect(port, '127.0.0.1');
      s.setNoDelay(true);
      const reader = new FrameReader();
      let greeting = Buffer.alloc(0), parts = [], out = [];
      s.write(encodeGreeting());
      s.on('data', (d) => {
        if (greeting) {
          greeting = Buffer.concat([greeting, d]);
          if (greeting.length < 64) return;
          d = greeting.subarray(64); greeting = null; s.write(encodeReady(props));
        }
        for (const f of reader.push(d)) {
          if (f.flags & FLAG_COMMAND) continue;
          parts.push(f.body);
          if (!(f.flags & FLAG_MORE)) { const m = parts.length === 1 ? parts[0] : Buffer.concat(parts); parts = []; onMessage(m); }
        }
      });
      s.on('error', () => {});
      const flush = () => { const b = Buffer.concat(out); out = []; s.write(b); };
      return (m) => { if (out.length === 0) setImmediate(flush); out.push(encodeFrameHead(m.length, 0), m); };
    };
    for (const p of ${JSON.stringify(ports)}) {
      const send = zsocket(p.recv, { 'Socket-Type': 'PUB', Identity: 'bench-handler' }, () => {});
      zsocket(p.send, { 'Socket-Type': 'PULL' }, answer(send));
    }`;
  const child = kind === 'pyzmq'
    ? spawn(PYTHON, ['-c', PY_HANDLER, JSON.stringify(ports)], { stdio: 'ignore' })
    : spawn(node, ['-e', kind === 'libzmq' ? libzmq : zmtp], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Opens `n` connections that each ask /fanout; resolves with ms from the last request until all got the message. */
async function fanout(port: number, n: number): Promise<number> {
  const socks = await Promise.all(Array.from({ length: n }, () => new Promise<Socket>((r) => {
    const s = connect(port, '127.0.0.1');
    // A refused or reset connection must not end the bench: that client then counts as never answered (n/a).
    s.on('error', () => r(s));
    s.once('connect', () => r(s));
  })));
  const got = socks.map((s) => new Promise<number>((r) => s.once('data', () => r(performance.now()))));
  const t0 = performance.now();
  for (const s of socks) s.write('GET /fanout HTTP/1.1\r\nHost: localhost\r\n\r\n');
  const times = await Promise.race([Promise.all(got), new Promise<number[]>((r) => setTimeout(() => r([NaN]), 10000))]);
  for (const s of socks) s.destroy();
  return Math.max(...times) - t0;
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function main(): Promise<void> {
  need('wrk', 'wrk');
  if (!existsSync(C_MONGREL2)) throw new Error(`${C_MONGREL2} is missing: apt-get install -y mongrel2-core`);
  const root = mkdtempSync(join(tmpdir(), 'm2-bench-'));
  const backend = await startBackend();
  const servers: Srv[] = [];
  const handlerPorts: HandlerPorts[] = [];
  let handler = null as { pid: number; stop(): void } | null;
  try {
    for (const [name, bin] of [['reference C mongrel2 1.12.2', C_MONGREL2], ['ours', process.execPath]] as const) {
      const dir = join(root, name === 'ours' ? 'ours' : 'c');
      mkdirSync(dir);
      const port = await freePort();
      const hp = { send: await freePort(), recv: await freePort() };
      handlerPorts.push(hp);
      const db = makeSite(dir, port, backend.port, hp);
      const args = name === 'ours' ? [...MONGREL2_NODE_FLAGS, ...NODE_ARGS, MONGREL2_BIN, db, UUID] : [db, UUID];
      servers.push(await startServer(name, bin, args, dir, port));
    }
    const [c, ours] = servers as [Srv, Srv];
    const hostBefore = calibrate();
    const report = (rows: string[]) => process.stdout.write(`\nMongrel2 benchmark, ${DURATION}s per run, best of ${ROUNDS} alternating rounds after a 1 s warm-up, wrk -t2; host calibration ${fmt(hostBefore, 0)} ms before, ${fmt(calibrate(), 0)} ms after (lower is quieter)\n${rows.join('\n')}\n`);
    // One handler process at a time answers both servers; a new one gets a moment to connect.
    const useHandler = async (kind: HandlerKind) => {
      handler?.stop();
      handler = startBenchHandler(process.execPath, handlerPorts, kind);
      await new Promise((r) => setTimeout(r, 800));
    };
    await useHandler('libzmq');
    const rows: string[] = [];
    const compare = async (label: string, path: string, conns: number, metric: 'rps' | 'transferMBs', extra: string[] = []) => {
      // Rounds alternate C, ours, C, ours...; each side keeps its best round (the machine is shared and noisy).
      let rc: CpuRun | undefined;
      let ro: CpuRun | undefined;
      const handlerPid = path === '/handler' ? handler?.pid : undefined;
      let cpuC = Infinity, cpuOurs = Infinity;
      let wakeC = 0, wakeOurs = 0, preC = Infinity, preOurs = Infinity;
      // Each round's own ratio too (ours over the C run just before it): the machine drifts between rounds, and
      // the median of these pairs is steadier than the ratio of two bests.
      const paired: number[] = [];
      // A second of unmeasured load on each first: a server runs warm (ours compiles its hot path by then).
      for (const srv of [c, ours]) await wrk(`http://127.0.0.1:${srv.port}${path}`, conns, 2, extra, '1');
      for (let round = 0; round < ROUNDS; round++) {
        const a = await wrkWithCpu(c.pid, `http://127.0.0.1:${c.port}${path}`, conns, handlerPid, extra);
        const b = await wrkWithCpu(ours.pid, `http://127.0.0.1:${ours.port}${path}`, conns, handlerPid, extra);
        if (!rc || a[metric] > rc[metric]) rc = a;
        if (!ro || b[metric] > ro[metric]) ro = b;
        paired.push(b[metric] / a[metric]);
        cpuC = Math.min(cpuC, a.cpuUsPerReq);
        cpuOurs = Math.min(cpuOurs, b.cpuUsPerReq);
        wakeC = Math.max(wakeC, a.reqPerWake);
        wakeOurs = Math.max(wakeOurs, b.reqPerWake);
        preC = Math.min(preC, a.preemptPerKReq);
        preOurs = Math.min(preOurs, b.preemptPerKReq);
      }
      if (!rc || !ro) return;
      const unit = metric === 'rps' ? 'req/s' : 'MB/s';
      const cpu = metric === 'rps' ? `  server CPU/req C ${fmt(cpuC, 1)} µs ours ${fmt(cpuOurs, 1)} µs (ratio ${fmt(cpuOurs / cpuC, 2)}), main thread: requests per wake-up C ${fmt(wakeC, 1)} ours ${fmt(wakeOurs, 1)}, preempted per 1k requests C ${fmt(preC, 1)} ours ${fmt(preOurs, 1)}${machine(rc, ro)}` : '';
      rows.push(`${label.padEnd(34)} C ${fmt(rc[metric], 1).padStart(9)} ${unit}  p99 ${fmt(rc.p99ms, 2).padStart(7)} ms | ours ${fmt(ro[metric], 1).padStart(9)} ${unit}  p99 ${fmt(ro.p99ms, 2).padStart(7)} ms | ratio ${fmt(ro[metric] / rc[metric], 2)}${pairs(paired)}  p99 ratio ${fmt(ro.p99ms / rc.p99ms, 2)}  errors C[${rc.errors}] ours[${ro.errors}]${cpu}`);
    };
    // Memory first, on fresh processes: after the load runs a heap has room to spare and RSS would not grow.
    if (CASES.has('memory')) {
      const mc = await memoryPerConnection(c, 5000);
      const mo = await memoryPerConnection(ours, 5000);
      rows.push(`${'memory per idle keep-alive conn'.padEnd(34)} C ${fmt(mc.perConnKiB, 2)} KiB (${mc.served}/5000 served) | ours ${fmt(mo.perConnKiB, 2)} KiB (${mo.served}/5000 served)`);
    }
    if (CASES.has('static')) await compare('small static file, keep-alive', '/static/small.txt', 50, 'rps');
    // Every request on a fresh connection (clients without keep-alive): accept, read, reply, close. (A handler's
    // reply does not close on Connection: close — the handler decides — so this row is on a static file.)
    if (CASES.has('churn')) await compare('small static file, new conn each', '/static/small.txt', 50, 'rps', ['-H', 'Connection: close']);
    if (CASES.has('big')) await compare('1 MiB file', '/static/big.bin', 10, 'transferMBs');
    if (CASES.has('proxy')) await compare('proxied request', '/proxy/x', 50, 'rps');
    if (CASES.has('handler')) await compare('handler round trip (HTTP→0MQ→HTTP)', '/handler', 50, 'rps');
    if (CASES.has('handler-zmtp')) {
      // The same round trip with the lean handler, which costs the machine little: the servers' own share.
      await useHandler('zmtp');
      await compare('  same, lean ZMTP handler', '/handler', 50, 'rps');
      await useHandler('libzmq');
    }
    if (CASES.has('handler-py')) {
      if (havePyzmq()) {
        await useHandler('pyzmq');
        await compare('  same, Python (pyzmq) handler', '/handler', 50, 'rps');
        await useHandler('libzmq');
      } else rows.push(`${'  same, Python (pyzmq) handler'.padEnd(34)} skipped: apt-get install -y python3-zmq`);
    }
    if (CASES.has('fanout')) {
      // The first burst is reported apart: on a server that has not yet seen fresh connections in numbers, ours
      // still runs its connection path unoptimized (V8 warms up; C has nothing to warm). Then, like the other rows,
      // unmeasured load first — a second of fresh connections (a static file with Connection: close; a handler's
      // reply leaves the connection open) and a second of handler round trips — then alternating rounds.
      const firstC = await fanout(c.port, 128);
      const firstOurs = await fanout(ours.port, 128);
      for (const srv of [c, ours]) {
        await wrk(`http://127.0.0.1:${srv.port}/static/small.txt`, 50, 2, ['-H', 'Connection: close'], '1');
        await wrk(`http://127.0.0.1:${srv.port}/handler`, 50, 2, [], '1');
      }
      const fc: number[] = [];
      const fo: number[] = [];
      const cpu: [number, number] = [0, 0];
      for (let r = 0; r < Math.max(ROUNDS, 3); r++) {
        for (const [i, srv, times] of [[0, c, fc], [1, ours, fo]] as const) {
          const t = cpuSeconds(srv.pid);
          times.push(await fanout(srv.port, 128));
          cpu[i] += cpuSeconds(srv.pid) - t;
        }
      }
      const best = (xs: number[]) => Math.min(...xs.map((x) => (Number.isNaN(x) ? Infinity : x)));
      const perConn = (i: 0 | 1) => fmt((cpu[i] * 1e6) / (fc.length * 128), 0);
      rows.push(`${'1 message fanned out to 128 conns'.padEnd(34)} C ${fmt(best(fc), 2)} ms | ours ${fmt(best(fo), 2)} ms (time until all 128 fresh clients have it, best of ${fc.length}; ratio ${fmt(best(fo) / best(fc), 2)}${pairs(fo.map((x, i) => x / fc[i]!))}; server CPU per connection C ${perConn(0)} µs ours ${perConn(1)} µs; first burst, before the warm-up: C ${fmt(firstC, 2)} ms | ours ${fmt(firstOurs, 2)} ms)`);
    }
    if (CASES.has('concurrent')) {
      const ten = await openIdle(ours.port, 10000);
      const served10k = ten.filter((s) => s.bytesRead > 0).length;
      for (const s of ten) s.destroy();
      rows.push(`${'10,000 concurrent connections'.padEnd(34)} ours served ${served10k}/10000`);
    }
    if (!CASES.has('reload')) {
      report(rows);
      return;
    }
    let count = 0;
    const reloads = setInterval(() => {
      if (count < 20) {
        process.kill(ours.pid, 'SIGHUP');
        count++;
      }
    }, Number(DURATION) * 1000 / 22);
    const rl = await wrk(`http://127.0.0.1:${ours.port}/static/small.txt`, 50);
    clearInterval(reloads);
    rows.push(`${'reload under load (ours)'.padEnd(34)} ${fmt(rl.rps, 1)} req/s while reloading ${count} times; non-2xx ${rl.non2xx}; socket errors: ${rl.errors}`);
    report(rows);
  } catch (e) {
    for (const s of servers) process.stderr.write(`--- ${s.name} output (last 2000 bytes):\n${s.output().slice(-2000)}\n`);
    throw e;
  } finally {
    handler?.stop();
    for (const s of servers) await s.stop();
    backend.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
