import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { SettingDialog } from './SettingDialog';

afterEach(cleanup);

const noop = () => {};

describe('SettingDialog', () => {
  it('shows the catalogue help and default under Value for a known key', () => {
    render(<SettingDialog fixedKey="limits.buffer_size" initialValue="4096" error={null} busy={false} onSubmit={noop} onClose={noop} />);
    expect(screen.getByRole('dialog', { name: 'Setting limits.buffer_size' })).toBeTruthy();
    const value = screen.getByLabelText('Value');
    const help = document.getElementById(value.getAttribute('aria-describedby')!)!.textContent!;
    expect(help).toContain('Per-connection read buffer');
    expect(help).toContain('Default: 4096');
    expect(screen.queryByLabelText('Key')).toBeNull();
  });

  it('refuses a bad int value inline with the shared schema and does not submit', async () => {
    const onSubmit = vi.fn();
    render(<SettingDialog fixedKey="limits.buffer_size" initialValue="4096" error={null} busy={false} onSubmit={onSubmit} onClose={noop} />);
    await userEvent.clear(screen.getByLabelText('Value'));
    await userEvent.type(screen.getByLabelText('Value'), '10k');
    await userEvent.click(screen.getByRole('button', { name: 'Save setting' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/limits\.buffer_size must be a whole number.*'10k'/);
  });

  it('submits a good value with the why', async () => {
    const onSubmit = vi.fn();
    render(<SettingDialog fixedKey="upload.stream" initialValue="0" error={null} busy={false} onSubmit={onSubmit} onClose={noop} />);
    await userEvent.clear(screen.getByLabelText('Value'));
    await userEvent.type(screen.getByLabelText('Value'), '1');
    await userEvent.type(screen.getByLabelText('Why'), 'stream big uploads');
    await userEvent.click(screen.getByRole('button', { name: 'Save setting' }));
    expect(onSubmit).toHaveBeenCalledWith({ key: 'upload.stream', value: '1', why: 'stream big uploads' });
  });

  it('adds a free key, showing the catalogue help once a typed key is known', async () => {
    const onSubmit = vi.fn();
    render(<SettingDialog error={null} busy={false} onSubmit={onSubmit} onClose={noop} />);
    expect(screen.getByRole('dialog', { name: 'Add setting' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Key'), 'limits.min_ping');
    expect(screen.getByText(/Seconds without activity/)).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Key'));
    await userEvent.type(screen.getByLabelText('Key'), 'my.own.key');
    await userEvent.type(screen.getByLabelText('Value'), 'anything at all');
    await userEvent.click(screen.getByRole('button', { name: 'Save setting' }));
    expect(onSubmit).toHaveBeenCalledWith({ key: 'my.own.key', value: 'anything at all', why: '' });
  });

  it("puts the API's field error next to Key, and a refusal naming no field in the form error", () => {
    const clash = new ApiClientError(409, { code: 'M2_ERR_API_CONFLICT', message: 'setting clash', fields: [{ path: 'key', message: 'there is already a setting my.key', code: 'M2_ERR_API_CONFLICT' }] });
    const { rerender } = render(<SettingDialog error={clash} busy={false} onSubmit={noop} onClose={noop} />);
    expect(screen.getByLabelText('Key').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['there is already a setting my.key']);
    const stale = new ApiClientError(409, { code: 'M2_ERR_API_STALE', message: 'setting 3 changed since you read it' });
    rerender(<SettingDialog error={stale} busy={false} onSubmit={noop} onClose={noop} />);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['setting 3 changed since you read it']);
  });
});
