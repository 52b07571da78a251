// `m2sh route`: exact output for the spec §5.4 observations, the error paths, and a differential test that runs
// the reference C m2sh (Mongrel2 1.12.2, /usr/bin/m2sh) on the same arguments and compares stdout byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import type { Io } from '../io.js';
import { route } from './route.js';

const M2SH = '/usr/bin/m2sh';

/** Runs our `m2sh route ARGS` with an in-memory Io. */
async function ours(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), env: {}, cwd: tmpdir() };
  const status = await route.run(parseCommandLine(['route', ...args]), io);
  return { status, stdout, stderr };
}

/** Runs the C `m2sh route ARGS` and returns its stdout bytes. */
function theirs(args: string[]): Buffer {
  if (!existsSync(M2SH)) {
    throw new Error(`${M2SH} is missing: install mongrel2-core (apt-get install -y mongrel2-core) to run this differential test`);
  }
  return execFileSync(M2SH, ['route', ...args], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
}

describe('m2sh route: spec §5.4 observations', () => {
  it('passes /users/123 against /users/([0-9]+)$', async () => {
    expect(await ours(['-match', '/users/123', '-pattern', '/users/([0-9]+)$'])).toEqual({
      status: 0,
      stdout: "Match passed on '/users/123' against '/users/([0-9]+)$'.\nROUTE: pattern='/users/([0-9]+)$', prefix='/users/'\n",
      stderr: '',
    });
  });

  it('passes /us against /users/ (extension quirk)', async () => {
    expect((await ours(['-match', '/us', '-pattern', '/users/'])).stdout).toBe(
      "Match passed on '/us' against '/users/'.\nROUTE: pattern='/users/', prefix='/users/'\n",
    );
  });

  it('passes foo.example.com against reversed (.*).example.com', async () => {
    const r = await ours(['-match', 'foo.example.com', '-pattern', '(.*).example.com', '-reversed', '-suffix']);
    expect(r.stdout).toBe(
      "Match passed on 'foo.example.com' against '(.*).example.com'.\nROUTE: pattern='(.*)$', prefix='moc.elpmaxe.'\n",
    );
    expect(r.status).toBe(0);
  });

  it('fails example.com against reversed (.*).example.com, with exit 0', async () => {
    expect(await ours(['-match', 'example.com', '-pattern', '(.*).example.com', '-reversed', '-suffix'])).toEqual({
      status: 0,
      stdout: "Match FAILED on 'example.com' against '(.*).example.com'.\n",
      stderr: '',
    });
  });
});

describe('m2sh route: errors', () => {
  const logLine = (msg: string) => new RegExp(`^\\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT \\[ERROR\\] \\(errno: None\\) ${msg}\\n$`);

  it('needs -match', async () => {
    const r = await ours(['-pattern', '/x']);
    expect(r.status).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(logLine('You have to give something to match against with --match\\.'));
  });

  it('needs -pattern', async () => {
    const r = await ours(['-match', '/x']);
    expect(r.status).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(logLine('You have to give a pattern to use with --pattern\\.'));
  });

  it.each([
    ['/x([a-z', "malformed pattern \\(missing '\\]'\\)"],
    ['/x(a\\', "malformed pattern \\(ends with '\\\\'\\)"],
    ['/x(\\b{', 'malformed pattern'],
    ['/x(\\fa', "missing '\\[' after '\\\\f'"],
  ])('refuses the malformed pattern %j with exit 255 instead of crashing', async (pattern, msg) => {
    const r = await ours(['-match', '/xabc', '-pattern', pattern]);
    expect(r.status).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`\\[ERROR\\] \\(errno: None\\) Bad pattern .*${msg}`));
  });

  it('reports a pathological pattern instead of hanging', async () => {
    const r = await ours(['-match', `/${'a'.repeat(100)}`, '-pattern', `/(${'a-'.repeat(25)}b)`]);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/too many matching steps/);
  });

  it('accepts an empty -match flag like the C (no match)', async () => {
    expect((await ours(['-match', '-pattern', '/x'])).stdout).toBe("Match FAILED on '' against '/x'.\n");
  });
});

