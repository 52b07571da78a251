// Escaping the Dir base (decision 7, spec §6 step 3): every traversal form Mongrel2 was probed with, plus the ones
// its plain string-prefix check let through (the sibling `static2/`), must end in the keep-alive 404.

import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIR_404 } from './dir-responses.js';
import { bodyText, fixture, request, type Fixture } from './dir-test-kit.js';

const hasMkfifo = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let f: Fixture;
beforeEach(async () => { f = await fixture(); });
afterEach(async () => { await f.cleanup(); });

const ATTACKS: [string, string][] = [
  ['dot-dot', '/static/../secret.txt'],
  ['dot-dot twice', '/static/../../../../../../etc/passwd'],
  ['encoded dot-dot', '/static/%2e%2e/secret.txt'],
  ['upper-case encoded dot-dot', '/static/%2E%2E/secret.txt'],
  ['mixed dot-dot', '/static/.%2e/secret.txt'],
  ['encoded slash', '/static/..%2fsecret.txt'],
  ['encoded slash, upper', '/static/..%2Fsecret.txt'],
  ['fully encoded', '/static/%2e%2e%2f%2e%2e%2fsecret.txt'],
  ['encoded absolute path', '/static/%2fetc%2fpasswd/..%2f..%2f..%2fetc%2fpasswd'],
  ['backslashes', '/static/..\\secret.txt'],
  ['encoded backslashes', '/static/..%5csecret.txt'],
  ['NUL before a real extension', '/static/hello.txt%00.html'],
  ['NUL truncating to a real file', '/static/../secret.txt%00'],
  ['sibling-prefix trick', '/static/../static2/x.txt'],
  ['encoded sibling-prefix trick', '/static/%2e%2e/static2/x.txt'],
  ['sibling via encoded slash', '/static/..%2fstatic2%2fx.txt'],
  ['symlink to a file outside', '/static/link-out.txt'],
  ['symlink to a directory outside', '/static/link-dir-out/x.txt'],
  ['double-encoded dot-dot (stays literal)', '/static/%252e%252e/secret.txt'],
  ['overlong path', `/static/${'a/'.repeat(3000)}x.txt`],
  ['overlong name', `/static/${'b'.repeat(5000)}.txt`],
  ['trailing dot-dot (the base\'s parent)', '/static/..'],
];

describe('Dir traversal → 404 (decision 7)', () => {
  for (const [name, target] of ATTACKS) {
    it(`refuses ${name}: ${target.length > 60 ? target.slice(0, 60) + '…' : target}`, async () => {
      const r = await f.get(target);
      expect(r.status).toBe(404);
      expect(r.head.equals(DIR_404)).toBe(true);
      expect(r.close).toBe(false);
      expect(r.log).toEqual({ status: 404, size: 0 });
    });
  }

  it('refuses the sibling directory through a slash-less prefix route too', async () => {
    expect((await f.get('/staticx/../../static2/x.txt', [], '/static')).status).toBe(404);
  });

  it('refuses an index file that is a symlink out of the base', async () => {
    await f.write('static2/index.html', 'sibling index');
    const d = f.makeDir({ indexFile: 'link-dir-out/index.html' });
    expect((await d.serve(request('GET', '/static/'), '/static/')).status).toBe(404);
  });

  it('serves a symlink that stays inside the base, typed by its target', async () => {
    const r = await f.get('/static/link-in.txt');
    expect(r.status).toBe(200);
    expect(bodyText(r)).toBe('hello text\n');
  });

  it('serves .. that stays inside the base', async () => {
    expect(bodyText(await f.get('/static/sub/../hello.txt'))).toBe('hello text\n');
    expect(bodyText(await f.get('/static/sub/%2e%2e/hello.txt'))).toBe('hello text\n');
  });

  it('never serves the outside file after an inside symlink is re-pointed outside', async () => {
    const { rm, symlink } = await import('node:fs/promises');
    expect(bodyText(await f.get('/static/link-in.txt'))).toBe('hello text\n');
    await rm(`${f.root}/static/link-in.txt`);
    await symlink('../secret.txt', `${f.root}/static/link-in.txt`);
    f.clock.ms += 5000;
    expect(bodyText(await f.get('/static/link-in.txt'))).not.toBe('outside secret');
    expect((await f.makeDir().serve(request('GET', '/static/link-in.txt'), '/static/')).status).toBe(404);
  });

  it('404s a symlink loop', async () => {
    const { symlink } = await import('node:fs/promises');
    await symlink('loop', `${f.root}/static/loop`);
    expect((await f.get('/static/loop')).status).toBe(404);
  });

  it.skipIf(!hasMkfifo)('404s a FIFO instead of blocking on it', async () => {
    execFileSync('mkfifo', [`${f.root}/static/pipe.txt`]);
    expect((await f.get('/static/pipe.txt')).status).toBe(404);
  });
});
