// The route tester (/route-tester).
import type { Page } from '@playwright/test';

/** The Route tester screen. */
export class RouteTesterPage {
  constructor(private readonly page: Page) {}

  /** Opens /route-tester. */
  async open(): Promise<void> {
    await this.page.goto('/route-tester');
  }

  /** Tests a URL (with an optional Host header) and returns the result region. */
  async test(url: string, host?: string) {
    await this.page.getByRole('textbox', { name: 'URL' }).fill(url);
    if (host !== undefined) await this.page.getByRole('textbox', { name: 'Host header' }).fill(host);
    await this.page.getByRole('button', { name: 'Test', exact: true }).click();
    const result = this.page.getByRole('region', { name: 'Route test result' });
    await result.waitFor();
    return result;
  }
}
