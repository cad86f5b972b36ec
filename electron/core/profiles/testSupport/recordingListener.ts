import net from 'node:net';

export interface RecordingListener {
  port: number;
  /** Everything clients sent so far, as latin1 text (RESP is ASCII framing). */
  received(): string;
  /** How many connections were accepted. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A fake "Redis" on a loopback port that records every byte it receives and answers each chunk
 * with a NOAUTH error, so a client fails fast instead of waiting. Stands in for a hostile host
 * a saved password must never reach.
 */
export async function startRecordingListener(): Promise<RecordingListener> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      socket.write('-NOAUTH Authentication required.\r\n');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => Buffer.concat(chunks).toString('latin1'),
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
