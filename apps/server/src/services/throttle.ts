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

/**
 * Sign-in back-off that nobody can turn against the account's owner (OWASP Authentication cheat
 * sheet, "account lockout"): failures count per account *and* address, so someone else's failures
 * never refuse the owner's correct password from their own address; per address, so one client
 * cannot spray many accounts; and an account-wide ceiling against guesses spread over many
 * addresses, which then only lets through addresses that signed in to that account before.
 */
export class SignInGuard {
  private readonly pair: Throttle;
  private readonly address: Throttle;
  private readonly account: Throttle;
  /** Addresses each account signed in from (bounded; in memory, per instance). */
  private readonly known = new Map<string, Set<string>>();

  constructor(now: () => number = Date.now) {
    this.pair = new Throttle(5, 15 * 60, now);
    this.address = new Throttle(20, 15 * 60, now);
    this.account = new Throttle(100, 15 * 60, now);
  }

  /** Seconds before this account may be tried from this address, 0 when allowed. */
  retryAfter(email: string, ip: string): number {
    const own = Math.max(this.pair.retryAfter(`${email}|${ip}`), this.address.retryAfter(ip));
    const wide = this.known.get(email)?.has(ip) ? 0 : this.account.retryAfter(email);
    return Math.max(own, wide);
  }

  fail(email: string, ip: string): void {
    this.pair.fail(`${email}|${ip}`);
    this.address.fail(ip);
    this.account.fail(email);
  }

  succeed(email: string, ip: string): void {
    this.pair.succeed(`${email}|${ip}`);
    this.address.succeed(ip);
    const set = this.known.get(email) ?? new Set<string>();
    if (set.size >= 20) {
      set.delete(set.values().next().value as string);
    }
    set.add(ip);
    this.known.set(email, set);
    if (this.known.size > 100_000) {
      this.known.delete(this.known.keys().next().value as string);
    }
  }
}

/**
 * Failed workshop-code lookups (23^6 ≈ 148 million codes). Per address, a growing back-off; and,
 * since a wrong code names no workshop, an instance-wide ceiling on failures per minute so rotating
 * addresses cannot enumerate codes: above it every lookup waits for the next minute (a room typing
 * its code then waits too — availability traded for bounded guessing, see docs/SECURITY.md).
 */
export class JoinGuard {
  private readonly address: Throttle;
  private windowStart = 0;
  private failuresInWindow = 0;

  constructor(
    private readonly ceilingPerMinute = 200,
    private readonly now: () => number = Date.now,
  ) {
    this.address = new Throttle(10, 15 * 60, now);
  }

  /** Seconds before this address may look a code up, 0 when allowed. */
  retryAfter(ip: string): number {
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.failuresInWindow = 0;
    }
    const global =
      this.failuresInWindow >= this.ceilingPerMinute
        ? Math.ceil((this.windowStart + 60_000 - now) / 1000)
        : 0;
    return Math.max(global, this.address.retryAfter(ip));
  }

  fail(ip: string): void {
    this.address.fail(ip);
    this.failuresInWindow++;
  }
}
