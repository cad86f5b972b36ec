import { describe, expect, it } from 'vitest';
import { backoffDelay, isFatal, ReconnectBudget, STANDALONE_RECONNECT } from './reconnectPolicy';

describe('reconnect policy', () => {
  it('doubles the delay from 200 ms up to 2 s', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, STANDALONE_RECONNECT))).toEqual([
      200, 400, 800, 1600, 2000, 2000,
    ]);
  });

  it('counts attempts and stops once the next one would start past the budget', () => {
    const budget = new ReconnectBudget({ firstDelayMs: 100, maxDelayMs: 1_000, budgetMs: 2_000 });
    expect(budget.next(0)).toBe(100);
    expect(budget.next(100)).toBe(200);
    expect(budget.attempt).toBe(2);
    expect(budget.downSeconds(1_700)).toBe(1.7);
    expect(budget.next(1_700)).toBeNull(); // 1.7 s + 400 ms > 2 s
    expect(budget.attempt).toBe(2);
    budget.reset();
    expect(budget.next(10_000)).toBe(100);
    expect(budget.attempt).toBe(1);
  });

  it('never retries what only the user can fix', () => {
    expect(isFatal({ code: 'AUTH_FAILED', message: '' })).toBe(true);
    expect(isFatal({ code: 'UNKNOWN_MASTER', message: '' })).toBe(true);
    expect(isFatal({ code: 'CONNECTION_REFUSED', message: '' })).toBe(false);
    expect(isFatal(undefined)).toBe(false);
  });
});
