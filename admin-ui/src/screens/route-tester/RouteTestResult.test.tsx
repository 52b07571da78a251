import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { RouteTestAnswer } from '@m2/shared';
import { RouteTestResult } from './RouteTestResult';

afterEach(cleanup);

const served: RouteTestAnswer = {
  server: { id: 1, uuid: 'u-1', name: 'main' }, serverChoice: 'only',
  request: { host: 'example.com', path: '/static/app.js', query: 'v=2' },
  host: { id: 3, name: 'example.com', matching: 'example.com', matched: 'exact' },
  route: { id: 9, path: '/static/', prefix: '/static/', kind: 'prefix', matched: 'prefix' },
  target: { kind: 'dir', id: 4, base: 'static/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 },
  status: 200,
  steps: ['Server main is the only server.', 'Host example.com matches exactly.', 'Route /static/ matches as a prefix.'],
};

describe('RouteTestResult', () => {
  it('shows status, host and route with how they matched, the target and the ordered steps', () => {
    render(<RouteTestResult answer={served} />);
    const region = screen.getByRole('region', { name: 'Route test result' });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('200 Would be served');
    expect(region.textContent).toContain('matched exactly');
    expect(region.textContent).toContain('prefix route, matched as a prefix');
    expect(region.textContent).toContain('query v=2 is not used to route');
    expect(within(region).getByText('dir')).toBeTruthy();
    expect(within(region).getByText('static/')).toBeTruthy();
    const link = within(region).getByRole('link', { name: 'Open route /static/ on host example.com' });
    expect(link.getAttribute('href')).toBe('/hosts/3?route=9');
    const steps = within(within(region).getByRole('list', { name: 'Steps' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps).toEqual(served.steps);
  });

  it('explains a 404 with no route and no link', () => {
    const answer: RouteTestAnswer = { ...served, route: null, target: null, status: 404, steps: ['No route matches /nope.'] };
    render(<RouteTestResult answer={answer} />);
    const region = screen.getByRole('region', { name: 'Route test result' });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('404 Not Found');
    expect(region.textContent).toContain('No route of the host matches the path');
    expect(within(region).queryByRole('link')).toBeNull();
  });
});
