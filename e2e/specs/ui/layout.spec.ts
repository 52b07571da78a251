// The console at a phone's width: the Overview has no horizontal scroll; every screen is photographed (light
// and dark) into test-results/screens/ as artifacts of the run.
import { test, expect } from '../../fixtures/test';

const SCREENS = ['/', '/live/1', '/control/1', '/route-tester', '/servers', '/hosts', '/hosts/1', '/handlers', '/dirs', '/proxies',
  '/settings', '/mimetypes', '/apply', '/log', '/transfer', '/users'];

const shotName = (path: string) => (path === '/' ? 'overview' : path.slice(1).replace(/\//g, '-'));

test('the Overview at 390 px wide has no horizontal scroll', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn('admin');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Server / }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts and routes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/390-overview.png', fullPage: true });
});

test('every screen renders without an error, in both themes, and is photographed', async ({ page, signIn }) => {
  await signIn('admin');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => localStorage.setItem('m2.theme', t), theme);
    for (const path of SCREENS) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/${theme}-${shotName(path)}.png`, fullPage: true });
    }
  }
  expect(errors).toEqual([]);
});

test('the command palette jumps to a host with the keyboard', async ({ page, signIn }) => {
  await signIn('viewer');
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: 'Search screens, hosts, routes and actions' });
  await expect(search).toBeFocused();
  await search.fill('localhost host');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/hosts\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'localhost' })).toBeVisible();
});
