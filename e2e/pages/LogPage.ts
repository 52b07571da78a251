// The commit log (/log): the timeline and the applied versions with restore.
import type { Page } from '@playwright/test';

/** The Commit log screen. */
export class LogPage {
  constructor(private readonly page: Page) {}

  /** Opens /log. */
  async open(): Promise<void> {
    await this.page.goto('/log');
  }

  /** The timeline. */
  timeline() {
    return this.page.getByRole('list', { name: 'Commit log' });
  }

  /** Restores version `id`, applying it now, with a why. */
  async restore(id: number, why: string): Promise<void> {
    await this.page.getByRole('button', { name: `Restore version ${id}` }).click();
    const d = this.page.getByRole('dialog', { name: `Restore version ${id}` });
    await d.getByLabel('Why').fill(why);
    await d.getByLabel('Apply it now').check();
    await d.getByRole('button', { name: 'Restore' }).click();
  }
}
