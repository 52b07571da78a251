import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TokenInfo, UserInfo } from '@m2/shared';
import { UsersTable } from './UsersTable';
import { TokensTable } from './TokensTable';

afterEach(cleanup);

const users: UserInfo[] = [
  { username: 'alice', role: 'admin', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
  { username: 'bob', role: 'viewer', createdAt: '2025-01-02T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' },
];

describe('UsersTable', () => {
  it('changes a role with the select named by the user, and goes back to the real role if refused', async () => {
    let refuse!: (e: Error) => void;
    const onRole = vi.fn(() => new Promise((_resolve, reject) => { refuse = reject; }));
    render(<UsersTable users={users} me="alice" onRole={onRole} onReset={() => {}} onDelete={() => {}} />);
    const table = screen.getByRole('table', { name: 'Users' });
    expect(within(table).getByRole('form', { name: 'Change role of bob' })).toBeTruthy();
    const select = within(table).getByRole('combobox', { name: 'Role of bob' }) as HTMLSelectElement;
    await userEvent.selectOptions(select, 'operator');
    expect(onRole).toHaveBeenCalledWith(users[1], 'operator');
    expect(select.value).toBe('operator');
    refuse(new Error('no'));
    await waitFor(() => expect(select.value).toBe('viewer'));
  });

  it('names Reset password and Delete by the user', async () => {
    const onDelete = vi.fn();
    const onReset = vi.fn();
    render(<UsersTable users={users} me="alice" onRole={() => Promise.resolve()} onReset={onReset} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reset password of bob' }));
    expect(onReset).toHaveBeenCalledWith(users[1]);
    expect(onDelete).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete user bob' }));
    expect(onDelete).toHaveBeenCalledWith(users[1]);
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});

describe('TokensTable', () => {
  it('shows never for no expiry or use, marks an expired token, and names Revoke by the token', async () => {
    const tokens: TokenInfo[] = [
      { id: 1, name: 'ci', user: 'alice', role: 'viewer', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: null, lastUsedAt: null },
      { id: 2, name: 'old', user: 'bob', role: 'viewer', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-02-01T00:00:00.000Z', lastUsedAt: '2025-01-05T00:00:00.000Z' },
    ];
    const onRevoke = vi.fn();
    render(<TokensTable tokens={tokens} now={Date.parse('2025-03-01T00:00:00Z')} onRevoke={onRevoke} />);
    const rows = within(screen.getByRole('table', { name: 'API tokens' })).getAllByRole('row');
    expect(within(rows[1]!).getAllByText('never')).toHaveLength(2);
    expect(within(rows[2]!).getByText(/^expired/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke old' }));
    expect(onRevoke).toHaveBeenCalledWith(tokens[1]);
  });
});
