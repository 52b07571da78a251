// Import and export (/transfer).
import type { Page } from '@playwright/test';

/** The Import and export screen. */
export class TransferPage {
  constructor(private readonly page: Page, private readonly base = '') {}

  /** Opens /transfer. */
  async open(): Promise<void> {
    await this.page.goto(`${this.base}/transfer`);
  }

  /** Exports every server and returns the text shown. */
  async exportAll(): Promise<string> {
    await this.page.getByRole('button', { name: 'Export .conf' }).click();
    const text = this.page.getByLabel('Exported configuration');
    await text.waitFor();
    return text.inputValue();
  }

  /** Pastes config text, previews it, then imports it with a why. */
  async importText(source: string, why: string): Promise<void> {
    const section = this.page.getByRole('region', { name: 'Import', exact: true });
    await section.getByLabel('Config text').fill(source);
    await section.getByRole('button', { name: 'Preview import' }).click();
    await section.getByRole('region', { name: 'Preview', exact: true }).waitFor();
    await section.getByLabel('Why').fill(why);
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await section.getByRole('heading', { name: 'Imported' }).waitFor();
  }
}
