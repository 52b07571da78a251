import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import { BackupForm } from './BackupForm';

afterEach(cleanup);

describe('BackupForm', () => {
  it('needs a file and a why, then confirms before restoring', async () => {
    const onRestore = vi.fn();
    render(<BackupForm canRestore error={null} busy={false} onRestore={onRestore} />);
    expect(screen.getByRole('link', { name: 'Download backup' }).getAttribute('href')).toBe('/api/backup');
    await userEvent.click(screen.getByRole('button', { name: 'Restore backup' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'choose a backup file (a config.sqlite) first', 'why is required: say why you are making this change',
    ]);
    await userEvent.upload(screen.getByLabelText('Backup file'), new File([new Uint8Array([83, 81, 76])], 'config.sqlite'));
    await userEvent.type(screen.getByLabelText('Why'), 'roll back');
    await userEvent.click(screen.getByRole('button', { name: 'Restore backup' }));
    expect(screen.getByRole('dialog', { name: 'Restore backup?' }).textContent).toMatch(/Users and the commit log are kept/);
    expect(onRestore).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Restore backup' }));
    await waitFor(() => expect(onRestore).toHaveBeenCalledOnce());
    expect([...onRestore.mock.calls[0]![0].file]).toEqual([83, 81, 76]);
    expect(onRestore.mock.calls[0]![0].why).toBe('roll back');
  });

  it("shows the API's refusal of the file next to it, and the restored rows", () => {
    const refused = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'bad', fields: [{ path: 'body', message: 'the upload is not an SQLite database', code: 'M2_ERR_API_VALIDATION' }] });
    const { rerender } = render(<BackupForm canRestore error={refused} busy={false} onRestore={() => {}} />);
    expect(screen.getByLabelText('Backup file').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('the upload is not an SQLite database');
    rerender(<BackupForm canRestore error={null} result={{ restored: true, rows: { server: 1, route: 4 } }} busy={false} onRestore={() => {}} />);
    expect(screen.getByRole('table', { name: 'Restored rows' }).textContent).toContain('route4');
  });

  it('disables the restore for anyone but an admin', () => {
    render(<BackupForm canRestore={false} error={null} busy={false} onRestore={() => {}} />);
    const button = screen.getByRole('button', { name: 'Restore backup' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('needs the admin role');
  });
});
