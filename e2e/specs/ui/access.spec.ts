// Signing in and who may do what: a signed-out visitor is sent to sign-in (and back afterwards), a wrong password
// is refused in the form, and a viewer sees the editors with their write actions disabled — the API refuses them
// too.
import { test, expect } from '../../fixtures/test';
import { SignInPage } from '../../pages/SignInPage';
import { HostsPage } from '../../pages/HostsPage';
import { USERS } from '../../fixtures/ports';

test('a signed-out visitor is sent to sign-in and returns to the screen they asked for', async ({ page }) => {
  await page.goto('/hosts');
  await expect(page).toHaveURL(/\/signin\?next=%2Fhosts$/);
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toBeVisible();
  await signIn.signIn(USERS.operator.username, 'not the password');
  await expect(page.getByRole('alert')).toContainText(/username or password/i);
  await signIn.signIn(USERS.operator.username, USERS.operator.password);
  await expect(page).toHaveURL(/\/hosts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hosts and routes' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signIn.heading()).toBeVisible();
  await page.goto('/log');
  await expect(page).toHaveURL(/\/signin\?next=%2Flog$/);
});

test('a viewer can read but not edit', async ({ page, signIn }) => {
  await signIn('viewer');
  const hosts = new HostsPage(page);
  await hosts.open();
  await expect(hosts.addHostButton()).toBeDisabled();
  await expect(page.getByRole('table', { name: 'Hosts' }).getByRole('link', { name: 'localhost', exact: true })).toBeVisible();
  await hosts.openHost('localhost');
  await expect(page.getByRole('button', { name: 'Add route' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete route /poll/' })).toBeDisabled();
  await page.goto('/apply');
  await expect(page.getByRole('button', { name: 'Apply changes' })).toBeDisabled();
  // The API itself refuses the viewer's write, whatever the page shows.
  const refused = await page.evaluate(async () => {
    const res = await fetch('/api/hosts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serverId: 1, name: 'x.test' }) });
    return res.status;
  });
  expect([401, 403]).toContain(refused);
});
