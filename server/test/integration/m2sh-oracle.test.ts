// Differential tests against the reference C m2sh (Debian mongrel2-core, /usr/bin/m2sh): the same config files
// loaded by both must give the same servers, hosts, routes, targets, settings and mimetypes, and the listing
// commands must print the same bytes on the same database. Needs ../shared/corpus/configs (read in place).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load-file.js';
import { dbContent } from '../helpers/db-content.js';
import { corpusPath, normaliseLog, runC, runOurs, tempDir } from '../helpers/processes.js';

const CONFIGS = readdirSync(corpusPath('configs')).filter((f) => f.endsWith('.conf')).sort();
const LOADABLE = CONFIGS.filter((f) => f !== 'm2sh-tests_other.conf');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the corpus', () => {
  it('has the twelve config files the spec lists', () => expect(CONFIGS).toHaveLength(12));
});

describe.each(LOADABLE)('m2sh load %s: ours and the C m2sh make the same model', (conf) => {
  const dir = join(tmp.dir, conf.replace(/\W/g, '_'));
  const setup = () => {
    mkdirSync(dir, { recursive: true });
    copyFileSync(corpusPath('configs', conf), join(dir, 'mongrel2.conf'));
    const c = runC(['load', '-db', 'c.sqlite', '-config', 'mongrel2.conf'], dir);
    const ours = runOurs(['load', '-db', 'ours.sqlite', '-config', 'mongrel2.conf'], dir);
    return { c, ours };
  };

  it('loads with exit 0 and the same content', () => {
    const { c, ours } = setup();
    expect(c.status).toBe(0);
    expect(ours.stderr).not.toMatch(/ERROR/);
    expect(ours.status).toBe(0);
    const cContent = dbContent(join(dir, 'c.sqlite')) as { mimetypes: { extension: string; mimetype: string }[] };
    const oursContent = dbContent(join(dir, 'ours.sqlite')) as typeof cContent;
    // 1.12.2's `mimetypes = {...}` deletes each listed extension and inserts nothing (spec §2.3); ours re-inserts
    // them after the defaults (decision 12). Everything else must be identical, row order included.
    const overrides = loadConfigFile(join(dir, 'mongrel2.conf')).mimetypes;
    const expected = {
      ...cContent,
      mimetypes: [...cContent.mimetypes, ...overrides.map(([extension, mimetype]) => ({ extension, mimetype }))],
    };
    expect(oursContent).toEqual(expected);
  });
});

describe('listing commands print the same bytes as the C m2sh on the same database', () => {
  const dir = join(tmp.dir, 'listing');
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    copyFileSync(corpusPath('configs', 'configs_multi.conf'), join(dir, 'mongrel2.conf'));
    expect(runC(['load', '-db', 'config.sqlite', '-config', 'mongrel2.conf'], dir).status).toBe(0);
    expect(runOurs(['commit', '-db', 'config.sqlite', '-what', 'ours', '-why', 'a reason with spaces'], dir).status).toBe(0);
    expect(runC(['commit', '-db', 'config.sqlite', '-what', 'c'], dir).status).toBe(0);
  });
  const commands: string[][] = [
    ['servers', '-db', 'config.sqlite'],
    ['hosts', '-db', 'config.sqlite', '-server', 'test'],
    ['hosts', '-db', 'config.sqlite', '-server', 'sub'],
    ['hosts', '-db', 'config.sqlite', '-server', 'nobody'],
    ['routes', '-db', 'config.sqlite', '-server', 'test', '-host', 'localhost'],
    ['routes', '-db', 'config.sqlite', '-id', '2'],
    ['routes', '-db', 'config.sqlite', '-id', '99'],
    ['log', '-db', 'config.sqlite'],
    ['servers'],
    ['log'],
  ];
  it.each(commands.map((c) => [c.join(' '), c]))('m2sh %s', (_name, args) => {
    const c = runC(args as string[], dir);
    const ours = runOurs(args as string[], dir);
    expect(ours.stdout).toBe(c.stdout);
    expect(normaliseLog(ours.stderr)).toBe(normaliseLog(c.stderr));
    expect(ours.status).toBe(c.status);
  });

  it('the log shows the C load and both commits, each once', () => {
    const out = runOurs(['log', '-db', 'config.sqlite'], dir).stdout;
    expect(out).toMatch(/ tester \S+ mongrel2\.conf load command \n/);
    expect(out).toMatch(/ tester \S+ m2sh ours a reason with spaces \n/);
    expect(out).toMatch(/ tester \S+ m2sh c \(null\) \n/);
  });
});
