// Times in the commit log and the snapshot list: SQLite's `CURRENT_TIMESTAMP` text (UTC, "YYYY-MM-DD HH:MM:SS",
// the log table's happened_at) or ISO 8601 (snapshots), shown relative to now with the exact time in a title.

/** Parses a log or snapshot time; null when it is not a time. */
export function parseTime(text: string): Date | null {
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const UNITS: [number, string][] = [[86400 * 365, 'year'], [86400 * 30, 'month'], [86400 * 7, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];

/** "just now", "5 minutes ago", "2 days ago" (or "in …" for a clock ahead of ours). */
export function relativeTime(then: Date, now: Date): string {
  const s = Math.round((now.getTime() - then.getTime()) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return s >= 0 ? `${words} ago` : `in ${words}`;
    }
  }
  const m = Math.max(1, Math.round(abs / 60));
  return s >= 0 ? `${m} minute${m === 1 ? '' : 's'} ago` : `in ${m} minute${m === 1 ? '' : 's'}`;
}
