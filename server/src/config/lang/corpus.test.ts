// The real m2sh config files from Mongrel2's repository (shared/corpus/configs), read in place:
// every one parses except m2sh-tests_other.conf, which must fail on its backtick like the C m2sh's other.conf test.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigFile, Param, Statement, Value } from './ast.js';
import { ConfigError } from './error.js';
import { parseConfig } from './parser.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = process.env.M2_CONFIG_CORPUS ?? resolve(HERE, '../../../../../shared/corpus/configs');
const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.conf')).sort() : [];
const BAD = 'm2sh-tests_other.conf';

function load(name: string): ConfigFile {
  if (!present) throw new Error(`config corpus folder not found: ${CORPUS} (set M2_CONFIG_CORPUS to its path)`);
  return parseConfig(readFileSync(join(CORPUS, name), 'utf8'), name);
}

function assigned(cfg: ConfigFile, name: string): Value {
  const st = cfg.statements.find((s): s is Extract<Statement, { kind: 'assign' }> => s.kind === 'assign' && s.name === name);
  if (!st) throw new Error(`no assignment to ${name}`);
  return st.value;
}

function param(v: Value, name: string): Value {
  if (v.kind !== 'class') throw new Error(`expected a class, got ${v.kind}`);
  const p: Param | undefined = v.params.find((x) => x.name === name);
  if (!p) throw new Error(`no param ${name}`);
  return p.value;
}

function entry(v: Value, key: string): Value {
  if (v.kind !== 'dict') throw new Error(`expected a dict, got ${v.kind}`);
  const e = v.entries.find((x) => x.key === key);
  if (!e) throw new Error(`no key ${key}`);
  return e.value;
}

