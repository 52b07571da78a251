import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { HostForm } from './HostForm';

const server = (id: number, name: string): Rec<'servers'> => ({
  id, name, uuid: `uuid-${id}`, accessLog: '/logs/access.log', errorLog: '/logs/error.log', errorLogLevel: 2, chroot: './',
  pidFile: `/run/${id}.pid`, controlPort: '', defaultHost: 'localhost', bindAddr: '0.0.0.0', port: 6000 + id, useSsl: 0, version: '0'.repeat(16),
});

function errorUnder(label: string): string | null {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  const el = id ? document.getElementById(id) : null;
  return el?.classList.contains('field-error') ? el.textContent : null;
}

afterEach(cleanup);

describe('HostForm', () => {
  it("shows the API's refusal of the name next to Name", () => {
    const error = new ApiClientError(409, { code: 'M2_ERR_API_CONFLICT', message: "server 1 already has a host named 'example.com'", fields: [{ path: 'name', message: "server 1 already has a host named 'example.com'", code: 'M2_ERR_API_CONFLICT' }] });
    render(<HostForm servers={[server(1, 'main')]} error={error} onSubmit={() => {}} onCancel={() => {}} />);
    expect(errorUnder('Name')).toBe("server 1 already has a host named 'example.com'");
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('preselects the only server and leaves matching out when blank (it defaults to the name)', async () => {
    const onSubmit = vi.fn();
    render(<HostForm servers={[server(1, 'main')]} onSubmit={onSubmit} onCancel={() => {}} />);
    expect((screen.getByLabelText('Server') as HTMLSelectElement).value).toBe('1');
    await userEvent.type(screen.getByLabelText('Name'), 'example.com');
    await userEvent.click(screen.getByLabelText('Maintenance'));
    await userEvent.type(screen.getByLabelText('Why'), 'new site');
    await userEvent.click(screen.getByRole('button', { name: 'Create host' }));
    expect(onSubmit).toHaveBeenCalledWith({ body: { serverId: 1, name: 'example.com', maintenance: 1 }, why: 'new site' });
  });

  it('asks for a server when there are several, and for a name, before sending', async () => {
    const onSubmit = vi.fn();
    render(<HostForm servers={[server(1, 'main'), server(2, 'other')]} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create host' }));
    expect(errorUnder('Server')).toBe('serverId is required');
    expect(errorUnder('Name')).toBe('name must not be empty');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.selectOptions(screen.getByLabelText('Server'), 'other');
    await userEvent.type(screen.getByLabelText('Name'), 'b.example');
    await userEvent.type(screen.getByLabelText('Matching'), '(.*).example');
    await userEvent.click(screen.getByRole('button', { name: 'Create host' }));
    expect(onSubmit.mock.calls[0]![0].body).toEqual({ serverId: 2, name: 'b.example', matching: '(.*).example', maintenance: 0 });
  });

  it('edits a host: fields filled in, "Save host"', () => {
    const host: Rec<'hosts'> = { id: 5, serverId: 1, name: 'a.example', matching: 'a.example', maintenance: 0, version: '1'.repeat(16) };
    render(<HostForm servers={[server(1, 'main')]} host={host} onSubmit={() => {}} onCancel={() => {}} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('a.example');
    expect((screen.getByLabelText('Matching') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Save host' })).toBeTruthy();
  });
});
