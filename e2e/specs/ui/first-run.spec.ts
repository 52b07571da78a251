// A first-time operator, from the Overview to a new route serving traffic, with nothing but what the console
// shows: the "Get started" card's links, the dialogs' labels, the pending-changes link in the top bar. No URL is
// typed after the first page.
import { test, expect } from '../../fixtures/test';
import { get } from '../../fixtures/http';

test('from the Overview to a new route serving traffic by following the console', async ({ page, signIn }) => {
  await signIn('admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const start = page.getByRole('region', { name: 'Get started' });
  await start.getByRole('link', { name: 'Add a host' }).click();

  const hostDialog = page.getByRole('dialog', { name: 'Add host' });
  await hostDialog.getByLabel('Name', { exact: true }).fill('first.e2e.test');
  await hostDialog.getByRole('button', { name: 'Create host' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'first.e2e.test' })).toBeVisible();

  await page.getByRole('button', { name: 'Add route' }).click();
  const routeDialog = page.getByRole('dialog', { name: 'Add route' });
  await routeDialog.getByLabel('Path', { exact: true }).fill('/first/');
  await routeDialog.getByLabel('Target kind').selectOption({ label: 'Dir' });
  await routeDialog.getByLabel('Base').fill('static/');
  await routeDialog.getByRole('button', { name: 'Create route' }).click();
  await expect(routeDialog).toHaveCount(0);

  // The top bar says something is pending and leads to the apply screen.
  await page.getByRole('link', { name: /pending change/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pending changes' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Routes differences' })).toContainText('/first/');
  await page.getByRole('button', { name: 'Apply changes' }).click();
  // Applying without a why is refused in the form, saying why it is needed.
  await expect(page.getByRole('alert').first()).toBeVisible();
  await page.getByLabel('Why').fill('my first route');
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.getByRole('region', { name: 'Apply result' }).getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });

  const res = await get('/first/hello.txt', 'first.e2e.test');
  expect(res.status).toBe(200);
  expect(res.body).toBe('hello from the e2e Dir route\n');
});
