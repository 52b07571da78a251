import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningServer } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { ServersTable } from './ServersTable';

const server = (id: number, name: string): Rec<'servers'> => ({
  id, name, uuid: `uuid-${id}`, accessLog: '/logs/access.log', errorLog: '/logs/error.log', errorLogLevel: 2, chroot: './',
  pidFile: `/run/${id}.pid`, controlPort: '', defaultHost: 'localhost', bindAddr: '0.0.0.0', port: 6000 + id, useSsl: 0, version: '0'.repeat(16),
});
const running = (id: number, up: boolean): RunningServer => ({
  id, uuid: `uuid-${id}`, name: '', running: up, pid: up ? 4321 : null, pidFile: '/x', controlEndpoint: '', startedAt: null, uptimeSeconds: null, info: null, problem: null,
});
const servers = [server(1, 'main'), server(2, '')];
const noop = () => {};

afterEach(cleanup);

describe('ServersTable', () => {
  it('shows each server with its running state, named by its UUID when it has no name', () => {
    render(<ServersTable servers={servers} hosts={[]} running={[running(1, true), running(2, false)]} canEdit onEdit={noop} onDelete={noop} onAction={noop} />);
    const table = screen.getByRole('table', { name: 'Servers' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('running')).toBeTruthy();
    expect(within(second!).getByText('stopped')).toBeTruthy();
    expect(within(first!).getByText('0.0.0.0:6001')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit server uuid-2' })).toBeTruthy();
  });

  it('offers Stop for a running server and Start for a stopped one, and shows the action under way', async () => {
    const onAction = vi.fn();
    const { rerender } = render(<ServersTable servers={servers} hosts={[]} running={[running(1, true), running(2, false)]} canEdit onEdit={noop} onDelete={noop} onAction={onAction} />);
    expect((screen.getByRole('button', { name: 'Start main' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Stop main' }));
    expect(onAction).toHaveBeenCalledWith(servers[0], 'stop');
    rerender(<ServersTable servers={servers} hosts={[]} running={[running(1, true), running(2, false)]} canEdit busy={{ id: 1, action: 'stop' }} onEdit={noop} onDelete={noop} onAction={onAction} />);
    expect(screen.getByRole('button', { name: 'Stop main' }).getAttribute('aria-busy')).toBe('true');
    expect((screen.getByRole('button', { name: 'Start uuid-2' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('disables every write for a viewer and says why', () => {
    render(<ServersTable servers={servers} hosts={[]} running={[]} canEdit={false} onEdit={noop} onDelete={noop} onAction={noop} />);
    const del = screen.getByRole('button', { name: 'Delete server main' }) as HTMLButtonElement;
    expect(del.disabled).toBe(true);
    expect(del.title).toBe('needs the operator role');
    expect((screen.getByRole('button', { name: 'Restart main' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
