// The live counters of the event stream (issue 6 §5): what the access log grew by since the stream began,
// followed tick by tick (only the appended bytes are read), plus the open connections the control port reports.
// A log that shrinks was rotated and is followed from its start.
import type { AccessLogEntry, Counters } from '@m2/shared';
import { parseAccessLines, readAppended } from './access-tail.js';

/** At most this much new log is read per tick; a burst beyond it is skipped (counted in `skipped`). */
export const FOLLOW_MAX_BYTES = 8 * 1024 * 1024;

/** Running totals over access-log entries, with the rate since the previous snapshot. */
export class CounterBook {
  private requests = 0;
  private bytes = 0;
  private readonly status = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 };
  private sinceLast = 0;
  private lastAt: number;

  constructor(now = Date.now()) {
    this.lastAt = now;
  }

  /** Counts new entries. */
  add(entries: readonly AccessLogEntry[]): void {
    for (const e of entries) {
      this.requests++;
      this.sinceLast++;
      if (e.size > 0) this.bytes += e.size;
      const cls = Math.floor(e.status / 100);
      if (cls >= 2 && cls <= 5) this.status[`${cls}xx` as '2xx' | '3xx' | '4xx' | '5xx']++;
      else this.status.other++;
    }
  }

  /** The counters now; the rate covers the entries added since the previous snapshot. */
  snapshot(openConnections: number, now = Date.now()): Counters {
    const seconds = Math.max(0.001, (now - this.lastAt) / 1000);
    const rate = Math.round((this.sinceLast / seconds) * 100) / 100;
    this.sinceLast = 0;
    this.lastAt = now;
    return { at: now, openConnections, requestsTotal: this.requests, requestsPerSecond: rate, bytesTotal: this.bytes, status: { ...this.status } };
  }
}

/** Follows a log file's growth from where it ends when first read. */
export class LogFollower {
  private offset: number | null = null;
  /** Bursts skipped because they exceeded FOLLOW_MAX_BYTES in one tick. */
  skipped = 0;

  constructor(private path: string) {}

  /** Follows another file (the server's access_log changed) from its end. */
  retarget(path: string): void {
    if (path !== this.path) {
      this.path = path;
      this.offset = null;
    }
  }

  /** The entries appended since the last call (none on the first: it only finds the end). */
  async next(): Promise<AccessLogEntry[]> {
    if (this.offset === null) {
      const first = await readAppended(this.path, Number.MAX_SAFE_INTEGER, 0);
      this.offset = first.size;
      return [];
    }
    const got = await readAppended(this.path, this.offset, FOLLOW_MAX_BYTES);
    if (got.skipped) this.skipped++;
    this.offset = got.next;
    return parseAccessLines(got.lines);
  }
}
