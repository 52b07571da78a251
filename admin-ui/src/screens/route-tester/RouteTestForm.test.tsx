import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { RouteTestForm } from './RouteTestForm';

afterEach(cleanup);

const initial = { url: '', host: '', serverId: '' };

describe('RouteTestForm', () => {
  it('checks the URL with the API\'s schema before sending, then sends host and server', async () => {
    const onTest = vi.fn();
    render(<RouteTestForm servers={[['1', 'main'], ['2', 'other']]} initial={initial} onTest={onTest} busy={false} />);
    await userEvent.type(screen.getByLabelText('URL'), 'no-slash');
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(onTest).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/url must be a path starting with \//);
    await userEvent.clear(screen.getByLabelText('URL'));
    await userEvent.type(screen.getByLabelText('URL'), '/static/');
    await userEvent.type(screen.getByLabelText('Host header'), 'example.com');
    await userEvent.selectOptions(screen.getByLabelText('Server'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(onTest).toHaveBeenCalledWith({ url: '/static/', host: 'example.com', serverId: 2 });
  });

  it('puts the API\'s field error next to the field it names, and a plain refusal in the form error', () => {
    const fieldError = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'bad host', fields: [{ path: 'host', message: 'host has a space', code: 'X' }] });
    const { rerender } = render(<RouteTestForm servers={[['1', 'main']]} initial={{ ...initial, url: '/' }} onTest={() => {}} busy={false} error={fieldError} />);
    expect(screen.getByLabelText('Host header').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('host has a space');
    const refusal = new ApiClientError(404, { code: 'M2_ERR_API_NOT_FOUND', message: 'no server is configured' });
    rerender(<RouteTestForm servers={[['1', 'main']]} initial={{ ...initial, url: '/' }} onTest={() => {}} busy={false} error={refusal} />);
    expect(screen.getByRole('alert').textContent).toBe('no server is configured');
  });
});
