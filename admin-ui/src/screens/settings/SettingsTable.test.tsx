import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SETTINGS_CATALOG } from '@m2/shared';
import { SettingsTable, settingLines } from './SettingsTable';

afterEach(cleanup);

const set = [
  { id: 1, key: 'limits.buffer_size', value: '8192', version: 'a' },
  { id: 2, key: 'zz.custom', value: 'x', version: 'b' },
];

describe('SettingsTable', () => {
  it('lists every catalogue key, then the free keys, with Set, Edit and Reset buttons named by key', () => {
    const lines = settingLines(set);
    expect(lines).toHaveLength(Object.keys(SETTINGS_CATALOG).length + 1);
    expect(lines.at(-1)!.key).toBe('zz.custom');
    render(<SettingsTable lines={lines} canEdit onEdit={() => {}} onReset={() => {}} />);
    const table = screen.getByRole('table', { name: 'Settings' });
    expect(within(table).getByRole('button', { name: 'Edit limits.buffer_size' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Reset limits.buffer_size' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Set limits.min_ping' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Reset limits.min_ping' })).toBeNull();
    expect(within(table).getByRole('button', { name: 'Edit zz.custom' })).toBeTruthy();
  });

  it('disables writes for a viewer and says why', async () => {
    const onEdit = vi.fn();
    render(<SettingsTable lines={settingLines(set)} canEdit={false} onEdit={onEdit} onReset={() => {}} />);
    const edit = screen.getByRole('button', { name: 'Edit limits.buffer_size' }) as HTMLButtonElement;
    expect(edit.disabled).toBe(true);
    expect(edit.title).toBe('needs the operator role');
    await userEvent.click(edit);
    expect(onEdit).not.toHaveBeenCalled();
  });
});
