import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError, type TokenCreatedAnswer } from '@m2/shared';
import { TokenDialog } from './TokenDialog';
import { TokenCreatedPanel } from './TokenCreatedPanel';

afterEach(cleanup);

const created: TokenCreatedAnswer = {
  id: 4, name: 'deploy', user: 'alice', role: 'operator', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: null, lastUsedAt: null,
  token: 'm2t_abcdefghijklmnop',
};

describe('TokenDialog', () => {
  it('offers only roles up to your own and sends the lifetime as a number', async () => {
    const onSubmit = vi.fn();
    render(<TokenDialog roles={['viewer', 'operator']} error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['viewer', 'operator']);
    await userEvent.type(screen.getByLabelText('Name'), 'deploy');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'viewer');
    await userEvent.type(screen.getByLabelText('Expires in days'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'deploy', role: 'viewer', expiresInDays: 30 });
  });

  it('refuses an empty name inline and shows the API refusing the role next to Role', async () => {
    const onSubmit = vi.fn();
    const { rerender } = render(<TokenDialog roles={['viewer']} error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('name is required');
    await userEvent.type(screen.getByLabelText('Name'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const refused = new ApiClientError(403, { code: 'M2_ERR_API_FORBIDDEN', message: "a token's role may not exceed yours", fields: [{ path: 'role', message: 'at most viewer', code: 'M2_ERR_API_FORBIDDEN' }] });
    rerender(<TokenDialog roles={['viewer']} error={refused} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getByLabelText('Role').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('at most viewer');
  });

  it('shows the created token in the same dialog instead of the form', () => {
    render(<TokenDialog roles={['viewer']} created={created} error={null} busy={false} onSubmit={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Create token' })).toBeTruthy();
    expect((screen.getByLabelText('New token') as HTMLInputElement).value).toBe('m2t_abcdefghijklmnop');
    expect(screen.queryByLabelText('Name')).toBeNull();
  });
});

describe('TokenCreatedPanel', () => {
  it('shows the token once, read-only, warns, and copies it to the clipboard', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<TokenCreatedPanel token={created} onDone={onDone} />);
    const field = screen.getByLabelText('New token') as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe('m2t_abcdefghijklmnop');
    expect(screen.getByRole('note').textContent).toMatch(/will not be shown again/);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('m2t_abcdefghijklmnop');
    expect(await screen.findByText('Copied.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});
