import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ApiClientError, type ApplyOutcome, type ServerOutcome } from '@m2/shared';
import { ApplyOutcomeView } from './ApplyOutcomeView';

afterEach(cleanup);

const main = (o: Partial<ServerOutcome>): ServerOutcome => ({
  serverId: 1, uuid: 'u-1', name: 'main', action: 'reloaded', fingerprint: 'f', probe: { ok: true, status: 200, path: '/', host: 'localhost' }, warnings: [], ...o,
});

describe('ApplyOutcomeView', () => {
  it('says Applied with each server\'s action and probe status', () => {
    const outcome: ApplyOutcome = { ok: true, snapshotId: 7, servers: [main({ warnings: ['port 80 needs root'] })] };
    render(<ApplyOutcomeView outcome={outcome} />);
    const region = screen.getByRole('region', { name: 'Apply result' });
    expect(within(region).getByRole('heading', { name: 'Applied' })).toBeTruthy();
    expect(region.textContent).toContain('reloaded');
    expect(region.textContent).toContain('answered 200');
    expect(within(region).getByRole('list', { name: 'Warnings for main' }).textContent).toBe('port 80 needs root');
    expect(region.textContent).not.toContain('previous configuration');
  });

  it('shows a failed apply from the 409 detail, with the rollback sentence and each server\'s rollback action', () => {
    const detail: ApplyOutcome = {
      ok: false, snapshotId: 9, error: 'server main: reload refused',
      servers: [main({ action: 'failed', error: 'reload refused', probe: { ok: false, reason: 'refused', message: 'ECONNREFUSED', path: '/new/', host: 'localhost' } })],
      rollback: { snapshotId: 8, servers: [main({ action: 'restarted' })] },
    };
    const error = new ApiClientError(409, { code: 'M2_ERR_API_APPLY_FAILED', message: 'not applied: server main: reload refused; the previous configuration was restored', detail });
    render(<ApplyOutcomeView error={error} />);
    const region = screen.getByRole('region', { name: 'Apply result' });
    expect(within(region).getByRole('heading', { name: 'Not applied' })).toBeTruthy();
    expect(within(region).getByRole('alert').textContent).toContain('not applied: server main: reload refused');
    expect(within(region).getByText('The previous configuration was restored (snapshot 8)')).toBeTruthy();
    expect(within(region).getByRole('list', { name: 'Servers after the apply' }).textContent).toContain('failed (refused): ECONNREFUSED');
    expect(within(region).getByRole('list', { name: 'Servers after the rollback' }).textContent).toContain('restarted');
  });

  it('lists per-server validation problems of a 400', () => {
    const error = new ApiClientError(400, {
      code: 'M2_ERR_API_VALIDATION', message: 'the configuration would not load: server main: no default host',
      fields: [{ path: 'servers.1', message: 'server main: no default host', code: 'M2_ERR_API_VALIDATION' }, { path: 'servers.2', message: 'server b: bad route', code: 'M2_ERR_API_VALIDATION' }],
    });
    render(<ApplyOutcomeView error={error} />);
    const items = within(screen.getByRole('list', { name: 'Validation problems' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['server main: no default host', 'server b: bad route']);
    expect(screen.queryByText(/previous configuration was restored/)).toBeNull();
  });

  it('renders nothing before an apply', () => {
    const { container } = render(<ApplyOutcomeView />);
    expect(container.textContent).toBe('');
  });
});
