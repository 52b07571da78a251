import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionAnswer } from '@m2/shared';
import { keys } from '../../queries/keys';
import { ServersScreen, processResult } from './ServersScreen';

const v = '0'.repeat(16);

function renderScreen() {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(keys.session, { user: { username: 'ann', role: 'operator' }, csrfToken: 'x' } as unknown as SessionAnswer);
  qc.setQueryData(keys.modelList('servers'), [{ id: 1, name: 'main', uuid: 'u-1', accessLog: '/a', errorLog: '/e', errorLogLevel: 2, chroot: './', pidFile: '/p', controlPort: '', defaultHost: 'example.com', bindAddr: '0.0.0.0', port: 6767, useSsl: 0, version: v }]);
  qc.setQueryData(keys.modelList('hosts'), [{ id: 4, serverId: 1, name: 'example.com', matching: 'example.com', maintenance: 0, version: v }, { id: 5, serverId: 1, name: 'b.example', matching: 'b.example', maintenance: 0, version: v }]);
  qc.setQueryData(keys.modelList('routes'), [{ id: 1, hostId: 4, path: '/', reversed: 0, target: { kind: 'dir', id: 1 }, version: v }]);
  qc.setQueryData(keys.running, []);
  render(<QueryClientProvider client={qc}><ServersScreen params={{}} /></QueryClientProvider>);
}

afterEach(cleanup);

describe('ServersScreen', () => {
  it('links the default host and offers a cascade when deleting a server with hosts', async () => {
    renderScreen();
    const table = screen.getByRole('table', { name: 'Servers' });
    expect(within(table).getByRole('link', { name: 'example.com' }).getAttribute('href')).toBe('/hosts/4');
    await userEvent.click(screen.getByRole('button', { name: 'Delete server main' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete server main' });
    expect((within(dialog).getByLabelText('Also delete its 2 hosts and 1 route') as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('opens "Add server" with every field and a fresh UUID', async () => {
    renderScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Add server' }));
    const dialog = screen.getByRole('dialog', { name: 'Add server' });
    for (const l of ['Name', 'UUID', 'Bind address', 'Port', 'Default host', 'Access log', 'Error log', 'PID file', 'Chroot', 'Control port', 'Use SSL']) {
      expect(within(dialog).getByLabelText(l)).toBeTruthy();
    }
    expect((within(dialog).getByLabelText('UUID') as HTMLInputElement).value).toHaveLength(36);
    expect(within(dialog).getByRole('button', { name: 'Create server' })).toBeTruthy();
  });

  it("reports a process action by what the server answered", () => {
    const base = { id: 1, uuid: 'u', name: 'main', pidFile: '/p', controlEndpoint: '', startedAt: null, uptimeSeconds: null, info: null };
    expect(processResult('start', 'main', { ...base, running: true, pid: 77, problem: null })).toEqual({ kind: 'ok', title: 'Started main', detail: 'PID 77' });
    expect(processResult('restart', 'main', { ...base, running: false, pid: null, problem: 'exited at once' })).toEqual({ kind: 'error', title: 'main is not running after restart', detail: 'exited at once' });
  });
});
