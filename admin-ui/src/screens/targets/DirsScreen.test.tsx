import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionAnswer } from '@m2/shared';
import { keys } from '../../queries/keys';
import { DirsScreen } from './DirsScreen';

const v = '0'.repeat(16);

function renderScreen() {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(keys.session, { user: { username: 'ann', role: 'operator' }, csrfToken: 'x' } as unknown as SessionAnswer);
  qc.setQueryData(keys.modelList('dirs'), [{ id: 3, base: './public/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0, version: v }]);
  qc.setQueryData(keys.modelList('routes'), [{ id: 1, hostId: 4, path: '/static/', reversed: 0, target: { kind: 'dir', id: 3 }, version: v }]);
  qc.setQueryData(keys.modelList('hosts'), [{ id: 4, serverId: 1, name: 'example.com', matching: 'example.com', maintenance: 0, version: v }]);
  render(<QueryClientProvider client={qc}><DirsScreen params={{}} /></QueryClientProvider>);
}

afterEach(cleanup);

describe('DirsScreen', () => {
  it('edits a dir in a dialog named by its base, saying which routes share it', async () => {
    renderScreen();
    expect(within(screen.getByRole('table', { name: 'Dirs' })).getByText('1 route:', { exact: false })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Edit dir ./public/' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit dir ./public/' });
    expect(within(dialog).getByText('Used by 1 route.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Save dir' })).toBeTruthy();
  });

  it('warns before deleting a dir that routes use', async () => {
    renderScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Delete dir ./public/' }));
    expect(within(screen.getByRole('dialog', { name: 'Delete dir ./public/' })).getByText(/is the target of 1 route \(\/static\/\)/)).toBeTruthy();
  });

  it('adds a dir with the Mongrel2 defaults filled in', async () => {
    renderScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Add dir' }));
    const dialog = screen.getByRole('dialog', { name: 'Add dir' });
    expect((within(dialog).getByLabelText('Index file') as HTMLInputElement).value).toBe('index.html');
    expect((within(dialog).getByLabelText('Default content type') as HTMLInputElement).value).toBe('text/plain');
    expect((within(dialog).getByLabelText('Cache TTL') as HTMLInputElement).value).toBe('0');
    expect(within(dialog).getByRole('button', { name: 'Create dir' })).toBeTruthy();
  });
});
