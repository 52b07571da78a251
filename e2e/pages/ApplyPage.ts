// Pending changes → Apply (/apply).
import type { Page } from '@playwright/test';

/** The Apply screen. */
export class ApplyPage {
  constructor(private readonly page: Page) {}

  /** Opens /apply. */
  async open(): Promise<void> {
    await this.page.goto('/apply');
  }

  /** Applies with a why and waits for the outcome region. */
  async apply(why: string) {
    await this.page.getByLabel('Why').fill(why);
    await this.page.getByRole('button', { name: 'Apply changes' }).click();
    const result = this.page.getByRole('region', { name: 'Apply result' });
    await result.getByRole('heading', { name: /^(Applied|Not applied)$/ }).waitFor({ timeout: 30_000 });
    return result;
  }
}
