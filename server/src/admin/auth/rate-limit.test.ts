// Sign-in throttling on a fake clock.
import { describe, expect, it } from 'vitest';
import { LoginLimiter, MAX_FAILURES, WINDOW_MS } from './rate-limit.js';

function limiter(start = 1_000_000) {
  const clock = { now: start };
  return { clock, l: new LoginLimiter(() => clock.now) };
}

describe('LoginLimiter', () => {
  it('allows five failures for a username, then refuses until the first ages out of the window', () => {
    const { clock, l } = limiter();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(l.retryAfter('bob', `10.0.0.${i}`)).toBe(0);
      l.failed('bob', `10.0.0.${i}`);
      clock.now += 1000;
    }
    expect(l.retryAfter('bob', '10.0.0.99')).toBe(WINDOW_MS / 1000 - 5);
    expect(l.retryAfter('alice', '10.0.0.99')).toBe(0);
    clock.now = 1_000_000 + WINDOW_MS;
    expect(l.retryAfter('bob', '10.0.0.99')).toBe(0);
  });

  it('counts failures per client address across usernames', () => {
    const { l } = limiter();
    for (let i = 0; i < MAX_FAILURES; i++) l.failed(`user${i}`, '192.0.2.1');
    expect(l.retryAfter('someone-else', '192.0.2.1')).toBe(WINDOW_MS / 1000);
    expect(l.retryAfter('someone-else', '192.0.2.2')).toBe(0);
  });

  it("clears a username's count on success but not the address's", () => {
    const { l } = limiter();
    for (let i = 0; i < MAX_FAILURES - 1; i++) l.failed('bob', '192.0.2.1');
    l.succeeded('bob');
    l.failed('bob', '192.0.2.9');
    expect(l.retryAfter('bob', '192.0.2.9')).toBe(0);
    l.failed('carol', '192.0.2.1');
    expect(l.retryAfter('dave', '192.0.2.1')).toBe(WINDOW_MS / 1000);
  });

  it('waits for enough failures to leave the window when there are more than five', () => {
    const { clock, l } = limiter();
    for (let i = 0; i < 7; i++) {
      l.failed('bob', '192.0.2.1');
      clock.now += 60_000;
    }
    // Failures at 0..6 minutes, now = 7 minutes: below five again once the third (at 2 minutes) is 15 minutes old.
    expect(l.retryAfter('bob', '192.0.2.2')).toBe((2 * 60_000 + WINDOW_MS - 7 * 60_000) / 1000);
  });
});