// Spec §5.4 pattern vectors, run through a route: `/` + subject against `/(` + pattern, so the pattern engine
// (not the TST) decides. The `\z` vector needs a NUL byte, which no command line can carry, so its variant here
// stops before `\z`.
const PATTERN_VECTORS: [string, string][] = [
  ['ZED', 'ZED'], ['ZED', 'Z.D'], ['ZED', 'FOO'],
  ['ZEEEED', 'ZE*D'], ['ZEEEED', 'ZE*ED'], ['ZEEEED', 'ZX*D'], ['ZEEEED', 'Z.*D'], ['ZEEEED', 'ZE+D'],
  ['ZEEEED', 'ZE-D'], ['ZXXXXD', 'ZE.*D'], ['ZD', 'ZE*D'], ['ZD', 'ZE+D'], ['ZD', 'ZE-D'],
  ['ZED', 'ZED$'], ['ZED', 'ZE$'], ['ZED', 'ED'], ['ZED', 'Z(ED)'],
  ['users/{1234}', 'users/\\b{}'], ['users/{1234', 'users/\\b{}'], ['users/1234}', 'users/\\b{}'],
  ['ZED', 'Z[OE]D'], ['ZED', 'Z[^OE]D'], ['ZED', 'Z[A-Z]D'],
  ['ZED', 'ZEE?D'], ['ZEED', 'ZEE?D'], ['ZEEED', 'ZEE?D'],
  ['a \t 9 l . \n U w A ', '\\a \\c \\d \\l \\p \\s \\u \\w \\x '],
  ['ZED', 'Z\\ED'], ['*Z*E+D.', '\\*Z\\*E\\+D\\.'], ['ZED!', 'ZED\\.'],
  ['THE (QUICK) brOWN FOx JUMPS', '\\f[\\a]\\u-\\f[\\a]'],
];

const DIFFERENTIAL: string[][] = [
  ...PATTERN_VECTORS.map(([s, p]) => ['-match', `/${s}`, '-pattern', `/(${p}`]),
  // the m2sh route observations of spec §5.4
  ['-match', '/users/123', '-pattern', '/users/([0-9]+)$'],
  ['-match', '/us', '-pattern', '/users/'],
  ['-match', 'foo.example.com', '-pattern', '(.*).example.com', '-reversed', '-suffix'],
  ['-match', 'example.com', '-pattern', '(.*).example.com', '-reversed', '-suffix'],
  // routing_tests.c routes, one at a time
  ['-match', '/users/1234/testing', '-pattern', '/users/([0-9]+)'],
  ['-match', '/users/people/1234', '-pattern', '/users/people/([0-9]+)$'],
  ['-match', '/users/people/1234/x', '-pattern', '/users/people/([0-9]+)$'],
  ['-match', '/cars-fast/cadillac', '-pattern', '/cars-fast/([a-z]-)$'],
  ['-match', '/usersBLAAHAHAH', '-pattern', '/users'],
  ['-match', '/img/foo.jpg', '-pattern', '/img/(.*).jpg$'],
  ['-match', '/img/foo.bmp', '-pattern', '/img/(.*).jpg$'],
  ...['Xfoo', 'XXXXXXXXXfoo', 'YYYfoo', 'XXXoo', 'XXX.stuff.foo'].map((m) => ['-match', m, '-pattern', '(X+)foo', '-reversed', '-suffix']),
  ['-match', 'moo', '-pattern', 'moo', '-reversed', '-suffix'],
  ['-match', 'fio', '-pattern', 'fio', '-reversed', '-suffix'],
  ['-match', 'a.b.foo', '-pattern', 'foo', '-reversed', '-suffix'],
  ['-match', 'oo', '-pattern', 'foo', '-reversed', '-suffix'],
  // the other flag combinations (no -reversed with -suffix, -reversed without -suffix on a plain key)
  ['-match', 'xmoc', '-pattern', 'com', '-suffix'],
  ['-match', 'a.com', '-pattern', 'com', '-suffix'],
  ['-match', 'aba', '-pattern', 'a(b)', '-suffix'],
  ['-match', 'cba', '-pattern', 'a(b)', '-suffix'],
  ['-match', 'oofx', '-pattern', 'foo', '-reversed'],
  // spec §5.3's observed table, one route at a time: every observed path against every route of that host
  ...['@chat', '/tnet/', '/static/', '/handler', '/proxy/', '/files/(.*\\.txt)$', '/users/([0-9]+)$'].flatMap((pattern) =>
    ['/', '/h', '/ha', '/handlerX', '/handler/sub', '/t', '/tnet', '/p', '/proxy', '/us', '/f', '/users/12',
      '/users/12/x', '/users/ab', '/files/hello.txt', '/files/data.json', '/nothing'].map((match) => ['-match', match, '-pattern', pattern])),
  // empty keys and a pattern-less route text that looks malformed
  ['-match', 'foo', '-pattern', '(.*)'],
  ['-match', '/x', '-pattern', ''],
  ['-match', 'abc', '-pattern', 'abc['],
  ['-match', 'a b', '-pattern', 'a (b)'],
];

describe('m2sh route: byte-identical to the C m2sh', () => {
  it(`has the reference binary ${M2SH}`, () => {
    if (!existsSync(M2SH)) throw new Error(`${M2SH} is missing: install mongrel2-core (apt-get install -y mongrel2-core)`);
  });

  it.each(DIFFERENTIAL.map((args) => [args.join(' '), args] as const))('m2sh route %s', async (_, args) => {
    const expected = theirs(args);
    const actual = await ours(args);
    expect(actual.status).toBe(0);
    expect(Buffer.from(actual.stdout, 'utf8').toString('latin1')).toBe(expected.toString('latin1'));
  });
});
