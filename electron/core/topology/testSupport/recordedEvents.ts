// Sentinel events as three redis-server 7.0 sentinels published them (recorded with PSUBSCRIBE *
// on each; ports renamed): `<ms> <sentinel port> <channel>|<message>`. Master 6379, replicas
// 6380/6381, sentinels 26379 (the leader), 26380, 26381.

/** SIGKILL of master 6379: sdown → odown → failover → 6380 promoted. */
export const KILL_FAILOVER = [
  '3082 26380 +sdown|master mymaster 127.0.0.1 6379',
  '3101 26379 +sdown|master mymaster 127.0.0.1 6379',
  '3131 26381 +sdown|master mymaster 127.0.0.1 6379',
  '3155 26379 +odown|master mymaster 127.0.0.1 6379 #quorum 2/2',
  '3156 26379 +new-epoch|1',
  '3156 26379 +try-failover|master mymaster 127.0.0.1 6379',
  '3156 26379 +vote-for-leader|57050c95439c25442c62678e29c32b3fca8cdc41 1',
  '3158 26380 +new-epoch|1',
  '3158 26380 +vote-for-leader|57050c95439c25442c62678e29c32b3fca8cdc41 1',
  '3158 26381 +new-epoch|1',
  '3158 26381 +vote-for-leader|57050c95439c25442c62678e29c32b3fca8cdc41 1',
  '3214 26379 +elected-leader|master mymaster 127.0.0.1 6379',
  '3214 26379 +failover-state-select-slave|master mymaster 127.0.0.1 6379',
  '3222 26381 +odown|master mymaster 127.0.0.1 6379 #quorum 3/2',
  '3286 26379 +selected-slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '3286 26379 +failover-state-send-slaveof-noone|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '3338 26379 +failover-state-wait-promotion|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '4177 26379 -role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
  '4177 26379 +promoted-slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '4177 26379 +failover-state-reconf-slaves|master mymaster 127.0.0.1 6379',
  '4189 26380 +odown|master mymaster 127.0.0.1 6379 #quorum 3/2',
  '4189 26380 -role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
  '4253 26379 +slave-reconf-sent|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '4254 26380 +config-update-from|sentinel 57050c95439c25442c62678e29c32b3fca8cdc41 127.0.0.1 26379 @ mymaster 127.0.0.1 6379',
  '4254 26380 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
  '4254 26380 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '4254 26380 +slave|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '4255 26381 +config-update-from|sentinel 57050c95439c25442c62678e29c32b3fca8cdc41 127.0.0.1 26379 @ mymaster 127.0.0.1 6379',
  '4255 26381 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
  '4255 26381 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '4255 26381 +slave|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '5191 26379 +slave-reconf-inprog|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '5191 26379 +slave-reconf-done|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '5264 26379 -odown|master mymaster 127.0.0.1 6379',
  '5264 26379 +failover-end|master mymaster 127.0.0.1 6379',
  '5264 26379 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
  '5264 26379 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '5264 26379 +slave|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '5304 26380 +sdown|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '5305 26381 +sdown|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '6308 26379 +sdown|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
];

/** SENTINEL FAILOVER while 6380 is master: 6379 (back as a replica) promoted. */
export const MANUAL_FAILOVER = [
  '16482 26379 +role-change|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380 new reported role is slave',
  '16485 26379 +new-epoch|2',
  '16485 26379 +try-failover|master mymaster 127.0.0.1 6380',
  '16541 26379 +vote-for-leader|57050c95439c25442c62678e29c32b3fca8cdc41 2',
  '16541 26379 +elected-leader|master mymaster 127.0.0.1 6380',
  '16541 26379 +failover-state-select-slave|master mymaster 127.0.0.1 6380',
  '16632 26379 +selected-slave|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '16632 26379 +failover-state-send-slaveof-noone|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '16691 26379 +failover-state-wait-promotion|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '16726 26381 +sdown|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '17470 26381 -sdown|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '17478 26381 +new-epoch|2',
  '17478 26380 +new-epoch|2',
  '17523 26379 -role-change|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380 new reported role is master',
  '17523 26379 +promoted-slave|slave 127.0.0.1:6379 127.0.0.1 6379 @ mymaster 127.0.0.1 6380',
  '17523 26379 +failover-state-reconf-slaves|master mymaster 127.0.0.1 6380',
  '17581 26379 +slave-reconf-sent|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '17586 26379 +slave-reconf-inprog|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '17588 26381 +config-update-from|sentinel 57050c95439c25442c62678e29c32b3fca8cdc41 127.0.0.1 26379 @ mymaster 127.0.0.1 6380',
  '17588 26381 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379',
  '17588 26381 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '17588 26381 +slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '17588 26380 +config-update-from|sentinel 57050c95439c25442c62678e29c32b3fca8cdc41 127.0.0.1 26379 @ mymaster 127.0.0.1 6380',
  '17588 26380 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379',
  '17588 26380 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '17588 26380 +slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '17594 26381 -role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
  '17614 26380 -role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
  '18632 26379 +slave-reconf-done|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6380',
  '18708 26379 +failover-end|master mymaster 127.0.0.1 6380',
  '18708 26379 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379',
  '18708 26379 +slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
  '18708 26379 +slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '18781 26379 -role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
  '27611 26381 +convert-to-slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  '27648 26380 +role-change|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is slave',
];

export interface RecordedLine {
  at: number;
  sentinel: string;
  channel: string;
  message: string;
}

export const parseRecorded = (line: string): RecordedLine => {
  const [head = '', message = ''] = line.split('|');
  const [at = '0', port = '0', channel = ''] = head.split(' ');
  return { at: Number(at), sentinel: `127.0.0.1:${port}`, channel, message };
};
