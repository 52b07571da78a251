import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError, type ApplyOutcome } from '@m2/shared';
import { RestoreDialog } from './RestoreDialog';

afterEach(cleanup);

describe('RestoreDialog', () => {
  it('needs a why, applies by default, and can restore without applying', async () => {
    const onRestore = vi.fn();
    render(<RestoreDialog id={4} onRestore={onRestore} onClose={() => {}} busy={false} />);
    expect(screen.getByRole('dialog', { name: 'Restore version 4' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(onRestore).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('say why: the commit log keeps it');
    expect((screen.getByRole('checkbox', { name: 'Apply it now' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.type(screen.getByLabelText('Why'), 'back to the working one');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Apply it now' }));
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(onRestore).toHaveBeenCalledWith({ why: 'back to the working one', apply: false });
  });

  it('shows a failed apply of the restored version with its rollback', () => {
    const detail: ApplyOutcome = { ok: false, snapshotId: 12, error: 'server main: bad', servers: [], rollback: { snapshotId: 11, servers: [] } };
    const error = new ApiClientError(409, { code: 'M2_ERR_API_APPLY_FAILED', message: 'not applied: server main: bad', detail });
    render(<RestoreDialog id={4} onRestore={() => {}} onClose={() => {}} busy={false} error={error} />);
    const region = screen.getByRole('region', { name: 'Apply result' });
    expect(within(region).getByRole('heading', { name: 'Not applied' })).toBeTruthy();
    expect(region.textContent).toContain('The previous configuration was restored (snapshot 11)');
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
  });
});
