import { describe, expect, it } from 'vitest';
import { parseKeyspace } from './databases';

describe('parseKeyspace', () => {
  it('reads keys and expires per db, in db order', () => {
    const info = '# Keyspace\r\ndb10:keys=5,expires=1,avg_ttl=100\r\ndb0:keys=1200,expires=0,avg_ttl=0\r\n';
    expect(parseKeyspace(info)).toEqual([
      { db: 0, keys: 1200, expires: 0 },
      { db: 10, keys: 5, expires: 1 },
    ]);
  });

  it('is empty for an empty keyspace', () => {
    expect(parseKeyspace('# Keyspace\r\n')).toEqual([]);
  });
});
