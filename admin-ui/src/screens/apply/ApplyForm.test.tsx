import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { ApplyForm } from './ApplyForm';

afterEach(cleanup);

describe('ApplyForm', () => {
  it('refuses an empty why client-side, next to the field, without applying', async () => {
    const onApply = vi.fn();
    render(<ApplyForm onApply={onApply} busy={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('say why: the commit log keeps it');
    expect(screen.getByLabelText('Why').getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(screen.getByLabelText('Why'), 'new static route');
    await userEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    expect(onApply).toHaveBeenCalledWith('new static route');
  });

  it('shows the API\'s field error for why and is disabled with its reason', () => {
    const error = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'bad', fields: [{ path: 'why', message: 'why is too long', code: 'X' }] });
    render(<ApplyForm onApply={() => {}} busy={false} error={error} disabledReason="Nothing to apply" />);
    expect(screen.getByRole('alert').textContent).toBe('why is too long');
    const button = screen.getByRole('button', { name: 'Apply changes' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Nothing to apply');
  });

  it('says what it is doing while the apply runs', () => {
    render(<ApplyForm onApply={() => {}} busy />);
    expect(screen.getByRole('status').textContent).toBe('Applying… validating, reloading, probing');
  });
});
