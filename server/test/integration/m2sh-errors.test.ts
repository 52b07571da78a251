// Bad input to our m2sh (a real child process): each case gets a clear message, exit 255, and a database that
// is byte for byte what it was before.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, runOurs, tempDir } from '../helpers/processes.js';

const tmp = tempDir();
const dir = tmp.dir;
const sha = (file: string) => createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');

beforeAll(() => {
  copyFileSync(corpusPath('configs', 'configs_sample.conf'), join(dir, 'good.conf'));
  const r = runOurs(['load', '-db', 'config.sqlite', '-config', 'good.conf'], dir);
  expect(r.status).toBe(0);
});
afterAll(() => tmp.cleanup());

const SERVER = (routes: string, extra = '') => `main = Server(uuid="u1", access_log="/a", error_log="/e", pid_file="/p",
    default_host="localhost", name="main", port=6767${extra},
    hosts=[Host(name="localhost", routes={${routes}})])
servers = [main]`;

/** `bad.conf:LINE:COL` of the first `needle` on 1-based line `line` of `text` (columns count characters). */
function at(text: string, line: number, needle: string): string {
  const col = Array.from(text.split('\n')[line - 1]!).join('').indexOf(needle) + 1;
  expect(col).toBeGreaterThan(0);
  return `bad.conf:${line}:${col}: `;
}

/** Loads `text` over the good database and asserts the failure and that nothing changed. */
function failsToLoad(text: string, file = 'bad.conf') {
  writeFileSync(join(dir, file), text);
  const before = sha('config.sqlite');
  const r = runOurs(['load', '-db', 'config.sqlite', '-config', file], dir);
  expect(r.status).toBe(255);
  expect(r.stdout).toBe('');
  expect(sha('config.sqlite')).toBe(before);
  expect(r.stderr).toContain(`Failed to load the config file ${file}; config.sqlite was not changed.`);
  return r.stderr;
}

describe('m2sh load rejects bad files and changes nothing', () => {
  it('a syntax error on the last line, without a final newline', () => {
    const text = SERVER(`'/': Dir(base='s/', index_file='i', default_ctype='t')`) + '\nsettings = {"a": 1,}';
    const err = failsToLoad(text);
    expect(err).toContain(`${at(text, 5, '}')}syntax error at '}': trailing comma is not allowed\n`);
    expect(err).toContain('\nsettings = {"a": 1,}\n                   ^\n');
  });

  it('an unterminated string', () => {
    const text = SERVER(`'/': Dir(base='s/', index_file='i', default_ctype='t')`) + '\nsettings = {"a": "never closed}\n';
    const err = failsToLoad(text);
    expect(err).toContain(`${at(text, 5, '"never')}unterminated string starting here\n`);
  });

  it('a dict with a non-string key', () => {
    const text = SERVER(`route: Dir(base='s/', index_file='i', default_ctype='t')`);
    expect(failsToLoad(text)).toContain(`${at(text, 3, 'route:')}dict keys must be quoted strings, got IDENT 'route'\n`);
  });

  it('a route to an undefined variable', () => {
    const text = SERVER(`'/': nowhere`);
    expect(failsToLoad(text)).toContain(`${at(text, 3, 'nowhere')}undefined variable 'nowhere'\n`);
  });

  it('a Dir base without a trailing /', () => {
    const text = SERVER(`'/': Dir(base='static', index_file='i', default_ctype='t')`);
    expect(failsToLoad(text)).toContain(`${at(text, 3, "'static'")}End directory base with / in static or it won't work right.\n`);
  });

  it('a missing servers variable', () => {
    const err = failsToLoad('main = Server(uuid="x")\n');
    expect(err).toContain("You didn't set a servers variable to say what servers you want.");
  });

  it('a port given as a string', () => {
    const text = SERVER(`'/': Dir(base='s/', index_file='i', default_ctype='t')`).replace('port=6767', 'port="6767"');
    expect(failsToLoad(text)).toContain(`${at(text, 2, '"6767"')}Server port must be a number, not a string\n`);
  });

  it('a malformed route pattern', () => {
    const text = SERVER(`'/x/([a-z)': Dir(base='s/', index_file='i', default_ctype='t')`);
    expect(failsToLoad(text)).toContain(`${at(text, 3, "'/x/")}route '/x/([a-z)': `);
  });

  it("the corpus's m2sh-tests_other.conf, at the backtick", () => {
    copyFileSync(corpusPath('configs', 'm2sh-tests_other.conf'), join(dir, 'other.conf'));
    const before = sha('config.sqlite');
    const r = runOurs(['load', '-db', 'config.sqlite', '-config', 'other.conf'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain("other.conf:14:13: invalid character '`'\n");
    expect(r.stderr).toContain('            `/tests/` : Dir(');
    expect(sha('config.sqlite')).toBe(before);
  });
});

describe('other bad input', () => {
  it('an unknown command', () => {
    const r = runOurs(['frobnicate'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/\[ERROR\] \(errno: None\) INVALID COMMAND\. Use m2sh help to find out what's available\.\n$/);
  });

  it('a token that is not an option', () => {
    const r = runOurs(['servers', 'stray'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain('Commands only take --option style arguments, you have 1 extra.');
  });

  it('a missing -db file is not created', () => {
    const r = runOurs(['servers', '-db', 'missing.sqlite'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain("(errno: No such file or directory) Can't access config database 'missing.sqlite' properly.");
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('a missing -config file', () => {
    const r = runOurs(['load', '-db', 'config.sqlite', '-config', 'nope.conf'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain("Can't access config file 'nope.conf' properly.");
  });

  it('a file that is not a database', () => {
    writeFileSync(join(dir, 'junk.sqlite'), 'this is not sqlite, just long enough to have a header...........'.repeat(4));
    const r = runOurs(['servers', '-db', 'junk.sqlite'], dir);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain("'junk.sqlite' is not an SQLite database");
  });

  it('a locked database: load waits briefly, then fails and leaves it as it was', () => {
    const before = sha('config.sqlite');
    const holder = new Database(join(dir, 'config.sqlite'));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const r = runOurs(['load', '-db', 'config.sqlite', '-config', 'good.conf'], dir);
      expect(r.status).toBe(255);
      expect(r.stderr).toContain("(errno: None) config database 'config.sqlite' is locked by another process; nothing was changed");
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(sha('config.sqlite')).toBe(before);
  });
});
