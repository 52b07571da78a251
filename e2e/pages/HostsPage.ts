// Hosts and a host's routes (/hosts, /hosts/:id): create a host, add / edit / delete routes with their targets.
import type { Page } from '@playwright/test';

/** A route's target as the route form takes it. */
export type TargetSpec =
  | { kind: 'Dir'; existing?: string; base?: string; indexFile?: string }
  | { kind: 'Handler'; existing?: string; sendSpec?: string; sendIdent?: string; recvSpec?: string }
  | { kind: 'Proxy'; existing?: string; addr?: string; port?: number };

/** The Hosts screens. */
export class HostsPage {
  constructor(private readonly page: Page) {}

  /** Opens the hosts list. */
  async open(): Promise<void> {
    await this.page.goto('/hosts');
  }

  /** The "Add host" button. */
  addHostButton() {
    return this.page.getByRole('button', { name: 'Add host' });
  }

  /** Creates a host through the dialog; the console then shows the new host's screen. */
  async createHost(name: string, why: string): Promise<void> {
    await this.addHostButton().click();
    const d = this.page.getByRole('dialog', { name: 'Add host' });
    await d.getByLabel('Name', { exact: true }).fill(name);
    await d.getByLabel('Why').fill(why);
    await d.getByRole('button', { name: 'Create host' }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Opens a host's screen from the list. */
  async openHost(name: string): Promise<void> {
    await this.open();
    await this.page.getByRole('table', { name: 'Hosts' }).getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** The routes table of the open host. */
  routes() {
    return this.page.getByRole('table', { name: 'Routes' });
  }

  /** Adds a route to the open host. */
  async addRoute(path: string, target: TargetSpec, why: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add route' }).click();
    const d = this.page.getByRole('dialog', { name: 'Add route' });
    await d.getByLabel('Path', { exact: true }).fill(path);
    await d.getByLabel('Target kind').selectOption({ label: target.kind });
    if (target.existing) await d.getByLabel('Target', { exact: true }).selectOption({ label: target.existing });
    else {
      if (target.kind === 'Dir') {
        if (target.base) await d.getByLabel('Base').fill(target.base);
        if (target.indexFile) await d.getByLabel('Index file').fill(target.indexFile);
      } else if (target.kind === 'Handler') {
        if (target.sendSpec) await d.getByLabel('Send spec').fill(target.sendSpec);
        if (target.sendIdent) await d.getByLabel('Send ident').fill(target.sendIdent);
        if (target.recvSpec) await d.getByLabel('Recv spec').fill(target.recvSpec);
      } else {
        if (target.addr) await d.getByLabel('Address').fill(target.addr);
        if (target.port !== undefined) await d.getByLabel('Port', { exact: true }).fill(String(target.port));
      }
    }
    await d.getByLabel('Why').fill(why);
    await d.getByRole('button', { name: 'Create route' }).click();
    await d.waitFor({ state: 'detached' });
  }

  /** Deletes a route of the open host. */
  async deleteRoute(path: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete route ${path}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await this.page.getByRole('button', { name: `Delete route ${path}` }).waitFor({ state: 'detached' });
  }
}
