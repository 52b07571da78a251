// Sign-in throttling (issue 6 §8): after 5 failed sign-ins for one username, or from one client address, within
// 15 minutes, further attempts are refused with 429 before any password is checked. The counts live in memory,
// not the database: the console is a single process, a restart forgetting them costs an attacker a restart the
// operator would notice, and failed attempts then never take SQLite's write lock (which m2sh and every console
// write share) nor let an attacker grow the database. A success clears the username's count, not the address's,
// so one valid account cannot be used to keep guessing others' passwords from the same place.

/** Failures allowed per key within the window. */
export const MAX_FAILURES = 5;

/** The window failures are counted in. */
export const WINDOW_MS = 15 * 60 * 1000;

/** Keys tracked at most; beyond this the oldest are forgotten, so a flood of names cannot exhaust memory. */
const MAX_KEYS = 10_000;

/** Counts failed sign-ins per username and per client address. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until an attempt for `username` from `ip` may be tried, or 0 when it may be tried now. */
  retryAfter(username: string, ip: string): number {
    let until = 0;
    for (const key of [`u:${username}`, `ip:${ip}`]) {
      const times = this.recent(key);
      if (times.length >= MAX_FAILURES) until = Math.max(until, times[times.length - MAX_FAILURES]! + WINDOW_MS);
    }
    return until === 0 ? 0 : Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  /** Counts a failed attempt against the username and the address. */
  failed(username: string, ip: string): void {
    for (const key of [`u:${username}`, `ip:${ip}`]) {
      const times = this.recent(key);
      this.failures.delete(key);
      this.failures.set(key, [...times, this.now()]);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Clears the username's count after a successful sign-in. */
  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
