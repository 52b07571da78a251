import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionAnswer } from '@m2/shared';
import { keys } from '../../queries/keys';
import type { Rec } from '../../queries/model';
import { HostScreen } from './HostScreen';

const v = '0'.repeat(16);
const routes: Rec<'routes'>[] = [
  { id: 10, hostId: 1, path: '/static/', reversed: 0, target: { kind: 'dir', id: 3 }, version: v },
  { id: 11, hostId: 1, path: '/app', reversed: 1, target: { kind: 'handler', id: 2 }, version: v },
  { id: 12, hostId: 9, path: '/other/', reversed: 0, target: { kind: 'dir', id: 3 }, version: v },
];

/** A client whose cache already holds what the screen reads, so it renders without a network. */
function seeded(role: 'viewer' | 'operator'): QueryClient {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(keys.session, { user: { username: 'ann', role }, csrfToken: 'x' } as unknown as SessionAnswer);
  qc.setQueryData(keys.modelList('hosts'), [{ id: 1, serverId: 1, name: 'example.com', matching: 'example.com', maintenance: 0, version: v }]);
  qc.setQueryData(keys.modelList('servers'), [{ id: 1, name: 'main', uuid: 'u', defaultHost: 'example.com', version: v }]);
  qc.setQueryData(keys.modelList('routes'), routes);
  qc.setQueryData(keys.modelList('dirs'), [{ id: 3, base: './public/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0, version: v }]);
  qc.setQueryData(keys.modelList('handlers'), [{ id: 2, sendSpec: 'tcp://127.0.0.1:9997', sendIdent: 'app', recvSpec: 'tcp://127.0.0.1:9996', recvIdent: '', protocol: 'json', rawPayload: 0, version: v }]);
  qc.setQueryData(keys.modelList('proxies'), []);
  return qc;
}

function renderAt(url: string, role: 'viewer' | 'operator' = 'operator') {
  window.history.replaceState(null, '', url);
  render(<QueryClientProvider client={seeded(role)}><HostScreen params={{ id: '1' }} /></QueryClientProvider>);
}

afterEach(cleanup);

describe('HostScreen', () => {
  it("titles the screen with the host's name and lists only its routes with their targets", () => {
    renderAt('/hosts/1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('example.com');
    const rows = within(screen.getByRole('table', { name: 'Routes' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['/app', '/static/']);
    expect(rows[0]!.textContent).toContain('tcp://127.0.0.1:9997');
    expect(rows[1]!.textContent).toContain('shared by 2 routes');
  });

  it('opens the edit dialog of the route ?route= names, and Add route opens an empty one', async () => {
    renderAt('/hosts/1?route=10');
    const dialog = screen.getByRole('dialog', { name: 'Edit route /static/' });
    expect((within(dialog).getByLabelText('Path') as HTMLInputElement).value).toBe('/static/');
    expect((within(dialog).getByLabelText('Target') as HTMLSelectElement).value).toBe('3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(window.location.search).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Add route' }));
    expect(screen.getByRole('dialog', { name: 'Add route' })).toBeTruthy();
  });

  it('disables the writes for a viewer', () => {
    renderAt('/hosts/1', 'viewer');
    for (const name of ['Edit host', 'Delete host', 'Add route', 'Edit route /app', 'Delete route /app']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
  });
});
