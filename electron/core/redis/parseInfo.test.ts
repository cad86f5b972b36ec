import { describe, expect, it } from 'vitest';
import { summarizeInfo } from './serverInfo';
import { infoNumber, parseInfo } from './parseInfo';

const SAMPLE = [
  '# Server',
  'redis_version:7.0.15',
  'redis_mode:standalone',
  'uptime_in_seconds:3725',
  '',
  '# Clients',
  'connected_clients:3',
  '',
  '# Memory',
  'used_memory_human:1.02M',
  '',
  '# Replication',
  'role:slave',
  'master_host:127.0.0.1',
  '',
  '# Keyspace',
  'db0:keys=10,expires=0,avg_ttl=0',
].join('\r\n');

describe('parseInfo', () => {
  it('splits sections and keeps values with colons intact', () => {
    const sections = parseInfo(SAMPLE + '\r\nextra:a:b');
    expect(sections['server']?.['redis_version']).toBe('7.0.15');
    expect(sections['keyspace']?.['db0']).toBe('keys=10,expires=0,avg_ttl=0');
    expect(sections['keyspace']?.['extra']).toBe('a:b');
    expect(Object.keys(sections)).toEqual(['server', 'clients', 'memory', 'replication', 'keyspace']);
  });

  it('summarizes identity and headline numbers', () => {
    const info = summarizeInfo(parseInfo(SAMPLE), 0.5);
    expect(info).toMatchObject({
      version: '7.0.15',
      mode: 'standalone',
      role: 'replica',
      uptimeSeconds: 3725,
      connectedClients: 3,
      usedMemoryHuman: '1.02M',
    });
    const sentinel = summarizeInfo(parseInfo('# Server\nredis_version:7.0.15\nredis_mode:sentinel\n'), 1);
    expect(sentinel).toMatchObject({ mode: 'sentinel', role: 'sentinel', connectedClients: null });
  });

  it('reads numbers strictly', () => {
    expect(infoNumber('12')).toBe(12);
    expect(infoNumber('')).toBeNull();
    expect(infoNumber('1.5M')).toBeNull();
    expect(infoNumber(undefined)).toBeNull();
  });
});
