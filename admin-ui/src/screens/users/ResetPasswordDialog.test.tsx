import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { ResetPasswordDialog } from './ResetPasswordDialog';

afterEach(cleanup);

describe('ResetPasswordDialog', () => {
  it('refuses a short password before sending and names whom it signs out', async () => {
    const onSubmit = vi.fn();
    render(<ResetPasswordDialog username="bob" self={false} error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Reset the password of bob' })).toBeTruthy();
    expect(screen.getByText(/bob is signed out everywhere/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('password must be at least 10 characters');
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a good password, and says an admin resetting their own keeps this session', async () => {
    const onSubmit = vi.fn();
    render(<ResetPasswordDialog username="alice" self error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getByText(/Your other sessions are signed out/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('New password'), 'a long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(onSubmit).toHaveBeenCalledWith('a long enough password');
  });

  it("shows the API's refusal: a field error on the password, anything else in the form error", () => {
    const tooLong = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'invalid body', fields: [{ path: 'password', message: 'password may be at most 1024 characters', code: 'M2_ERR_API_VALIDATION' }] });
    const { rerender } = render(<ResetPasswordDialog username="bob" self={false} error={tooLong} busy={false} onSubmit={() => {}} onClose={() => {}} />);
    const field = screen.getByLabelText('New password');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toBe('password may be at most 1024 characters');
    const gone = new ApiClientError(404, { code: 'M2_ERR_API_NOT_FOUND', message: 'user bob not found' });
    rerender(<ResetPasswordDialog username="bob" self={false} error={gone} busy={false} onSubmit={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('user bob not found');
  });
});
