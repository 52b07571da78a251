// The route tester explains a URL's route; an exported .conf imported into a fresh database gives the same routes.
import { test, expect } from '../../fixtures/test';
import { RouteTesterPage } from '../../pages/RouteTesterPage';
import { TransferPage } from '../../pages/TransferPage';
import { SignInPage } from '../../pages/SignInPage';
import { PORTS, USERS } from '../../fixtures/ports';

test('the route tester explains which route a URL takes', async ({ page, signIn }) => {
  await signIn('viewer');
  const tester = new RouteTesterPage(page);
  await tester.open();
  const hit = await tester.test('/poll/anything?x=1');
  await expect(hit).toContainText('200');
  await expect(hit).toContainText('/poll/');
  await expect(hit).toContainText(/handler/i);
  await expect(hit.getByRole('listitem').first()).toBeVisible();
  const dir = await tester.test('/hello.txt', 'localhost');
  await expect(dir).toContainText('static/');
});

test('export a .conf, import it into a fresh database, and the same routes appear', async ({ page, browser, signIn }) => {
  await signIn('admin');
  const transfer = new TransferPage(page);
  await transfer.open();
  const conf = await transfer.exportAll();
  expect(conf).toContain('e2e00000-0000-4000-8000-000000000001');
  const mainRoutes = ((await (await page.request.get('/api/routes')).json()) as { items: { path: string }[] }).items.map((r) => r.path).sort();

  const fresh = `http://127.0.0.1:${PORTS.freshConsole}`;
  const context = await browser.newContext({ baseURL: fresh });
  const other = await context.newPage();
  const signInFresh = new SignInPage(other, fresh);
  await signInFresh.open();
  await signInFresh.signIn(USERS.admin.username, USERS.admin.password);
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const freshTransfer = new TransferPage(other, fresh);
  await freshTransfer.open();
  await freshTransfer.importText(conf, 'e2e: copy the main configuration');
  await other.goto(`${fresh}/hosts`);
  await other.getByRole('table', { name: 'Hosts' }).getByRole('link', { name: 'localhost', exact: true }).click();
  for (const path of ['/', '/poll/']) await expect(other.getByRole('table', { name: 'Routes' })).toContainText(path);
  const freshRoutes = ((await (await other.request.get(`${fresh}/api/routes`)).json()) as { items: { path: string }[] }).items.map((r) => r.path).sort();
  expect(freshRoutes).toEqual(mainRoutes);
  await context.close();
});
