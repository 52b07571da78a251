import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MimetypeTable, PAGE_SIZE, searchMimetypes } from './MimetypeTable';

afterEach(cleanup);

const many = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, extension: `.x${String(i).padStart(3, '0')}`, mimetype: 'application/x-test', version: 'v' }));
const named = [
  { id: 1001, extension: '.shtml', mimetype: 'text/html', version: 'v' },
  { id: 1002, extension: '.htm', mimetype: 'text/html', version: 'v' },
  { id: 1003, extension: '.html', mimetype: 'text/html', version: 'v' },
  { id: 1004, extension: '.css', mimetype: 'text/css', version: 'v' },
];
const bodyRows = () => within(screen.getByRole('table', { name: 'MIME types' })).getAllByRole('row').slice(1);

describe('searchMimetypes', () => {
  it('matches extension or type, the exact extension first', () => {
    expect(searchMimetypes(named, 'html').map((r) => r.extension)).toEqual(['.html', '.shtml', '.htm']);
    expect(searchMimetypes(named, 'TEXT/CSS').map((r) => r.extension)).toEqual(['.css']);
  });
});

describe('MimetypeTable', () => {
  it('shows one page at a time and pages through', async () => {
    render(<MimetypeTable rows={many} canEdit onEdit={() => {}} onDelete={() => {}} />);
    expect(bodyRows()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText(/Page 1 of 3/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(bodyRows()).toHaveLength(20);
    expect(bodyRows()[0]!.textContent).toContain('.x100');
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches all rows, back on page one, and names Edit and Delete by extension', async () => {
    const onDelete = vi.fn();
    render(<MimetypeTable rows={[...many, ...named]} canEdit onEdit={() => {}} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search MIME types' }), 'html');
    expect(bodyRows().map((r) => (r as HTMLTableRowElement).cells[0]!.textContent)).toEqual(['.html', '.shtml', '.htm']);
    await userEvent.click(screen.getByRole('button', { name: 'Delete .shtml' }));
    expect(onDelete).toHaveBeenCalledWith(named[0]);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search MIME types' }), 'zzz');
    expect(bodyRows()[0]!.textContent).toBe('No MIME type matches the search.');
  });
});
