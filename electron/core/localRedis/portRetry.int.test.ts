import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from './freePort.js';
import { startStandalone, type StandaloneServer } from './testSupport/index.js';

// Only our own port picker is wrapped (to simulate a race); redis-server is real.
vi.mock('./freePort.js', async (importOriginal) => {
  const actual = await importOriginal<{ freePort: typeof freePort }>();
  return { freePort: vi.fn(actual.freePort) };
});

describe('port races', () => {
  let server: StandaloneServer | undefined;
  let blocker: net.Server | undefined;
  afterEach(async () => {
    await server?.stop();
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  });

  it('retries on a new port when the free port was taken meanwhile', async () => {
    const taken = await freePort();
    blocker = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker!.listen(taken, '127.0.0.1', resolve));
    vi.mocked(freePort).mockClear().mockResolvedValueOnce(taken);

    server = await startStandalone();
    expect(server.port).not.toBe(taken);
    expect(vi.mocked(freePort).mock.calls.length).toBeGreaterThanOrEqual(2);
    const client = await server.node.client();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });
});
