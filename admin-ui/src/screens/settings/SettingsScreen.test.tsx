import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Role } from '@m2/shared';
import { keys } from '../../queries/keys';
import { SettingsScreen } from './SettingsScreen';

afterEach(cleanup);

/** The screen over a cache that already holds the session and the settings (nothing is fetched). */
function renderAs(role: Role) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(keys.session, { user: { username: 'u', role }, csrfToken: 't' });
  client.setQueryData(keys.modelList('settings'), [{ id: 1, key: 'limits.buffer_size', value: '8192', version: 'v1' }]);
  render(<QueryClientProvider client={client}><SettingsScreen params={{}} /></QueryClientProvider>);
}

describe('SettingsScreen', () => {
  it('lets a viewer read but not write', () => {
    renderAs('viewer');
    expect(screen.getByRole('table', { name: 'Settings' }).textContent).toContain('8192');
    expect((screen.getByRole('button', { name: 'Add setting' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Edit limits.buffer_size' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens the value dialog with the current value, hiding the page behind it', async () => {
    renderAs('operator');
    await userEvent.click(screen.getByRole('button', { name: 'Edit limits.buffer_size' }));
    expect(screen.getByRole('dialog', { name: 'Setting limits.buffer_size' })).toBeTruthy();
    expect((screen.getByLabelText('Value') as HTMLInputElement).value).toBe('8192');
    expect(screen.queryByRole('button', { name: 'Add setting' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add setting' })).toBeTruthy();
  });
});
