// An admin manages another user's password: adds a user in the console, resets their password from the Users
// table, and the new password signs in while the old one and the session signed in with it are refused.
import { test, expect } from '../../fixtures/test';
import { SignInPage } from '../../pages/SignInPage';

test('an admin resets another user\'s password: the new one signs in, the old one and its session are refused', async ({ page, browser, signIn }) => {
  const name = 'dora-e2e';
  const first = 'dora first password';
  const second = 'dora second password';
  await signIn('admin');
  await page.goto('/users');
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add user' });
  await add.getByLabel('Username').fill(name);
  await add.getByLabel('Password').fill(first);
  await add.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // Dora signs in elsewhere with the first password.
  const doraContext = await browser.newContext();
  const dora = await doraContext.newPage();
  const doraSignIn = new SignInPage(dora);
  await doraSignIn.open();
  await doraSignIn.signIn(name, first);
  await expect(dora.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The admin resets it; a too-short one is refused in the dialog first.
  await page.getByRole('button', { name: `Reset password of ${name}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset the password of ${name}` });
  await reset.getByLabel('New password').fill('short');
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('alert')).toHaveText('password must be at least 10 characters');
  await reset.getByLabel('New password').fill(second);
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset).toBeHidden();
  await expect(page.getByText(`Password of ${name} reset`)).toBeVisible();

  // Dora's session is over; the old password is refused, the new one works.
  const status = await dora.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
  await doraSignIn.open();
  await doraSignIn.signIn(name, first);
  await expect(dora.getByRole('alert')).toContainText(/username or password/i);
  await doraSignIn.signIn(name, second);
  await expect(dora.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await doraContext.close();

  // Tidy up: the shared stack keeps only its own users.
  await page.getByRole('button', { name: `Delete user ${name}` }).click();
  await page.getByRole('dialog', { name: `Delete user ${name}?` }).getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
});
