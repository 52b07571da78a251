import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { TargetForm } from './TargetForm';

function errorUnder(label: string): string | null {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  const el = id ? document.getElementById(id) : null;
  return el?.classList.contains('field-error') ? el.textContent : null;
}

afterEach(cleanup);

describe('TargetForm', () => {
  it('checks a handler with the shared schema before sending it', async () => {
    const onSubmit = vi.fn();
    render(<TargetForm kind="handler" onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Send spec'), 'nonsense');
    await userEvent.click(screen.getByRole('button', { name: 'Create handler' }));
    expect(errorUnder('Send spec')).toMatch(/^sendSpec: /);
    expect(errorUnder('Send ident')).toBe('sendIdent must not be empty');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Send spec'));
    await userEvent.type(screen.getByLabelText('Send spec'), 'tcp://127.0.0.1:9997');
    await userEvent.type(screen.getByLabelText('Send ident'), 'app');
    await userEvent.type(screen.getByLabelText('Recv spec'), 'tcp://127.0.0.1:9996');
    await userEvent.selectOptions(screen.getByLabelText('Protocol'), 'tnetstring');
    await userEvent.click(screen.getByRole('button', { name: 'Create handler' }));
    expect(onSubmit).toHaveBeenCalledWith({
      body: { sendSpec: 'tcp://127.0.0.1:9997', sendIdent: 'app', recvSpec: 'tcp://127.0.0.1:9996', recvIdent: '', protocol: 'tnetstring', rawPayload: 0 },
      why: '',
    });
  });

  it('shows that a target is in use, and the refusal of a stale save with Reload', async () => {
    const onReload = vi.fn();
    const stale = new ApiClientError(409, { code: 'M2_ERR_API_STALE', message: 'dir 3 was changed by someone else since you read it' });
    render(<TargetForm kind="dir" target={{ id: 3, base: './public/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 }} usedBy={2}
      error={stale} onSubmit={() => {}} onCancel={() => {}} onReload={onReload} />);
    expect(screen.getByText(/Used by 2 routes/)).toBeTruthy();
    expect((screen.getByLabelText('Base') as HTMLInputElement).value).toBe('./public/');
    expect(screen.getByRole('alert').textContent).toContain('Changed by someone else since you opened it');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
  });
});
