import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { IMPORT_SECTIONS, IMPORT_TABLES, type ImportPreview, type TableDiff } from '@m2/shared';
import { ImportPreviewView } from './ImportPreviewView';

afterEach(cleanup);

const none = (): TableDiff => ({ added: [], removed: [], changed: [] });

function preview(over: Partial<Record<(typeof IMPORT_SECTIONS)[number], TableDiff>>, warnings: string[] = []): ImportPreview {
  const changes = Object.fromEntries(IMPORT_SECTIONS.map((s) => [s, over[s] ?? none()])) as ImportPreview['changes'];
  const counts = Object.fromEntries(IMPORT_TABLES.map((t) => [t, { before: 2, after: t === 'route' ? 3 : 2 }])) as ImportPreview['counts'];
  return { changes, counts, unchanged: Object.keys(over).length === 0 && warnings.length === 0, warnings };
}

describe('ImportPreviewView', () => {
  it('lists added, removed and changed rows by their keys, per section', () => {
    render(<ImportPreviewView preview={preview({
      routes: {
        added: [{ key: ['uuid-1', 'localhost', '/new/'], values: { path: '/new/' } }],
        removed: [{ key: ['uuid-1', 'localhost', '/old/'], values: { path: '/old/' } }],
        changed: [{ key: ['uuid-1', 'localhost', '/app/'], before: { target: 'handler a', reversed: 0 }, after: { target: 'handler b', reversed: 0 }, fields: ['target'] }],
      },
      settings: { added: [{ key: ['limits.buffer_size'], values: { value: '8192' } }], removed: [], changed: [] },
    })} />);
    const routes = screen.getByRole('region', { name: 'Routes changes' });
    const items = within(routes).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '+added: uuid-1 › localhost › /new/',
      '−removed: uuid-1 › localhost › /old/',
      '~changed: uuid-1 › localhost › /app/: target "handler a" → "handler b"',
    ]);
    expect(within(screen.getByRole('region', { name: 'Settings changes' })).getByText(/limits\.buffer_size/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Hosts changes' })).toBeNull();
    expect(screen.getByText(/Changes in Routes, Settings/)).toBeTruthy();
    const counts = within(screen.getByRole('table', { name: 'Row counts before and after' })).getByText('Routes').closest('tr')!;
    expect(counts.textContent).toBe('Routes23');
  });

  it('shows the warnings, and says unchanged when the file matches', () => {
    const { rerender } = render(<ImportPreviewView preview={preview({}, ['filter on server x ignored: no such file'])} />);
    expect(within(screen.getByRole('region', { name: 'Warnings' })).getByText('filter on server x ignored: no such file')).toBeTruthy();
    expect(screen.queryByText('unchanged')).toBeNull();
    const same = { ...preview({}), unchanged: true };
    rerender(<ImportPreviewView preview={same} />);
    expect(screen.getByText('unchanged')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Warnings' })).toBeNull();
  });
});
