import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Host, RouteRecord } from '@m2/shared';
import { GetStarted } from './GetStarted';

afterEach(cleanup);

const host: Host = { id: 4, serverId: 1, name: 'localhost', matching: 'localhost', maintenance: 0 };
const route: RouteRecord = { id: 9, hostId: 4, path: '/docs/', reversed: 0, target: { kind: 'dir', id: 1 } };

describe('GetStarted', () => {
  it('leads a fresh configuration through host, route, apply and test', () => {
    render(<GetStarted hosts={[]} routes={[]} anyRunning={false} pending={false} />);
    const card = screen.getByRole('region', { name: 'Get started' });
    expect(within(card).getByRole('link', { name: 'Add a host' }).getAttribute('href')).toBe('/hosts?new=1');
    expect(within(card).queryByRole('link', { name: 'Add a route' })).toBeNull();
    expect(within(card).getByRole('link', { name: 'Apply' }).getAttribute('href')).toBe('/apply');
    expect(within(card).getByRole('link', { name: 'Test it' }).getAttribute('href')).toBe('/route-tester');
    expect(card.textContent).toContain('No server is running');
    expect(within(card).queryByText('done')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Hide getting started' })).toBeNull();
  });

  it('ticks off what exists and points the test at the newest route', () => {
    render(<GetStarted hosts={[host]} routes={[route]} anyRunning pending={false} serverUrl="http://127.0.0.1:6767/" onHide={() => {}} />);
    const card = screen.getByRole('region', { name: 'Get started' });
    expect(within(card).getAllByText('done')).toHaveLength(3);
    expect(within(card).getByRole('link', { name: 'Add a route' }).getAttribute('href')).toBe('/hosts/4');
    expect(within(card).getByRole('link', { name: 'Test it' }).getAttribute('href')).toBe('/route-tester?url=%2Fdocs%2F&host=localhost');
    expect(within(card).getByRole('link', { name: 'http://127.0.0.1:6767/docs/' })).toBeTruthy();
  });
});
