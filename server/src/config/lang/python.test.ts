// The manual's Python-style config files (decision 14), written here as small inline fixtures of the same shapes
// as the old Python m2sh's examples: import line, keyword or positional constructor calls, hosts.add, commit(...).

import { describe, expect, it } from 'vitest';
import type { ConfigFile, Statement, Value } from './ast.js';
import { detectSyntax } from './detect.js';
import { ConfigError } from './error.js';
import { parseConfig } from './parser.js';

function parse(source: string): ConfigFile {
  const cfg = parseConfig(source, 'site.py');
  expect(cfg.syntax).toBe('python');
  return cfg;
}

function assigned(cfg: ConfigFile, name: string): Value {
  const st = cfg.statements.find((s) => s.kind === 'assign' && s.name === name);
  if (st?.kind !== 'assign') throw new Error(`no assignment to ${name}`);
  return st.value;
}

function calls(cfg: ConfigFile): Extract<Statement, { kind: 'call' }>[] {
  return cfg.statements.filter((s): s is Extract<Statement, { kind: 'call' }> => s.kind === 'call');
}

function failure(source: string): ConfigError {
  try {
    parseConfig(source, 'site.py');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const SINGLE = `from mongrel2.config import *

# one server, one host, static files only
web = Server(
    uuid="0b6c2a4e-1111-2222-3333-444455556666",
    name="web",
    port=8080,
    access_log="/logs/access.log",
    error_log="/logs/error.log",
    pid_file="/run/m2.pid",
    chroot="./",
    default_host="localhost",
    hosts=[
        Host(name="localhost", routes={
            r'/static/': Dir(base='public/', index_file='index.html',
                             default_ctype='text/plain'),
        }),
    ],
)

commit([web])
`;

describe('python style', () => {
  it('reads the import line, a keyword-argument Server with trailing commas, and commit([...])', () => {
    const cfg = parse(SINGLE);
    expect(cfg.statements.map((s) => s.kind)).toEqual(['import', 'assign', 'call']);
    expect(cfg.statements[0]).toEqual({ kind: 'import', module: 'mongrel2.config', pos: { line: 1, col: 1, offset: 0 } });
    const web = assigned(cfg, 'web');
    expect(web).toMatchObject({ kind: 'class', name: 'Server', args: [], pos: { line: 4, col: 7 } });
    expect(web).toMatchObject({ params: expect.arrayContaining([expect.objectContaining({ name: 'port', value: expect.objectContaining({ kind: 'number', value: '8080' }) })]) });
    expect(web).toMatchObject({
      params: expect.arrayContaining([
        expect.objectContaining({
          name: 'hosts',
          value: expect.objectContaining({
            kind: 'list',
            items: [expect.objectContaining({ name: 'Host', params: [expect.anything(), expect.objectContaining({ name: 'routes', value: expect.objectContaining({ entries: [expect.objectContaining({ key: '/static/', value: expect.objectContaining({ kind: 'class', name: 'Dir' }) })] }) })] })],
          }),
        }),
      ]),
    });
    expect(calls(cfg)).toEqual([
      {
        kind: 'call',
        target: ['commit'],
        args: [{ kind: 'list', items: [{ kind: 'ref', name: 'web', pos: { line: 21, col: 9, offset: expect.any(Number) } }], pos: expect.anything() }],
        kwargs: [],
        pos: { line: 21, col: 1, offset: SINGLE.indexOf('commit') },
      },
    ]);
  });

  it('reads NAME.hosts.add(...) and commit with settings, positional or keyword', () => {
    const cfg = parse(`from mongrel2.config import *
app = Handler(send_spec='tcp://127.0.0.1:7000', send_ident='a1',
              recv_spec='tcp://127.0.0.1:7001', recv_ident='')
front = Server(uuid="u1", name="front", port=80)
back = Server(uuid="u2", name="back", port=81)
front.hosts.add(Host(name="example.org", routes={r'/app': app}))
back.hosts.add(
    Host(name="example.org", routes={
        r'/A': app,
        r'/B': app,
}))
settings = {"zeromq.threads": 1}
commit([front, back], settings=settings)
commit(servers=[front], settings={"limits.min_ping": 0})
`);
    expect(calls(cfg).map((c) => c.target)).toEqual([['front', 'hosts', 'add'], ['back', 'hosts', 'add'], ['commit'], ['commit']]);
    const [addFront, addBack, commitPos, commitKw] = calls(cfg);
    expect(addFront?.args).toMatchObject([{ kind: 'class', name: 'Host' }]);
    expect(addBack?.args[0]).toMatchObject({ params: [{ name: 'name' }, { name: 'routes', value: { entries: [{ key: '/A' }, { key: '/B' }] } }] });
    expect(commitPos).toMatchObject({ args: [{ items: [{ name: 'front' }, { name: 'back' }] }], kwargs: [{ name: 'settings', value: { kind: 'ref', name: 'settings' } }] });
    expect(commitKw).toMatchObject({ args: [], kwargs: [{ name: 'servers' }, { name: 'settings', value: { kind: 'dict' } }] });
  });

  it('takes positional constructor arguments before keyword ones', () => {
    const cfg = parse(`from mongrel2.config import *
d = Dir('tests/', 'index.html', 'text/plain')
p = Proxy('127.0.0.1', 80)
h = Handler('tcp://127.0.0.1:1', 'id', 'tcp://127.0.0.1:2', '', raw_payload=True, protocol='tnetstring')
`);
    expect(assigned(cfg, 'd')).toMatchObject({ params: [], args: [{ value: 'tests/' }, { value: 'index.html' }, { value: 'text/plain' }] });
    expect(assigned(cfg, 'p')).toMatchObject({ args: [{ kind: 'string', value: '127.0.0.1' }, { kind: 'number', value: '80' }] });
    expect(assigned(cfg, 'h')).toMatchObject({ args: { length: 4 }, params: [{ name: 'raw_payload', value: { kind: 'number', value: '1' } }, { name: 'protocol' }] });
    const err = failure("from mongrel2.config import *\nd = Dir(base='x/', 'index.html')");
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_SYNTAX', line: 2, col: 20, message: "syntax error at 'index.html': positional argument follows keyword argument" });
  });

  it('maps True / False / None to 1 / 0 / null', () => {
    const cfg = parse('from mongrel2.config import *\nh = Host(name="x", maintenance=False, matching=None)\ns = Server(use_ssl=True)');
    expect(assigned(cfg, 'h')).toMatchObject({ params: [{}, { value: { kind: 'number', value: '0' } }, { value: { kind: 'null' } }] });
    expect(assigned(cfg, 's')).toMatchObject({ params: [{ value: { kind: 'number', value: '1' } }] });
    expect(failure('from mongrel2.config import *\nNone = 1').message).toBe("syntax error at 'None': cannot assign to None");
  });

  it("keeps backslashes verbatim in r'' and plain strings alike, and joins adjacent literals", () => {
    const cfg = parse(
      String.raw`from mongrel2.config import *
a = r'/files/(.*\.json)'
b = '/files/(.*\.json)'
c = "tab\there"
e = 'one' "two"
`,
    );
    expect(assigned(cfg, 'a')).toMatchObject({ value: String.raw`/files/(.*\.json)` });
    expect(assigned(cfg, 'b')).toMatchObject({ value: String.raw`/files/(.*\.json)` });
    expect(assigned(cfg, 'c')).toMatchObject({ value: String.raw`tab\there` });
    expect(assigned(cfg, 'e')).toMatchObject({ value: 'onetwo' });
  });

  it('allows comments, newlines inside brackets, and \\ continuations', () => {
    const cfg = parse('from mongrel2.config import *\nx = \\\n  Proxy(  # backend\n    addr="10.0.0.1",\n\n    port=80)\ny = [\n  x,\n]\n');
    expect(assigned(cfg, 'x')).toMatchObject({ kind: 'class', pos: { line: 3, col: 3 }, params: [{ name: 'addr' }, { name: 'port', pos: { line: 6, col: 5 } }] });
    expect(assigned(cfg, 'y')).toMatchObject({ items: [{ name: 'x' }] });
  });

  it('lets capitalized names be variables, as Python does', () => {
    const cfg = parse('from mongrel2.config import *\nMain = Server(name="m")\ncommit([Main])');
    expect(assigned(cfg, 'Main')).toMatchObject({ name: 'Server' });
    expect(calls(cfg)[0]?.args).toMatchObject([{ items: [{ kind: 'ref', name: 'Main' }] }]);
  });

  it('reads CRLF files', () => {
    const cfg = parse(SINGLE.replace(/\n/g, '\r\n'));
    expect(calls(cfg)[0]).toMatchObject({ pos: { line: 21, col: 1 } });
  });

  it('requires commas between items (Python rules), and one statement per line', () => {
    expect(failure('from mongrel2.config import *\nl = [1 2]')).toMatchObject({ line: 2, col: 8, message: "syntax error at '2': expected ',' or ']'" });
    expect(failure('from mongrel2.config import *\nh = Host(name="x" matching="y")').message).toBe(
      "syntax error at 'matching': expected ',' or ')'",
    );
    expect(failure('from mongrel2.config import *\na = 1 b = 2')).toMatchObject({ col: 7, message: "syntax error at 'b': expected the end of the line" });
    expect(failure('from mongrel2.config import *\nl = [, 1]').message).toBe("syntax error at ',': expected a value or ']'");
  });

  it('a missing ) at the end of the file', () => {
    const err = failure('from mongrel2.config import *\nmain = Server(name="m")\ncommit([main]\n');
    expect(err.render()).toBe("site.py:3:14: unexpected end of file: expected ')' to close commit(\ncommit([main]\n             ^");
  });

  it('a plain string may not run past the end of its line', () => {
    const err = failure("from mongrel2.config import *\na = 'abc\nb = 'x'\n");
    expect(err.render()).toBe("site.py:2:5: unterminated string starting here\na = 'abc\n    ^");
    expect(parse("from mongrel2.config import *\na = '''x\ny'''").statements[1]).toMatchObject({ value: { value: 'x\ny' } });
  });

  it('dict keys must be quoted strings', () => {
    const err = failure('from mongrel2.config import *\nsettings = {threads: 1}');
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_DICT_KEY', line: 2, col: 13, message: "dict keys must be quoted strings, got IDENT 'threads'" });
  });

  it('only from mongrel2.config import * is accepted', () => {
    expect(failure('import os\ncommit([])')).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', line: 1, col: 1, message: "only 'from mongrel2.config import *' is supported" });
    expect(failure('from os.path import *\ncommit([])')).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', col: 6, message: "only 'from mongrel2.config import *' is supported, not 'from os.path import'" });
    expect(failure('from mongrel2.config import Server')).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', col: 29 });
  });

  it('include(...) is not supported, with the error at its position', () => {
    const err = failure("from mongrel2.config import *\n\ninclude('site', 'other_conf.py')\n");
    expect(err).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', line: 3, col: 1 });
    expect(err.render()).toBe(
      "site.py:3:1: include(...) is not supported: put the whole configuration in one file\ninclude('site', 'other_conf.py')\n^",
    );
    expect(failure("from mongrel2.config import *\nx = include('a', 'b.py')")).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', line: 2, col: 5 });
  });

  it('other calls and attribute assignments are not supported', () => {
    expect(failure('from mongrel2.config import *\nprint(main)')).toMatchObject({
      code: 'M2_ERR_CONFIG_UNSUPPORTED',
      message: "calling 'print(...)' is not supported: only commit(...) and NAME.hosts.add(...) are",
    });
    expect(failure('from mongrel2.config import *\nmain.port = 80')).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', line: 2, col: 1 });
    expect(failure('from mongrel2.config import *\nx = [commit([])]')).toMatchObject({ code: 'M2_ERR_CONFIG_UNSUPPORTED', message: 'commit(...) must be a statement of its own' });
  });

  it('detects the style by a top-level import line or commit( call', () => {
    expect(detectSyntax('from mongrel2.config import *\n')).toBe('python');
    expect(detectSyntax('main = Server()\ncommit([main])\n')).toBe('python');
    expect(detectSyntax('\uFEFFfrom mongrel2.config import *\n')).toBe('python');
    expect(detectSyntax('main = Server()\nservers = [main]\n')).toBe('m2sh');
    expect(detectSyntax('main = Server()\n  commit = 1\n# commit([main])\n')).toBe('m2sh');
    expect(parse('main = Server(name="m")\ncommit([main])').statements.map((s) => s.kind)).toEqual(['assign', 'call']);
  });
});
