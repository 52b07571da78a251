// Mirrors tests/http11_tests.c (every tests/and_suite file through the parser) and tests/request_tests.c's
// relaxed test, differentially: each request goes to the real C mongrel2 (Debian mongrel2-core 1.12.2) on a
// fresh connection, its verdict (400 = rejected, any other reply = accepted, nothing = head never completed) is
// compared with parseRequestHead's on the first head. Deviations are listed, one precise reason each.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C_MONGREL2, freePort, prepareForC, startC, stopC } from '../../test/helpers/c-mongrel2.js';
import { CORPUS, runC, tempDir } from '../../test/helpers/processes.js';
import { DEFAULT_PARSER_LIMITS, parseRequestHead } from './parser.js';

type Verdict = 'accepted' | 'rejected' | 'none' | 'timeout' | 'crash';
const SUITE = join(CORPUS, 'and_suite');
const RELAXED_TEST = join(CORPUS, 'relaxed_test');
const FILES = existsSync(SUITE) ? readdirSync(SUITE).sort() : [];
const UUID = '6d3ad0a2-6e2c-4d0b-9a43-0c8e3f6a2b51';

const NO_HOST = 'decision 11 / RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400, absolute-form too (C serves it)';
/** Corpus files where our verdict differs from C's on purpose. */
const DEVIATIONS: Record<string, string> = {
  ex_httpd_errs_tst_15: NO_HOST,
  ex_httpd_errs_tst_26: 'decision 11: `Host: /etc` is not uri-host[:port], so a 400 (C uses it as a host name)',
  ex_httpd_errs_tst_29: NO_HOST,
  ex_httpd_errs_tst_30: NO_HOST,
  ex_httpd_errs_tst_40: NO_HOST,
  ex_httpd_errs_tst_41: 'RFC 9112 §6.3: Transfer-Encoding whose final coding is not chunked (`identity`) is a 400 (C ignores any TE but exactly `chunked`)',
  ex_httpd_errs_tst_42: NO_HOST,
  ex_httpd_errs_tst_43: NO_HOST,
  ex_httpd_errs_tst_44: NO_HOST,
  ex_httpd_errs_tst_45: NO_HOST,
  ex_httpd_errs_tst_46: NO_HOST,
  json_socket_tests: 'not HTTP: `<policy-file-request/>\\0` / `@path {json}\\0` socket messages, which C\'s grammar also accepts; the connection layer must spot them before this HTTP-only parser',
};

