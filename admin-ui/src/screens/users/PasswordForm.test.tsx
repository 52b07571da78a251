import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { PasswordForm } from './PasswordForm';

afterEach(cleanup);

describe('PasswordForm', () => {
  it('refuses a short new password inline, then sends a good one', async () => {
    const onSubmit = vi.fn();
    render(<PasswordForm username="alice" error={null} busy={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Current password'), 'old password!');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('password must be at least 10 characters');
    await userEvent.type(screen.getByLabelText('New password'), ' but longer');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(onSubmit).toHaveBeenCalledWith({ current: 'old password!', password: 'short but longer' });
  });

  it('puts "the current password is wrong" on Current password', () => {
    const wrong = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'the current password is wrong', fields: [{ path: 'current', message: 'the current password is wrong', code: 'M2_ERR_API_VALIDATION' }] });
    render(<PasswordForm username="alice" error={wrong} busy={false} onSubmit={() => {}} />);
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('the current password is wrong');
  });
});
