// The loader's model, as pure code: m2sh's walk order (spec §2.3's observed example), duplicates, shared
// targets, defaults, Python-style positional arguments, and the errors that stop a load.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../lang/error.js';
import { loadConfigSource } from '../load-file.js';

const server = (routes: string, extra = '') => `main = Server(uuid="u", access_log="/a", error_log="/e", pid_file="/p",
  default_host="localhost", name="main", port=6767${extra}, hosts=[Host(name="localhost", routes={${routes}})])
servers = [main]
`;
const dir = `Dir(base='s/', index_file='index.html', default_ctype='text/plain')`;

function fails(text: string): ConfigError {
  try {
    loadConfigSource(text, 'test.conf');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected the load to fail');
}

describe('walk order', () => {
  it('inserts routes in the order spec §2.3 observed from the C m2sh', () => {
    const keys = ['/static/', '/files/(.*\\.txt)$', '/handler', '/tnet/', '@chat', '/proxy/', '/users/([0-9]+)$'];
    const model = loadConfigSource(server(keys.map((k) => `'${k}': ${dir}`).join('\n')), 't');
    expect(model.servers[0]!.hosts[0]!.routes.map((r) => r.path))
      .toEqual(['@chat', '/tnet/', '/static/', '/handler', '/proxy/', '/files/(.*\\.txt)$', '/users/([0-9]+)$']);
  });

  it('keeps the last value of a repeated key, at the first one\'s place', () => {
    const model = loadConfigSource(server(`'/a': ${dir} '/b': ${dir} '/a': Proxy(addr='h', port=1)`), 't');
    expect(model.servers[0]!.hosts[0]!.routes.map((r) => [r.path, r.target.kind])).toEqual([['/a', 'proxy'], ['/b', 'dir']]);
  });

  it('walks settings and mimetypes the same way', () => {
    const model = loadConfigSource(server(`'/': ${dir}`) + 'settings = {"b": 2, "a": "x", "c": 3}\nmimetypes = {".z": "z/z", ".a": "a/a"}', 't');
    expect(model.settings).toEqual([['b', '2'], ['a', 'x'], ['c', '3']]);
    expect(model.mimetypes).toEqual([['.z', 'z/z'], ['.a', 'a/a']]);
  });
});

describe('model', () => {
  it('applies m2sh\'s defaults for a Server and a Host', () => {
    const s = loadConfigSource(server(`'/': ${dir}`), 't').servers[0]!;
    expect(s).toMatchObject({ bindAddr: '0.0.0.0', useSsl: 0, controlPort: '', chroot: '', errorLogLevel: 2 });
    expect(s.hosts[0]).toMatchObject({ name: 'localhost', matching: 'localhost' });
  });

  it('shares one target object between the routes that reference it', () => {
    const m = loadConfigSource(`d = ${dir}\n` + server(`'/x': d '/y': d '/z': ${dir}`), 't');
    const [x, y, z] = ['/x', '/y', '/z'].map((p) => m.servers[0]!.hosts[0]!.routes.find((r) => r.path === p)!.target);
    expect(x).toBe(y);
    expect(z).not.toBe(x);
    expect(z).toEqual(x);
  });

  it('maps Python positional arguments by the old m2sh\'s signatures', () => {
    const m = loadConfigSource(`from mongrel2.config import *
main = Server("u", "/a", "/e", "./", "localhost", "main", "/p", 6767)
main.hosts.add(Host(name="localhost", routes={'/d': Dir('s/', 'i.html'), '/p': Proxy('127.0.0.1', 80),
  '/h': Handler('tcp://a', 'id', 'tcp://b', '', True, 'tnetstring')}))
commit([main])
`, 't');
    const s = m.servers[0]!;
    expect(s).toMatchObject({ uuid: 'u', accessLog: '/a', errorLog: '/e', chroot: './', defaultHost: 'localhost', name: 'main', pidFile: '/p', port: 6767 });
    expect(s.hosts[0]!.routes.map((r) => r.target)).toEqual([
      { kind: 'dir', base: 's/', indexFile: 'i.html', defaultCtype: 'text/plain', cacheTtl: 0 },
      { kind: 'proxy', addr: '127.0.0.1', port: 80 },
      { kind: 'handler', sendSpec: 'tcp://a', sendIdent: 'id', recvSpec: 'tcp://b', recvIdent: '', rawPayload: 1, protocol: 'tnetstring' },
    ]); // '/d', '/p', '/h' walk as d, then its high child p, then p's low child h
  });

  it('renders Filter settings as a tnetstring dict', () => {
    const m = loadConfigSource(server(`'/': ${dir}`, `, filters=[Filter(name="/f.so", settings={"n": 1, "l": ["a", 2], "d": {"k": "v"}})]`), 't');
    expect(m.servers[0]!.filters).toEqual([{ name: '/f.so', settings: '38:1:n,1:1#1:l,8:1:a,1:2#]1:d,8:1:k,1:v,}}' }]);
  });
});

describe('errors stop the load at their place', () => {
  it('an empty route path', () => {
    const text = server(`'': ${dir}`);
    const e = fails(text);
    expect([e.line, e.col, e.message]).toEqual([2, text.split('\n')[1]!.indexOf("''") + 1, 'a route path cannot be empty']);
  });

  it('an unknown target class', () => {
    expect(fails(server(`'/': Redirect(to='/x')`)).message).toBe("Invalid type of route target: Redirect (route '/' needs Dir, Handler or Proxy)");
  });

  it('a reference cycle', () => {
    expect(fails('a = b\nb = a\nservers = [a]\n').message).toBe("'a' refers to itself through 'a'");
  });

  it('a Handler protocol that is neither json nor tnetstring', () => {
    const e = fails(server(`'/h': Handler(send_spec='a', send_ident='b', recv_spec='c', recv_ident='', protocol='xml')`));
    expect(e.message).toBe("Handler protocol must be 'json' or 'tnetstring', not 'xml'");
  });

  it('a Python file that never commits', () => {
    expect(fails('from mongrel2.config import *\nmain = Server(uuid="u")\n').message)
      .toBe('this Python-style config never calls commit([...]) to say what servers you want');
  });

  it('a host matching pattern that does not compile', () => {
    const e = fails(server(`'/': ${dir}`).replace('Host(name="localhost",', 'Host(name="localhost", matching="([a-z).example.com",'));
    expect(e.message).toMatch(/^Host matching '\(\[a-z\)\.example\.com': /);
  });
});
