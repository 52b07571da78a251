import { describe, expect, it } from 'vitest';
import type { ServerConnection } from '@m2/shared';
import { describeCount, filterConnections, idleSeconds, sortConnections } from './connections';

const conn = (o: Partial<ServerConnection>): ServerConnection => ({
  id: 1, fd: 10, type: 1, typeName: 'HTTP', lastPing: 0, lastRead: 0, lastWrite: 0, bytesRead: 0, bytesWritten: 0, ...o,
});

describe('connections', () => {
  it('takes idle seconds from the more recent of last read and last write (seconds ago)', () => {
    expect(idleSeconds(conn({ lastRead: 30, lastWrite: 12 }))).toBe(12);
    expect(idleSeconds(conn({ lastRead: 7, lastWrite: 0 }))).toBe(7);
    expect(idleSeconds(conn({ lastRead: 0, lastWrite: 0 }))).toBe(0);
  });

  it('filters by id and by type name', () => {
    const list = [conn({ id: 12, fd: 1 }), conn({ id: -1, fd: 2, type: 3, typeName: 'WS' }), conn({ id: 5, fd: 3, type: 2, typeName: 'MSG' })];
    expect(filterConnections(list, '12').map((c) => c.fd)).toEqual([1]);
    expect(filterConnections(list, 'ws').map((c) => c.fd)).toEqual([2]);
    expect(filterConnections(list, ' ')).toBe(list);
  });

  it('filters by idle seconds and bytes with comparisons, every word having to match', () => {
    const list = [
      conn({ id: 1, fd: 1, lastRead: 40, lastWrite: 35, bytesRead: 5000, bytesWritten: 10 }),
      conn({ id: 2, fd: 2, lastRead: 3, lastWrite: 90, bytesRead: 100, bytesWritten: 0 }),
      conn({ id: 3, fd: 3, type: 3, typeName: 'WS', lastRead: 60, lastWrite: 61, bytesRead: 2000, bytesWritten: 900 }),
    ];
    const fds = (q: string) => filterConnections(list, q).map((c) => c.fd);
    expect(fds('idle>30')).toEqual([1, 3]);
    expect(fds('idle>30 read>=5000')).toEqual([1]);
    expect(fds('written<10')).toEqual([2]);
    expect(fds('bytes=1010 http')).toEqual([]);
    expect(fds('bytes=5010')).toEqual([1]);
    expect(fds('ws idle<=60')).toEqual([3]);
    expect(fds('id=2')).toEqual([2]);
  });

  it('sorts by idle and bytes both ways, ties broken by fd, without touching the input', () => {
    const list = [conn({ fd: 3, lastRead: 90, bytesRead: 5 }), conn({ fd: 1, lastRead: 50, bytesRead: 5 }), conn({ fd: 2, bytesRead: 9 })];
    expect(sortConnections(list, { key: 'idle', dir: 'desc' }).map((c) => c.fd)).toEqual([3, 1, 2]);
    expect(sortConnections(list, { key: 'bytesRead', dir: 'asc' }).map((c) => c.fd)).toEqual([1, 3, 2]);
    expect(sortConnections(list, { key: 'bytesRead', dir: 'desc' }).map((c) => c.fd)).toEqual([2, 1, 3]);
    expect(list.map((c) => c.fd)).toEqual([3, 1, 2]);
  });

  it('says when the stream carries only the first rows', () => {
    expect(describeCount(1000, 1000, 1000, false)).toBe('1000 connections');
    expect(describeCount(1000, 1000, 10000, false)).toBe('10000 connections (the live stream carries only the first 1000 of 10000)');
    expect(describeCount(3, 20, 20, true)).toBe('3 of 20 connections match');
  });
});
