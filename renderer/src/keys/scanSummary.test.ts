import { describe, expect, it } from 'vitest';
import type { ScanStatus } from '../../../shared/api/keys';
import { i18n } from '../i18n/i18n';
import { scanSummary } from './scanSummary';

const status = (s: Partial<ScanStatus>): ScanStatus => ({ state: 'complete', keys: 0, dbSize: 0, calls: 1, ...s });

const zh = i18n.getFixedT('zh-CN');

describe('scanSummary', () => {
  it('says how much was seen, in words that fit the count', () => {
    expect(scanSummary(status({ keys: 304, dbSize: 304 }))).toBe('All 304 keys loaded');
    expect(scanSummary(status({ keys: 1, dbSize: 1 }))).toBe('The only key is loaded');
    expect(scanSummary(status({ state: 'scanning', keys: 412_000, dbSize: 1_000_000 }))).toBe(
      'Scanning… 412,000 of ~1,000,000 keys',
    );
    expect(scanSummary(status({ state: 'scanning', keys: 0, dbSize: 1 }))).toBe('Scanning… 0 of ~1 key');
    expect(scanSummary(status({ keys: 1, dbSize: 9, match: 'a*' }))).toBe('1 key matches “a*” (of 9 in this database)');
    expect(scanSummary(status({ keys: 2, dbSize: 9, match: 'a*' }))).toBe('2 keys match “a*” (of 9 in this database)');
    expect(scanSummary(status({ keys: 2, dbSize: 9, match: 'a*', type: 'hash' }))).toBe(
      '2 keys match “a*” of type hash (of 9 in this database)',
    );
    expect(scanSummary(status({ keys: 1, dbSize: 9, type: 'set' }))).toBe('1 key of type set (of 9 in this database)');
    expect(scanSummary(status({ state: 'capped', keys: 500, dbSize: 4000, cap: 500 }))).toBe(
      'Stopped at the limit of 500 keys — 500 of ~4,000 keys; expanding a folder loads the rest of it',
    );
  });

  it('says nothing for an empty database: the key browser says it is empty, once', () => {
    expect(scanSummary(status({ keys: 0, dbSize: 0 }))).toBe('');
    expect(scanSummary(status({ keys: 0, dbSize: 4, match: 'x*' }))).toBe('0 keys match “x*” (of 4 in this database)');
  });

  it('counts the database from the one source once the scan has ended, not DBSIZE from its start', () => {
    expect(scanSummary(status({ keys: 30, dbSize: 34, match: 'c:*' }), 4)).toBe(
      '30 keys match “c:*” (of 4 in this database)',
    );
    expect(scanSummary(status({ state: 'scanning', keys: 3, dbSize: 34 }), 4)).toBe('Scanning… 3 of ~34 keys');
  });

  it('in Chinese, in its own order and with its own measure word', () => {
    expect(scanSummary(status({ state: 'scanning', keys: 412_000, dbSize: 1_000_000 }), undefined, zh)).toBe(
      '正在扫描… 412,000 / ~1,000,000 个键',
    );
    expect(scanSummary(status({ keys: 304, dbSize: 304 }), undefined, zh)).toBe('已加载全部 304 个键');
    expect(scanSummary(status({ keys: 2, dbSize: 9, match: 'a*', type: 'hash' }), undefined, zh)).toBe(
      '2 个 hash 类型的键匹配“a*”（本数据库共 9 个键）',
    );
    expect(scanSummary(status({ state: 'capped', keys: 500, dbSize: 4000, cap: 500 }), undefined, zh)).toBe(
      '已达到 500 个键的上限，扫描停止——500 / ~4,000 个键；展开文件夹会加载其中其余的键',
    );
    expect(scanSummary(undefined, undefined, zh)).toBe('尚未扫描');
  });
});