describe('config corpus', () => {
  it('finds the corpus folder with its 12 files', () => {
    expect(present, `config corpus folder not found: ${CORPUS} (set M2_CONFIG_CORPUS to its path)`).toBe(true);
    expect(files).toHaveLength(12);
    expect(files).toContain(BAD);
  });

  it.each(files.filter((f) => f !== BAD))('parses %s in the m2sh syntax, ending with servers = [...]', (name) => {
    const cfg = load(name);
    expect(cfg.syntax).toBe('m2sh');
    expect(cfg.statements.every((s) => s.kind === 'assign')).toBe(true);
    expect(assigned(cfg, 'servers').kind).toBe('list');
  });

  it('sample: one Server with its hosts list and the /tests/ route to a Dir', () => {
    const cfg = load('configs_sample.conf');
    expect(cfg.statements.map((s) => (s.kind === 'assign' ? s.name : s.kind))).toEqual(['main', 'servers']);
    const main = assigned(cfg, 'main');
    expect(main).toMatchObject({ kind: 'class', name: 'Server', args: [], pos: { line: 1, col: 8, offset: 7 } });
    expect(param(main, 'port')).toMatchObject({ kind: 'number', value: '6767' });
    expect(param(main, 'uuid')).toMatchObject({ kind: 'string', value: 'f400bf85-4538-4f7a-8908-67e313d515c2' });
    const hosts = param(main, 'hosts');
    if (hosts.kind !== 'list') throw new Error('hosts is not a list');
    expect(hosts.items).toHaveLength(1);
    const host = hosts.items[0] as Value;
    expect(host).toMatchObject({ kind: 'class', name: 'Host' });
    expect(param(host, 'name')).toMatchObject({ kind: 'string', value: 'localhost' });
    const dir = entry(param(host, 'routes'), '/tests/');
    expect(dir).toMatchObject({ kind: 'class', name: 'Dir' });
    expect(param(dir, 'base')).toMatchObject({ kind: 'string', value: 'tests/' });
    expect(param(dir, 'index_file')).toMatchObject({ kind: 'string', value: 'index.html' });
    expect(param(dir, 'default_ctype')).toMatchObject({ kind: 'string', value: 'text/plain' });
    expect(assigned(cfg, 'servers')).toMatchObject({ kind: 'list', items: [{ kind: 'ref', name: 'main' }] });
  });

  it('mongrel2.conf: the route pattern keeps its backslash, and settings keep "0666" a string', () => {
    const cfg = load('configs_mongrel2.conf');
    const routes = param(assigned(cfg, 'mongrel2'), 'routes');
    expect(entry(routes, '/testsmulti/(.*\\.json)')).toMatchObject({ kind: 'ref', name: 'test_directory' });
    expect(entry(routes, '/mp3stream')).toMatchObject({ kind: 'class', name: 'Handler' });
    const settings = assigned(cfg, 'settings');
    expect(entry(settings, 'zeromq.threads')).toMatchObject({ kind: 'number', value: '1' });
    expect(entry(settings, 'upload.temp_store_mode')).toMatchObject({ kind: 'string', value: '0666' });
    expect(param(assigned(cfg, 'main'), 'filters')).toEqual(expect.objectContaining({ kind: 'list', items: [] }));
  });

  it('ref_only: references everywhere and no commas', () => {
    const cfg = load('m2sh-tests_ref_only.conf');
    const dir = assigned(cfg, 'test_directory');
    expect(param(dir, 'base')).toMatchObject({ kind: 'ref', name: 'dir_base' });
    expect(param(dir, 'default_ctype')).toMatchObject({ kind: 'ref', name: 'default_ctype' });
    const host = assigned(cfg, 'mongrel2');
    expect(param(host, 'routes')).toMatchObject({ kind: 'ref', name: 'all_my_routes' });
    const routes = assigned(cfg, 'all_my_routes');
    if (routes.kind !== 'dict') throw new Error('not a dict');
    expect(routes.entries.map((e) => e.key)).toEqual([
      '@chat', '/handlertest', '/chat/', '/', '/tests/', '/testsmulti/(.*.json)', '/chatdemo/', '/static/', '/mp3stream',
    ]);
  });

  it('ws: a comment between a param and a leading comma, and an unknown Server param kept', () => {
    const cfg = load('ws_mongrel2.conf');
    const h = assigned(cfg, 'handler_test');
    if (h.kind !== 'class') throw new Error('not a class');
    expect(h.params.map((p) => p.name)).toEqual(['send_spec', 'send_ident', 'recv_spec', 'recv_ident', 'protocol']);
    expect(param(h, 'protocol')).toMatchObject({ kind: 'string', value: 'tnetstring', pos: { line: 20, col: 34 } });
    expect(param(assigned(cfg, 'main'), 'matching')).toMatchObject({ kind: 'string', value: '(.*)' });
    expect(entry(assigned(cfg, 'settings'), 'limits.min_ping')).toMatchObject({ kind: 'number', value: '0' });
  });

  it('multi: three servers referenced in order', () => {
    const cfg = load('configs_multi.conf');
    expect(assigned(cfg, 'servers')).toMatchObject({
      items: [{ name: 'main' }, { name: 'foo' }, { name: 'sub' }],
    });
  });

  it('filters: a Filter with a settings dict holding a list', () => {
    const cfg = load('configs_filters.conf');
    const filter = assigned(cfg, 'null');
    expect(filter).toMatchObject({ kind: 'class', name: 'Filter' });
    expect(entry(param(filter, 'settings'), 'extensions')).toMatchObject({
      kind: 'list',
      items: [{ value: '*.html' }, { value: '*.txt' }],
    });
    expect(param(assigned(cfg, 'main'), 'filters')).toMatchObject({ items: [{ kind: 'ref', name: 'null' }] });
  });

  it('multi_handler and bbs: mimetypes after servers, a route to a reference', () => {
    const mh = load('configs_multi_handler.conf');
    expect(entry(assigned(mh, 'mimetypes'), '.ttf')).toMatchObject({ value: 'application/x-font-ttf' });
    const bbs = load('bbs_mongrel2.conf');
    const hosts = param(assigned(bbs, 'main'), 'hosts');
    if (hosts.kind !== 'list') throw new Error('not a list');
    expect(entry(param(hosts.items[0] as Value, 'routes'), '@bbs')).toMatchObject({ kind: 'ref', name: 'm2bbs' });
  });

  it(`${BAD} fails on the backtick at line 14, column 13`, () => {
    let err: unknown;
    try {
      load(BAD);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const ce = err as ConfigError;
    expect(ce).toMatchObject({ code: 'M2_ERR_CONFIG_INVALID_CHAR', file: BAD, line: 14, col: 13 });
    expect(ce.render()).toBe(
      `${BAD}:14:13: invalid character '\`'\n` +
        '            `/tests/` : Dir(base="tests/", index_file="index.html", default_ctype="text/plain")\n' +
        '            ^',
    );
  });
});