const CTL_NAME = 'C\'s token excludes only NUL and DEL from CTLs (Ragel `(0 - 31)` is a subtraction, not a range), so CTLs and even CR LF can sit in a C header name; we want RFC 9110 tchar';
const h = (extra = '') => `GET / HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`;
const sized = (n: number) => h(`X: ${'a'.repeat(n - h('X: \r\n').length)}\r\n`);
/** Hand-made requests whose C verdict the parser claims to match (or, with a reason, not to). */
const PROBES: [name: string, raw: string, deviation?: string][] = [
  ['obs-fold (CRLF SP)', h('X: a\r\n b\r\n')],
  ['obs-fold (LF HT)', 'GET / HTTP/1.1\nHost: localhost\nX: a\n\tb\n\n'],
  ['obs-fold after an empty value', h('X:\r\n b\r\n')],
  ['tab, control byte and obs-text in a value', h('X: a\tb\x01\xe9\r\n')],
  ['NUL in a value', h('X: a\x00b\r\n')],
  ['DEL in a value', h('X: a\x7fb\r\n')],
  ['lone CR in a value', h('X: a\rb\r\n')],
  ['SP before the colon', h('X : a\r\n')],
  ['empty header name', h(': a\r\n')],
  ['obs-text in a name', h('X\xe9: a\r\n')],
  ['line without colon, then a header', h('foo\r\nBar: y\r\n'), CTL_NAME],
  ['control byte in a name', h('X\x01Y: a\r\n'), CTL_NAME],
  ['20-byte method', 'ABCDEFGHIJKLMNOPQRST / HTTP/1.0\r\n\r\n'],
  ['21-byte method', 'ABCDEFGHIJKLMNOPQRSTU / HTTP/1.0\r\n\r\n'],
  ['lower-case method', 'get / HTTP/1.0\r\n\r\n'],
  ['dash in method', 'M-SEARCH / HTTP/1.0\r\n\r\n'],
  ['leading CRLF', '\r\nGET / HTTP/1.0\r\n\r\n'],
  ['bare CR line end', 'GET / HTTP/1.0\rX: y\r\n\r\n'],
  ['mixed CRLF and LF', 'GET / HTTP/1.1\nHost: localhost\r\n\n'],
  ['empty target', 'GET  HTTP/1.0\r\n\r\n'],
  ['two SPs after the method', 'GET  / HTTP/1.0\r\n\r\n'],
  ['lower-case version', 'GET / http/1.0\r\n\r\n'],
  ['query and fragment only', 'GET ?a#b HTTP/1.0\r\n\r\n'],
  ['second # in the target', 'GET /a#b#c HTTP/1.0\r\n\r\n'],
  ['byte >= 0x80 in the target', 'GET /\xe9 HTTP/1.0\r\n\r\n'],
  ['bad pct-escape', 'GET /a%zz HTTP/1.0\r\n\r\n'],
  ['[ ] in the path', 'GET /a[b] HTTP/1.0\r\n\r\n'],
  ['{ } without relaxed', 'GET /a{b} HTTP/1.0\r\n\r\n'],
  ['colon first in a relative path', 'GET :b HTTP/1.0\r\n\r\n'],
  ['scheme, rootless path', 'GET mailto:x HTTP/1.0\r\n\r\n'],
  ['absolute-form with userinfo and port', h().replace('/', 'http://u:p@h:1/x?q#f')],
  ['absolute-form, port not digits', h().replace('/', 'http://h:1a/')],
  ['IPv6 literal ::1', h().replace('/', 'http://[::1]/')],
  ['IPv6 literal not hex', h().replace('/', 'http://[zz]/')],
  ['IPv6 literal 1:2:3:4:5:6:7:8', h().replace('/', 'http://[1:2:3:4:5:6:7:8]/'), 'C\'s Ragel IPv6 machine rejects some valid RFC 3986 literals; we follow RFC 3986'],
  ['head of exactly 4096 bytes', sized(4096)],
  ['head of 4097 bytes', sized(4097)],
  ['head without its blank line', 'GET / HTTP/1.1\r\nHost: localhost\r\n'],
  ['nothing at all', ''],
  ['HTTP/1.1 without Host', 'GET / HTTP/1.1\r\n\r\n', NO_HOST],
  ['two Host headers', h('Host: other\r\n'), 'decision 11: two Host headers are a 400 (C uses the first)'],
  ['Content-Length: abc', h('Content-Length: abc\r\n'), 'decision 11: invalid Content-Length is a 400 (C strtol()s it to 0)'],
  ['Content-Length: 5, 5', h('Content-Length: 5, 5\r\n') + '12345'],
  ['differing Content-Lengths', h('Content-Length: 0\r\nContent-Length: 5\r\n'), 'decision 11: conflicting Content-Length is a 400 (C takes the first)'],
  ['chunked on HTTP/1.0', 'GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 'decision 11: chunked on HTTP/1.0 is a 400'],
  ['chunked and Content-Length', h('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n') + 'abc', 'RFC 9112 §6.3, as briefed: both framings at once is a 400'],
];

const ours = (bytes: Buffer, relaxed = false): Verdict => {
  const r = parseRequestHead(bytes, 0, { ...DEFAULT_PARSER_LIMITS, relaxed });
  return r.kind === 'ok' ? 'accepted' : r.kind === 'error' ? 'rejected' : 'none';
};

/** One C mongrel2 in its own temp dir, restarted if a request ever kills it. */
class Reference {
  private proc: ChildProcess | undefined;
  private exited: Promise<boolean> = Promise.resolve(true);
  private port = 0;
  private readonly tmp = tempDir('m2-parser-corpus-');

  async start(settings: Record<string, string>): Promise<void> {
    if (!existsSync(C_MONGREL2)) throw new Error(`the reference ${C_MONGREL2} is missing: apt-get install -y mongrel2-core`);
    const dir = this.tmp.dir;
    this.port = await freePort();
    for (const d of ['logs', 'run', 'static']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'static/index.html'), '<h1>index</h1>\n');
    writeFileSync(join(dir, 'mongrel2.conf'), `main = Server(uuid="${UUID}", access_log="/logs/access.log",
  error_log="/logs/error.log", chroot="./", pid_file="/run/mongrel2.pid", default_host="localhost",
  name="main", bind_addr="127.0.0.1", port=${this.port},
  hosts=[Host(name="localhost", routes={'/': Dir(base='static/', index_file='index.html', default_ctype='text/plain')})])
servers = [main]
`);
    const loaded = runC(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir);
    if (loaded.status !== 0) throw new Error(`C m2sh load failed:\n${loaded.stderr}`);
    prepareForC(dir, 'config.sqlite', this.port);
    const db = new Database(join(dir, 'config.sqlite'));
    for (const [key, value] of Object.entries(settings)) db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(key, value);
    db.close();
    await this.launch();
  }

  private async launch(): Promise<void> {
    rmSync(join(this.tmp.dir, 'run/mongrel2.pid'), { force: true });
    const proc = (await startC(this.tmp.dir, 'config.sqlite', UUID, `http://127.0.0.1:${this.port}/`)).proc;
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve(true)));
  }

  // 1.12.2 sometimes segfaults right after a reply (seen after ex_httpd_errs_tst_29): when a connection gets
  // nothing back, see whether the server died under it, and if so restart it and ask again.
  private died(ms: number): Promise<boolean> {
    return Promise.race([this.exited, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  }

  /** Sends `bytes` on a fresh connection, half-closes, and classifies the whole reply. */
  async verdict(bytes: Buffer): Promise<Verdict> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!this.proc || this.proc.exitCode !== null || this.proc.signalCode !== null) await this.launch();
      const reply = await new Promise<Buffer | undefined>((resolve) => {
        const chunks: Buffer[] = [];
        const sock = connect(this.port, '127.0.0.1', () => sock.end(bytes));
        const timer = setTimeout(() => { sock.destroy(); resolve(undefined); }, 5000);
        sock.on('data', (d: Buffer) => chunks.push(d));
        sock.on('error', () => undefined);
        sock.on('close', () => { clearTimeout(timer); resolve(Buffer.concat(chunks)); });
      });
      if (reply === undefined) return 'timeout';
      if (reply.length === 0 && (await this.died(300))) continue;
      if (reply.length === 0) return 'none';
      return reply.toString('latin1').startsWith('HTTP/1.1 400 Bad Request\r\n') ? 'rejected' : 'accepted';
    }
    return 'crash';
  }

  /** Kills the server by its PID, as a crash would (to prove verdict() recovers). */
  async crash(): Promise<void> {
    if (this.proc?.pid !== undefined && this.proc.exitCode === null) process.kill(this.proc.pid, 'SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.proc) await stopC(this.proc);
    this.tmp.cleanup();
  }
}

