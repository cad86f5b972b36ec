import Redis, { type Command, type RedisOptions } from 'ioredis';

/**
 * A session's client whose commands fail when the server stops answering, not when an answer is
 * big: ioredis's `commandTimeout` counts from the send, so a 95 MB value read over a slow link
 * (an SSH tunnel, a busy laptop) failed while its bytes were still arriving. Here the option's
 * value is the longest silence allowed: a command's timer, on expiry, starts over when the
 * connection received bytes since it last looked (replies come in order, so bytes arriving mean
 * the queue ahead of the command is moving), and fails the command with ioredis's own
 * "Command timed out" (mapped to TIMEOUT) only after a silence that long.
 *
 * Blocking commands (BLPOP…) are not sent by sessions today; a console that sends them must
 * exempt them, as ioredis does for its own timeout.
 */
export function redisWithStallTimeout(options: RedisOptions): Redis {
  const { commandTimeout: stallMs, ...rest } = options;
  const client = new Redis(rest);
  if (typeof stallMs === 'number') watchStalls(client, stallMs);
  return client;
}

function watchStalls(client: Redis, stallMs: number): void {
  // A copy (the WATCH fallback of a guarded write) is watched the same way: its options have no
  // commandTimeout any more, so without this it would wait forever on a stalled server.
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override?: Partial<RedisOptions>) => {
    const copy = duplicate(override);
    watchStalls(copy, stallMs);
    return copy;
  };
  let received = 0;
  const watched = new WeakSet<object>();
  const watchStream = () => {
    const stream = client.stream as (NodeJS.ReadableStream & object) | undefined;
    if (!stream || watched.has(stream)) return;
    watched.add(stream);
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
  };
  client.on('connect', watchStream);

  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: Command, ...more: unknown[]) => {
    watchStream();
    let seen = received;
    let timer: NodeJS.Timeout;
    const progressed = () => {
      if (received === seen) return false;
      seen = received;
      timer = setTimeout(check, stallMs);
      return true;
    };
    // The timer runs before the event loop reads sockets: after a long blocked loop, bytes may be
    // waiting unread. setImmediate runs after that read, so only a real silence fails the command.
    const check = () => {
      if (command.isResolved || progressed()) return;
      setImmediate(() => {
        if (command.isResolved || progressed()) return;
        command.reject(new Error('Command timed out'));
      });
    };
    timer = setTimeout(check, stallMs);
    const settled = send(command, ...(more as []));
    const stop = () => clearTimeout(timer);
    command.promise.then(stop, stop);
    return settled;
  }) as typeof client.sendCommand;
}
