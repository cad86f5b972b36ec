import { describe, expect, it } from 'vitest';
import type { ScanStatus } from '../../../shared/api/keys';
import { scanSummary } from './scanSummary';

const status = (s: Partial<ScanStatus>): ScanStatus => ({ state: 'complete', keys: 0, dbSize: 0, calls: 1, ...s });

describe('scanSummary', () => {
  it('says how much was seen, in words that fit the count', () => {
    expect(scanSummary(status({ keys: 304, dbSize: 304 }))).toBe('All 304 keys loaded');
    expect(scanSummary(status({ keys: 1, dbSize: 1 }))).toBe('The only key is loaded');
    expect(scanSummary(status({ state: 'scanning', keys: 412_000, dbSize: 1_000_000 }))).toBe(
      'Scanning… 412,000 of ~1,000,000 keys',
    );
    expect(scanSummary(status({ state: 'scanning', keys: 0, dbSize: 1 }))).toBe('Scanning… 0 of ~1 key');
    expect(scanSummary(status({ keys: 1, dbSize: 9, match: 'a*' }))).toBe('1 key matches (of 9 in this database)');
    expect(scanSummary(status({ keys: 2, dbSize: 9, match: 'a*' }))).toBe('2 keys match (of 9 in this database)');
    expect(scanSummary(status({ state: 'capped', keys: 500, dbSize: 4000, cap: 500 }))).toBe(
      'Stopped at the limit of 500 keys — 500 of ~4,000 keys; expanding a folder loads the rest of it',
    );
  });
});
