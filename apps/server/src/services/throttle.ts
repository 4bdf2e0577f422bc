/**
 * Growing back-off after failures (sign-in, password reset), keyed by e.g. IP and email. After
 * `freeAttempts` failures each further failure doubles the wait, up to `maxDelaySeconds`. In memory:
 * each instance throttles on its own, which bounds an attacker to N× the rate with N instances.
 */
export class Throttle {
  private readonly failures = new Map<string, { count: number; blockedUntil: number; lastAt: number }>();

  constructor(
    private readonly freeAttempts = 5,
    private readonly maxDelaySeconds = 15 * 60,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt for this key, 0 when allowed. */
  retryAfter(key: string): number {
    const f = this.failures.get(key);
    if (!f) {
      return 0;
    }
    const wait = Math.ceil((f.blockedUntil - this.now()) / 1000);
    return Math.max(wait, 0);
  }

  fail(key: string): void {
    const now = this.now();
    const f = this.failures.get(key) ?? { count: 0, blockedUntil: 0, lastAt: now };
    // Forget failures older than a day.
    if (now - f.lastAt > 24 * 3600 * 1000) {
      f.count = 0;
    }
    f.count += 1;
    f.lastAt = now;
    if (f.count >= this.freeAttempts) {
      const delay = Math.min(this.maxDelaySeconds, 2 ** (f.count - this.freeAttempts));
      f.blockedUntil = now + delay * 1000;
    }
    this.failures.set(key, f);
    if (this.failures.size > 100_000) {
      this.prune();
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    const cutoff = this.now() - 24 * 3600 * 1000;
    for (const [k, f] of this.failures) {
      if (f.lastAt < cutoff) {
        this.failures.delete(k);
      }
    }
  }
}
