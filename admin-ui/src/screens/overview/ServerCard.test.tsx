import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Counters, RunningServer } from '@m2/shared';
import { ServerCard } from './ServerCard';
import { serverUrl } from './server-url';

afterEach(cleanup);

const server: RunningServer = {
  id: 2, uuid: 'u-2', name: 'main', running: true, pid: 4242, pidFile: '/run/m.pid', controlEndpoint: 'ipc://run/control',
  startedAt: '2025-01-01T00:00:00Z', uptimeSeconds: 3725, problem: null,
  info: { port: 6767, bindAddr: '127.0.0.1', uuid: 'u-2', chroot: './', accessLog: '', errorLog: '', pidFile: '', defaultHostname: 'localhost' },
};
const tick = (rps: number, open: number): Counters => ({ at: 0, openConnections: open, requestsTotal: 0, requestsPerSecond: rps, bytesTotal: 0, status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 } });
const props = { bind: { addr: '127.0.0.1', port: 6767 }, pending: false, counters: [tick(1, 3), tick(4.5, 7)], canStart: true, starting: false, onStart: () => {} };

describe('ServerCard', () => {
  it('shows a running server live: uptime, connections, the sparkline and its address as a link', () => {
    render(<ServerCard server={server} {...props} />);
    const card = screen.getByRole('region', { name: 'Server main' });
    expect(within(card).getByText('running')).toBeTruthy();
    expect(within(card).getByText('1h 2m')).toBeTruthy();
    expect(within(card).getByText('7')).toBeTruthy();
    expect(within(card).getByRole('img', { name: 'Requests per second of main' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: '127.0.0.1:6767' }).getAttribute('href')).toBe('http://127.0.0.1:6767/');
    expect(within(card).getByRole('link', { name: 'Live connections' }).getAttribute('href')).toBe('/live/2');
    expect(within(card).getByRole('link', { name: 'Control' }).getAttribute('href')).toBe('/control/2');
    expect(within(card).queryByRole('link', { name: 'pending changes' })).toBeNull();
  });

  it('shows a stopped server with pending changes, no live link to its address, and a start for operators only', async () => {
    const onStart = vi.fn();
    const stopped = { ...server, name: '', running: false, pid: null, uptimeSeconds: null, info: null };
    const { rerender } = render(<ServerCard server={stopped} {...props} pending onStart={onStart} />);
    const card = screen.getByRole('region', { name: 'Server u-2' });
    expect(within(card).getByText('stopped')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'pending changes' }).getAttribute('href')).toBe('/apply');
    expect(within(card).queryByRole('link', { name: '127.0.0.1:6767' })).toBeNull();
    expect(within(card).queryByRole('img')).toBeNull();
    await userEvent.click(within(card).getByRole('button', { name: 'Start server' }));
    expect(onStart).toHaveBeenCalledOnce();
    rerender(<ServerCard server={stopped} {...props} canStart={false} onStart={onStart} />);
    expect((screen.getByRole('button', { name: 'Start server' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('turns a wildcard or IPv6 bind address into a reachable URL', () => {
    expect(serverUrl('0.0.0.0', 6767, 'console.example')).toBe('http://console.example:6767/');
    expect(serverUrl('::1', 80, 'x')).toBe('http://[::1]:80/');
  });
});
