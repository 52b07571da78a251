// Live connections (/live/:serverId): the streamed table and the kill button.
import type { Page } from '@playwright/test';

/** The Live connections screen. */
export class LivePage {
  constructor(private readonly page: Page) {}

  /** Opens the live view of server `id`. */
  async open(serverId: number): Promise<void> {
    await this.page.goto(`/live/${serverId}`);
  }

  /** The connections table. */
  table() {
    return this.page.getByRole('table', { name: 'Connections' });
  }

  /** The kill button of connection `id`. */
  killButton(id: number) {
    return this.page.getByRole('button', { name: `Kill connection ${id}` });
  }

  /** Kills connection `id`, confirming. */
  async kill(id: number): Promise<void> {
    await this.killButton(id).click();
    await this.page.getByRole('dialog', { name: `Kill connection ${id}?` }).getByRole('button', { name: 'Kill' }).click();
  }
}
