import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, type Column } from './DataTable';

interface Row { id: number; path: string; bytes: number }
const rows: Row[] = [{ id: 1, path: '/static/', bytes: 300 }, { id: 2, path: '/app', bytes: 20 }, { id: 3, path: '/api/v10', bytes: 1000 }];
const columns: Column<Row>[] = [
  { key: 'path', header: 'Path', render: (r) => r.path, value: (r) => r.path },
  { key: 'bytes', header: 'Bytes', render: (r) => String(r.bytes), value: (r) => r.bytes },
];
const bodyTexts = () => within(screen.getByRole('table', { name: 'Routes' })).getAllByRole('row').slice(1).map((r) => r.textContent);

afterEach(cleanup);

describe('DataTable', () => {
  it('sorts numerically by a header button, both ways, and says so with aria-sort', async () => {
    render(<DataTable caption="Routes" rows={rows} columns={columns} rowKey={(r) => r.id} />);
    await userEvent.click(screen.getByRole('button', { name: 'Bytes' }));
    expect(bodyTexts()).toEqual(['/app20', '/static/300', '/api/v101000']);
    expect(screen.getByRole('columnheader', { name: /Bytes/ }).getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(screen.getByRole('button', { name: /Bytes/ }));
    expect(bodyTexts()).toEqual(['/api/v101000', '/static/300', '/app20']);
  });

  it('filters on any column and says when nothing matches', async () => {
    render(<DataTable caption="Routes" rows={rows} columns={columns} rowKey={(r) => r.id} filterLabel="Filter routes" />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter routes' }), 'API');
    expect(bodyTexts()).toEqual(['/api/v101000']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Filter routes' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter routes' }), 'nothing-like-this');
    expect(bodyTexts()).toEqual(['Nothing matches the filter.']);
  });
});
