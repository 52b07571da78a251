import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { ServerForm, newUuid } from './ServerForm';

function errorUnder(label: string): string | null {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  const el = id ? document.getElementById(id) : null;
  return el?.classList.contains('field-error') ? el.textContent : null;
}

afterEach(cleanup);

describe('ServerForm', () => {
  it('prefills a fresh UUID and sends the typed port as a number', async () => {
    const onSubmit = vi.fn();
    render(<ServerForm onSubmit={onSubmit} onCancel={() => {}} />);
    const uuid = (screen.getByLabelText('UUID') as HTMLInputElement).value;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await userEvent.type(screen.getByLabelText('Name'), 'main');
    await userEvent.type(screen.getByLabelText('Port'), '6767');
    await userEvent.click(screen.getByRole('button', { name: 'Create server' }));
    expect(onSubmit.mock.calls[0]![0].body).toMatchObject({ name: 'main', uuid, port: 6767, bindAddr: '0.0.0.0', useSsl: 0 });
  });

  it('refuses a missing port client-side, and shows a port clash from the API on Port', async () => {
    const onSubmit = vi.fn();
    const { rerender } = render(<ServerForm onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create server' }));
    expect(errorUnder('Port')).toBe('port is required');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Port'), '80');
    await userEvent.click(screen.getByRole('button', { name: 'Create server' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    const clash = new ApiClientError(409, { code: 'M2_ERR_API_CONFLICT', message: 'server other already listens on 0.0.0.0:80', fields: [{ path: 'port', message: 'server other already listens on 0.0.0.0:80', code: 'M2_ERR_API_CONFLICT' }] });
    rerender(<ServerForm onSubmit={onSubmit} onCancel={() => {}} error={clash} />);
    expect(errorUnder('Port')).toBe('server other already listens on 0.0.0.0:80');
  });

  it('makes version-4 UUIDs without crypto.randomUUID too', () => {
    const saved = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: saved, configurable: true });
    }
  });
});
