import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { UserDialog } from './UserDialog';

afterEach(cleanup);

describe('UserDialog', () => {
  it('checks the username pattern and the password length before sending', async () => {
    const onSubmit = vi.fn();
    render(<UserDialog error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.type(screen.getByLabelText('Username'), 'bob smith');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'username may only hold letters, digits and . _ @ -', 'password must be at least 10 characters',
    ]);
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a good user with the chosen role', async () => {
    const onSubmit = vi.fn();
    render(<UserDialog error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.type(screen.getByLabelText('Username'), 'bob');
    await userEvent.type(screen.getByLabelText('Password'), 'a long enough password');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'operator');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(onSubmit).toHaveBeenCalledWith({ username: 'bob', password: 'a long enough password', role: 'operator' });
  });

  it("shows the API's field errors next to their fields, and other refusals in the form error", () => {
    const taken = new ApiClientError(409, { code: 'M2_ERR_API_CONFLICT', message: 'a user named bob already exists', fields: [{ path: 'username', message: 'a user named bob already exists', code: 'M2_ERR_API_CONFLICT' }] });
    const { rerender } = render(<UserDialog error={taken} busy={false} onSubmit={() => {}} onClose={() => {}} />);
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(username.getAttribute('aria-describedby')!)!.textContent).toBe('a user named bob already exists');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
    const forbidden = new ApiClientError(403, { code: 'M2_ERR_API_FORBIDDEN', message: 'needs the admin role' });
    rerender(<UserDialog error={forbidden} busy={false} onSubmit={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('needs the admin role');
  });
});
