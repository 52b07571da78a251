import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ServerConnection } from '@m2/shared';
import { ConnectionsTable } from './ConnectionsTable';
import { filterConnections, sortConnections } from './connections';

// jsdom lays nothing out: give the scroll box a height so the virtualiser has a viewport (about 11 rows).
const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 }));
afterAll(() => { if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height); });
afterEach(cleanup);

const conn = (i: number, o: Partial<ServerConnection> = {}): ServerConnection => ({
  id: i, fd: 100 + i, type: 1, typeName: 'HTTP', lastPing: 0, lastRead: i + 1, lastWrite: 0, bytesRead: 1000 - i, bytesWritten: i * 10, ...o,
});
const few = [conn(1), conn(-1, { fd: 7, type: 3, typeName: 'WS', bytesRead: 5, lastRead: 5 }), conn(2, { bytesRead: 2000 })];
const table = () => screen.getByRole('table', { name: 'Connections' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const firstCells = () => bodyRows().map((r) => within(r).getAllByRole('cell')[1]!.textContent);

describe('ConnectionsTable', () => {
  it('sorts by a header button, both ways, with aria-sort', async () => {
    render(<ConnectionsTable connections={few} total={3} canKill onKill={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Bytes read' }));
    expect(firstCells()).toEqual(['7', '101', '102']);
    expect(within(table()).getByRole('columnheader', { name: /Bytes read/ }).getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(screen.getByRole('button', { name: 'Bytes read' }));
    expect(firstCells()).toEqual(['102', '101', '7']);
    await userEvent.click(screen.getByRole('button', { name: 'Idle' }));
    expect(firstCells()).toEqual(['101', '102', '7']);
  });

  it('filters by id or type and counts what matches', async () => {
    render(<ConnectionsTable connections={few} total={3} canKill onKill={() => {}} />);
    expect(screen.getByText('3 connections')).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter connections' }), 'ws');
    expect(firstCells()).toEqual(['7']);
    expect(screen.getByText('1 of 3 connections match')).toBeTruthy();
  });

  it('kills only connections with an id, and only for operators', async () => {
    const onKill = vi.fn();
    const { rerender } = render(<ConnectionsTable connections={few} total={3} canKill onKill={onKill} />);
    const noId = screen.getByRole('button', { name: 'Kill connection on fd 7' }) as HTMLButtonElement;
    expect(noId.disabled).toBe(true);
    expect(noId.title).toMatch(/only those can be killed/);
    await userEvent.click(screen.getByRole('button', { name: 'Kill connection 2' }));
    expect(onKill).toHaveBeenCalledWith(few[2]);
    rerender(<ConnectionsTable connections={few} total={3} canKill={false} onKill={onKill} />);
    const viewer = screen.getByRole('button', { name: 'Kill connection 1' }) as HTMLButtonElement;
    expect(viewer.disabled).toBe(true);
    expect(viewer.title).toBe('needs the operator role');
  });

  it('renders far fewer DOM rows than 10,000 connections, and says the stream carries only some', () => {
    const many = Array.from({ length: 10000 }, (_, i) => conn(i));
    render(<ConnectionsTable connections={many} total={25000} canKill onKill={() => {}} />);
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThan(50);
    expect(table().getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getByText(/the live stream carries only the first 10000 of 25000/)).toBeTruthy();
  });

  it('filters 10,000 rows by type and sorts them by idle time, most idle first', () => {
    const many = Array.from({ length: 10000 }, (_, i) => conn(i, { typeName: i % 3 ? 'HTTP' : 'WS' }));
    const out = sortConnections(filterConnections(many, 'http'), { key: 'idle', dir: 'desc' });
    expect(out).toHaveLength(6666);
    expect(out.every((c) => c.typeName === 'HTTP')).toBe(true);
    const idle = out.map((c) => c.lastRead);
    expect(idle.every((v, i) => i === 0 || idle[i - 1]! >= v)).toBe(true);
  });
});
