// Honest changes: a broken change is rolled back and the old routes keep serving; the commit log shows every
// change with its why; restoring an earlier version brings its route back.
import { test, expect } from '../../fixtures/test';
import { HostsPage } from '../../pages/HostsPage';
import { ApplyPage } from '../../pages/ApplyPage';
import { LogPage } from '../../pages/LogPage';
import { get } from '../../fixtures/http';

interface Snapshot { id: number; kind: string; why: string | null }

test('a change whose handler cannot bind is rolled back and the old route still serves', async ({ page, signIn }) => {
  await signIn('operator');
  expect((await get('/hello.txt')).status).toBe(200);
  const hosts = new HostsPage(page);
  await hosts.openHost('localhost');
  // 192.0.2.1 (TEST-NET-1) is no address of this machine: the server cannot bind the handler's socket.
  await hosts.addRoute('/broken/', { kind: 'Handler', sendSpec: 'tcp://192.0.2.1:16801', sendIdent: 'e2e-broken', recvSpec: 'tcp://192.0.2.1:16802' }, 'e2e: a handler that cannot bind');
  const apply = new ApplyPage(page);
  await apply.open();
  const result = await apply.apply('e2e: try the broken handler');
  await expect(result.getByRole('heading', { name: 'Not applied' })).toBeVisible();
  await expect(result).toContainText(/previous configuration was restored/i);
  // The old configuration serves, and the failed route is gone from the database (kept in a failed snapshot).
  expect((await get('/hello.txt')).body).toBe('hello from the e2e Dir route\n');
  await hosts.openHost('localhost');
  await expect(page.getByRole('button', { name: 'Delete route /broken/' })).toHaveCount(0);
});

test('the commit log shows each change with its why, and restoring an earlier version serves it again', async ({ page, signIn }) => {
  await signIn('operator');
  const hosts = new HostsPage(page);
  const apply = new ApplyPage(page);
  await hosts.openHost('localhost');
  await hosts.addRoute('/v1/', { kind: 'Dir', base: 'static/docs/' }, 'e2e: publish the v1 docs');
  await apply.open();
  await expect((await apply.apply('e2e: docs v1 go live')).getByRole('heading', { name: 'Applied' })).toBeVisible();
  expect((await get('/v1/page.txt')).body).toBe('version one of the docs\n');
  const withV1 = ((await (await page.request.get('/api/config/snapshots')).json()) as { items: Snapshot[] }).items.find((s) => s.why === 'e2e: docs v1 go live');
  expect(withV1?.kind).toBe('applied');

  await hosts.openHost('localhost');
  await hosts.deleteRoute('/v1/');
  await apply.open();
  await expect((await apply.apply('e2e: docs v1 withdrawn')).getByRole('heading', { name: 'Applied' })).toBeVisible();
  expect((await get('/v1/page.txt')).status).toBe(404);

  const log = new LogPage(page);
  await log.open();
  for (const why of ['e2e: publish the v1 docs', 'e2e: docs v1 go live', 'e2e: docs v1 withdrawn']) {
    await expect(log.timeline()).toContainText(why);
  }
  await expect(log.timeline().getByRole('listitem').filter({ hasText: 'e2e: publish the v1 docs' })).toContainText('olga');
  await log.restore(withV1!.id, 'e2e: bring the v1 docs back');
  await expect(page.getByText(/restored/i).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await get('/v1/page.txt')).body, { timeout: 15_000 }).toBe('version one of the docs\n');
  await log.open();
  await expect(log.timeline()).toContainText('e2e: bring the v1 docs back');
});
