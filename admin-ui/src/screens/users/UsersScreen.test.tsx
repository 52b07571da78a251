import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Role } from '@m2/shared';
import { keys } from '../../queries/keys';
import { UsersScreen } from './UsersScreen';

afterEach(cleanup);

/** The screen over a cache that already holds the session, tokens and users (nothing is fetched). */
function renderAs(role: Role) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(keys.session, { user: { username: 'alice', role }, csrfToken: 't' });
  client.setQueryData(keys.tokens, []);
  client.setQueryData(keys.users, [{ username: 'alice', role: 'admin', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }]);
  render(<QueryClientProvider client={client}><UsersScreen params={{}} /></QueryClientProvider>);
}

describe('UsersScreen', () => {
  it('tells a non-admin that only admins manage users, with Add user disabled', () => {
    renderAs('operator');
    const users = screen.getByRole('region', { name: 'Users' });
    expect(within(users).getByText(/Only admins manage users/)).toBeTruthy();
    expect(within(users).queryByRole('table')).toBeNull();
    const add = within(users).getByRole('button', { name: 'Add user' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('needs the admin role');
    expect(screen.getByRole('region', { name: 'Your password' })).toBeTruthy();
  });

  it('shows an admin the users, and the token dialog offers roles up to their own', async () => {
    renderAs('admin');
    expect(screen.getByRole('table', { name: 'Users' }).textContent).toContain('alice');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = screen.getByRole('dialog', { name: 'Create token' });
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['viewer', 'operator', 'admin']);
    expect(screen.getAllByRole('button', { name: 'Create token' })).toHaveLength(1);
  });
});
