import { describe, expect, it } from 'vitest';
import { parseReplication, replicationLag } from './nodeReplication';

const MASTER = '# Replication\r\nrole:master\r\nconnected_slaves:2\r\nmaster_repl_offset:5000\r\n';
const REPLICA =
  '# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:6379\r\nmaster_link_status:up\r\n' +
  'master_last_io_seconds_ago:1\r\nslave_repl_offset:4200\r\n';
const BROKEN =
  '# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:6379\r\nmaster_link_status:down\r\n' +
  'master_last_io_seconds_ago:-1\r\nmaster_link_down_since_seconds:12\r\nslave_repl_offset:100\r\n';

describe('parseReplication', () => {
  it('reads a master and a replica', () => {
    expect(parseReplication(MASTER)).toEqual({ role: 'master', offset: 5000, connectedReplicas: 2 });
    expect(parseReplication(REPLICA)).toEqual({
      role: 'replica',
      masterAddress: '127.0.0.1:6379',
      linkStatus: 'up',
      offset: 4200,
      lastIoSeconds: 1,
    });
    expect(parseReplication(BROKEN)).toMatchObject({ linkStatus: 'down', lastIoSeconds: 12 });
  });

  it('computes lag against the master the replica follows only', () => {
    const master = parseReplication(MASTER);
    expect(replicationLag(parseReplication(REPLICA), master, '127.0.0.1:6379')).toEqual({
      lagBytes: 800,
      lagSeconds: 1,
    });
    expect(replicationLag(parseReplication(REPLICA), master, '127.0.0.1:6380')).toEqual({});
    expect(replicationLag(parseReplication(REPLICA), undefined, '127.0.0.1:6379')).toEqual({ lagSeconds: 1 });
  });
});
