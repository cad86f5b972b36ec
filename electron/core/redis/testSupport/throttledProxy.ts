import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ThrottledProxy {
  port: number;
  /** Stops passing the server's bytes on (they wait in the proxy) until `resume`. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy to a Redis that passes the server's replies on at a slow, steady pace
 * (`bytesPerTick` every `tickMs`): a slow link, e.g. an SSH tunnel, without leaving the machine.
 */
export async function startThrottledProxy(
  target: number,
  bytesPerTick: number,
  tickMs: number,
): Promise<ThrottledProxy> {
  const links = new Set<{ client: Socket; server: Socket; timer: NodeJS.Timeout }>();
  let paused = false;
  const proxy: Server = createServer((client) => {
    const server = connect(target, '127.0.0.1');
    let pending = Buffer.alloc(0);
    const timer = setInterval(() => {
      if (paused || pending.length === 0) return;
      client.write(pending.subarray(0, bytesPerTick));
      pending = pending.subarray(bytesPerTick);
    }, tickMs);
    const link = { client, server, timer };
    links.add(link);
    client.on('data', (bytes) => server.write(bytes));
    server.on('data', (bytes) => {
      pending = Buffer.concat([pending, bytes]);
    });
    const end = () => {
      clearInterval(timer);
      client.destroy();
      server.destroy();
      links.delete(link);
    };
    client.on('close', end).on('error', end);
    server.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as { port: number }).port,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    close: async () => {
      for (const { client } of links) client.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