describe('the request corpus against the C mongrel2', () => {
  const strict = new Reference();
  const relaxed = new Reference();
  beforeAll(() => Promise.all([strict.start({}), relaxed.start({ 'request.relaxed': '1' })]), 30000);
  afterAll(() => Promise.all([strict.stop(), relaxed.stop()]));

  it('the shared corpus is present', () => {
    if (FILES.length === 0) throw new Error(`the request corpus is missing: expected ${SUITE} (131 raw requests) beside the repository`);
    if (!existsSync(RELAXED_TEST)) throw new Error(`the request corpus is missing: expected ${RELAXED_TEST}`);
    expect(FILES).toHaveLength(131);
  });

  it.each(FILES)('and_suite/%s: same verdict as C, or a listed deviation', async (file) => {
    const bytes = readFileSync(join(SUITE, file));
    const c = await strict.verdict(bytes);
    const us = ours(bytes);
    const why = DEVIATIONS[file];
    expect(['timeout', 'crash'], 'the C server never answered').not.toContain(c);
    if (why === undefined) expect(us, `C says ${c}`).toBe(c);
    else expect(us, `listed deviation (${why}), yet C and we agree`).not.toBe(c);
  });

  it('every listed deviation names a corpus file', () => {
    for (const file of Object.keys(DEVIATIONS)) expect(FILES).toContain(file);
  });

  it('relaxed_test (`GET /^`): rejected without request.relaxed, accepted with it, by C and by us', async () => {
    const bytes = readFileSync(RELAXED_TEST);
    expect([await strict.verdict(bytes), ours(bytes)]).toEqual(['rejected', 'rejected']);
    expect([await relaxed.verdict(bytes), ours(bytes, true)]).toEqual(['accepted', 'accepted']);
    const braces = Buffer.from('GET /a{b}?c={d}#^ HTTP/1.0\r\n\r\n');
    expect([await relaxed.verdict(braces), ours(braces, true)]).toEqual(['accepted', 'accepted']);
    const pipe = Buffer.from('GET /a|b HTTP/1.0\r\n\r\n');
    expect([await relaxed.verdict(pipe), ours(pipe, true)]).toEqual(['rejected', 'rejected']);
  });

  it.each(PROBES)('probe %s: same verdict as C, or the stated deviation', async (_name, raw, why) => {
    const bytes = Buffer.from(raw, 'latin1');
    const c = await strict.verdict(bytes);
    const us = ours(bytes);
    expect(['timeout', 'crash'], 'the C server never answered').not.toContain(c);
    if (why === undefined) expect(us, `C says ${c}`).toBe(c);
    else expect(us, `stated deviation (${why}), yet C and we agree`).not.toBe(c);
  });

  it('a reference server that dies is restarted and asked again (1.12.2 segfaults now and then)', async () => {
    await strict.crash();
    expect(await strict.verdict(Buffer.from(h()))).toBe('accepted');
  });
});
