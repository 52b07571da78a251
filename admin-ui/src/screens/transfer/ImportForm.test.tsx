import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError, IMPORT_SECTIONS, IMPORT_TABLES, type ImportPreview, type TableDiff } from '@m2/shared';
import { ImportForm } from './ImportForm';

afterEach(cleanup);

const same: ImportPreview = {
  changes: Object.fromEntries(IMPORT_SECTIONS.map((s): [string, TableDiff] => [s, { added: [], removed: [], changed: [] }])) as ImportPreview['changes'],
  counts: Object.fromEntries(IMPORT_TABLES.map((t) => [t, { before: 1, after: 1 }])) as ImportPreview['counts'],
  unchanged: true,
  warnings: [],
};

const base = { canImport: true, error: null, previewing: false, importing: false, onPreview: () => {}, onImport: () => {}, onEdit: () => {} };

describe('ImportForm', () => {
  it('fills the text from a chosen file and previews it under the file name', async () => {
    const onPreview = vi.fn();
    render(<ImportForm {...base} onPreview={onPreview} />);
    const file = new File(['servers = []\n'], 'site.conf', { type: 'text/plain' });
    await userEvent.upload(screen.getByLabelText('Config file to import'), file);
    await waitFor(() => expect((screen.getByLabelText('Config text') as HTMLTextAreaElement).value).toBe('servers = []\n'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    expect(onPreview).toHaveBeenCalledWith({ source: 'servers = []\n', filename: 'site.conf' });
  });

  it('lists each file:line:col problem the API names under the text', () => {
    const refused = new ApiClientError(400, {
      code: 'M2_ERR_API_VALIDATION', message: 'site.conf does not load',
      fields: [{ path: 'source', message: "site.conf:3:7: expected ']'", code: 'M2_ERR_CONF_SYNTAX' }, { path: 'source', message: 'site.conf:9:1: unknown handler h', code: 'M2_ERR_CONF_REF' }],
    });
    render(<ImportForm {...base} error={refused} />);
    const list = screen.getByRole('list', { name: 'Problems in the config file' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(["site.conf:3:7: expected ']'", 'site.conf:9:1: unknown handler h']);
    expect(screen.getByLabelText('Config text').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks why before importing, and imports the previewed text', async () => {
    const onImport = vi.fn();
    render(<ImportForm {...base} preview={same} onImport={onImport} />);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Config text'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Why').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/why is required/);
    await userEvent.type(screen.getByLabelText('Why'), 'move to the new layout');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledWith({ source: 'x', filename: undefined, why: 'move to the new layout' });
  });

  it('disables Import for a viewer', () => {
    render(<ImportForm {...base} canImport={false} preview={same} />);
    const button = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('needs the operator role');
  });
});
