// The event stream's counters: totals, status classes and the per-interval rate, and following a log's growth.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '@m2/shared';
import { renderAccessLine } from '../../log/access-log.js';
import { CounterBook, LogFollower } from './counters.js';

const e = (status: number, size: number): AccessLogEntry =>
  ({ host: 'h', addr: 'a', port: 1, time: 1, method: 'GET', path: '/', version: 'HTTP/1.1', status, size });

describe('CounterBook', () => {
  it('adds up totals and classes, and gives the rate since the last snapshot', () => {
    const book = new CounterBook(0);
    book.add([e(200, 10), e(204, 0), e(301, 0), e(404, 5), e(502, 1), e(0, 0), e(200, -1)]);
    expect(book.snapshot(3, 2000)).toEqual({
      at: 2000, openConnections: 3, requestsTotal: 7, requestsPerSecond: 3.5, bytesTotal: 16,
      status: { '2xx': 3, '3xx': 1, '4xx': 1, '5xx': 1, other: 1 },
    });
    book.add([e(200, 4)]);
    expect(book.snapshot(0, 2500)).toMatchObject({ requestsTotal: 8, requestsPerSecond: 2, bytesTotal: 20 });
    expect(book.snapshot(0, 3500)).toMatchObject({ requestsPerSecond: 0 });
  });
});

describe('LogFollower', () => {
  const dir = mkdtempSync(join(tmpdir(), 'm2-follow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const line = (size: number) => renderAccessLine({ host: 'h', addr: 'a', port: 1, method: 'GET', path: '/', version: 'HTTP/1.1', status: 200, size }, 1);

  it('starts at the end, then gives only what was appended; a rotated log is read from its start', async () => {
    const f = join(dir, 'access.log');
    writeFileSync(f, line(1) + line(2));
    const follow = new LogFollower(f);
    expect(await follow.next()).toEqual([]);
    appendFileSync(f, line(3) + line(4));
    expect((await follow.next()).map((x) => x.size)).toEqual([3, 4]);
    expect(await follow.next()).toEqual([]);
    writeFileSync(f, line(5));
    expect((await follow.next()).map((x) => x.size)).toEqual([5]);
  });

  it('counts a log that did not exist yet from its first line', async () => {
    const f = join(dir, 'later.log');
    const follow = new LogFollower(f);
    expect(await follow.next()).toEqual([]);
    writeFileSync(f, line(7));
    expect((await follow.next()).map((x) => x.size)).toEqual([7]);
  });
});
