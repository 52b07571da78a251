import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Log } from '@m2/shared';
import { LogTimeline } from './LogTimeline';
import { relativeTime, parseTime } from './relative-time';

afterEach(cleanup);

const entries: Log[] = [
  { id: 3, who: 'alice', what: 'route /static/ created', location: 'box', how: 'console', why: 'serve the docs', happenedAt: '2025-01-02 10:00:00' },
  { id: 2, who: 'bob', what: 'load', location: 'box', how: 'mongrel2.conf', why: 'command', happenedAt: '2025-01-02 09:00:00' },
  { id: 1, who: 'bob', what: 'init', location: 'box', how: 'm2sh', why: null, happenedAt: '2025-01-01 09:00:00' },
];
const now = new Date('2025-01-02T10:05:00Z');
const items = () => within(screen.getByRole('list', { name: 'Commit log' })).queryAllByRole('listitem');

describe('LogTimeline', () => {
  it('shows who, what, why, how and a relative time with the exact time as title', () => {
    render(<LogTimeline entries={entries} now={now} />);
    expect(items()).toHaveLength(3);
    const first = items()[0]!;
    expect(first.textContent).toContain('route /static/ created');
    expect(first.textContent).toContain('Why: serve the docs');
    expect(within(first).getByText('console')).toBeTruthy();
    const time = within(first).getByText('5 minutes ago');
    expect(time.getAttribute('title')).toBe('2025-01-02T10:00:00.000Z');
    expect(within(items()[1]!).getByText('m2sh')).toBeTruthy();
    expect(items()[2]!.textContent).toContain('No reason given');
  });

  it('filters by any word of who, what, why or how', async () => {
    render(<LogTimeline entries={entries} now={now} />);
    const box = screen.getByRole('searchbox', { name: 'Filter commit log' });
    await userEvent.type(box, 'BOB');
    expect(items().map((li) => li.textContent?.includes('bob'))).toEqual([true, true]);
    await userEvent.clear(box);
    await userEvent.type(box, 'docs');
    expect(items()).toHaveLength(1);
    expect(screen.getByText('1 of 3 entries match')).toBeTruthy();
    await userEvent.type(box, 'zzz');
    expect(items()).toHaveLength(0);
    expect(screen.getByText('Nothing matches the filter.')).toBeTruthy();
  });

  it('reads SQLite and ISO times alike', () => {
    expect(parseTime('2025-01-02 10:00:00')?.toISOString()).toBe('2025-01-02T10:00:00.000Z');
    expect(parseTime('2025-01-02T10:00:00.123Z')?.getTime()).toBe(Date.UTC(2025, 0, 2, 10, 0, 0, 123));
    expect(parseTime('yesterday')).toBeNull();
    expect(relativeTime(new Date('2025-01-01T10:05:00Z'), now)).toBe('1 day ago');
    expect(relativeTime(new Date('2025-01-02T10:04:50Z'), now)).toBe('just now');
  });
});
