import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isDelivered, nextRetryDelay, webhookUrlProblem } from './events.ts';

describe('webhook retry schedule', () => {
  it('doubles the delay after each attempt, caps it and gives up after maxAttempts', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 5 };
    expect([1, 2, 3, 4].map((a) => nextRetryDelay(a, p))).toEqual([1000, 2000, 4000, 5000]);
    expect(nextRetryDelay(5, p)).toBeNull();
    expect(nextRetryDelay(1, p, 0.5)).toBe(1050);
  });
  it('counts only 2xx as delivered', () => {
    expect(isDelivered(204)).toBe(true);
    expect(isDelivered(301)).toBe(false);
    expect(isDelivered(500)).toBe(false);
    expect(isDelivered(null)).toBe(false);
  });
});

describe('webhook URL', () => {
  it('accepts http(s) and refuses other schemes, credentials and garbage', () => {
    expect(webhookUrlProblem('https://hooks.example.org/essaim')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/x')).toBeNull();
    expect(webhookUrlProblem('file:///etc/passwd')).toBe('scheme');
    expect(webhookUrlProblem('gopher://x')).toBe('scheme');
    expect(webhookUrlProblem('https://u:p@example.org/')).toBe('credentials');
    expect(webhookUrlProblem('not a url')).toBe('invalid');
    expect(webhookUrlProblem('mailto:x@example.org')).toBe('scheme');
    expect(webhookUrlProblem('https://exa mple.org/')).toBe('invalid');
    expect(webhookUrlProblem('https://[::1]:8443/h?x=1')).toBeNull();
  });
});
