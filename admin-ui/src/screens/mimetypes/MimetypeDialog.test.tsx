import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { MimetypeDialog } from './MimetypeDialog';

afterEach(cleanup);

describe('MimetypeDialog', () => {
  it('refuses an extension without its dot and a type without a slash, inline', async () => {
    const onSubmit = vi.fn();
    render(<MimetypeDialog error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.type(screen.getByLabelText('Extension'), 'foo');
    await userEvent.type(screen.getByLabelText('MIME type'), 'text');
    await userEvent.click(screen.getByRole('button', { name: 'Save MIME type' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Extension').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('MIME type').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      "extension must start with '.', as in .html, not 'foo'",
      "mimetype 'text' must be a media type such as text/plain",
    ]);
  });

  it("submits a good row and shows the API's clash next to Extension", async () => {
    const onSubmit = vi.fn();
    const { rerender } = render(<MimetypeDialog initial={{ extension: '.foo', mimetype: 'text/plain' }} error={null} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'MIME type .foo' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save MIME type' }));
    expect(onSubmit).toHaveBeenCalledWith({ extension: '.foo', mimetype: 'text/plain', why: '' });
    const clash = new ApiClientError(409, { code: 'M2_ERR_API_CONFLICT', message: 'clash', fields: [{ path: 'extension', message: 'extension .foo is taken', code: 'M2_ERR_API_CONFLICT' }] });
    rerender(<MimetypeDialog initial={{ extension: '.foo', mimetype: 'text/plain' }} error={clash} busy={false} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['extension .foo is taken']);
  });
});
