// The sign-in screen.
import type { Page } from '@playwright/test';

/** Sign-in: username, password, the button. */
export class SignInPage {
  constructor(private readonly page: Page, private readonly base = '') {}

  /** Opens /signin (of `base`, default the main console). */
  async open(): Promise<void> {
    await this.page.goto(`${this.base}/signin`);
  }

  /** Fills the form and submits it. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The form's heading. */
  heading() {
    return this.page.getByRole('heading', { name: 'Sign in to Mongrel2' });
  }
}
