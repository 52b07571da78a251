import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Rec } from '../../queries/model';
import { TargetsTable } from './TargetsTable';
import type { AnyTarget } from './target-kinds';

const proxies: AnyTarget[] = [
  { id: 1, addr: '127.0.0.1', port: 8080, version: '1'.repeat(16) },
  { id: 2, addr: 'backend.local', port: 9000, version: '2'.repeat(16) },
];
const route = (id: number, path: string, kind: 'proxy' | 'dir', targetId: number): Rec<'routes'> => ({ id, hostId: 7, path, reversed: 0, target: { kind, id: targetId }, version: '0'.repeat(16) });
const routes = [route(1, '/api/', 'proxy', 1), route(2, '/v2/', 'proxy', 1), route(3, '/static/', 'dir', 2)];
const hosts: Rec<'hosts'>[] = [{ id: 7, serverId: 1, name: 'example.com', matching: 'example.com', maintenance: 0, version: '0'.repeat(16) }];

afterEach(cleanup);

describe('TargetsTable', () => {
  it('says which routes use each target, each linked to its edit dialog', () => {
    render(<TargetsTable kind="proxy" targets={proxies} routes={routes} hosts={hosts} canEdit onEdit={() => {}} onDelete={() => {}} />);
    const [, first, second] = within(screen.getByRole('table', { name: 'Proxies' })).getAllByRole('row');
    expect(first!.textContent).toContain('2 routes: /api/, /v2/');
    expect(within(first!).getByRole('link', { name: '/v2/' }).getAttribute('href')).toBe('/hosts/7?route=2');
    // Route 3 points at dir 2, not proxy 2.
    expect(second!.textContent).toContain('no routes');
  });

  it('names row buttons by addr:port and hands the row to them', async () => {
    const onDelete = vi.fn();
    render(<TargetsTable kind="proxy" targets={proxies} routes={routes} hosts={hosts} canEdit onEdit={() => {}} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete proxy backend.local:9000' }));
    expect(onDelete).toHaveBeenCalledWith(proxies[1]);
    expect(screen.getByRole('button', { name: 'Edit proxy 127.0.0.1:8080' })).toBeTruthy();
  });

  it('sorts by how many routes use a target', async () => {
    render(<TargetsTable kind="proxy" targets={proxies} routes={routes} hosts={hosts} canEdit onEdit={() => {}} onDelete={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Used by' }));
    const rows = within(screen.getByRole('table', { name: 'Proxies' })).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('backend.local');
  });
});
