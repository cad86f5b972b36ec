import { connect } from 'node:net';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import { formatAddress } from './nodeErrors';

const PROBE_TIMEOUT_MS = 1_000;

/** Whether host:port answers a plain-text PING the way Redis does (`+PONG`, `-NOAUTH…`). */
function speaksPlainRedis({ host, port }: Endpoint, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(/^[+-]/.test(chunk.toString('latin1', 0, 1))));
  });
}

/**
 * Turns the vague outcomes of a TLS mismatch on a first connect into what happened:
 * - TLS to a plain port: Redis waits for a line that never comes, so the handshake times out;
 *   if the port answers a plain PING, the TIMEOUT is really "this port does not speak TLS";
 * - TLS, then a reset: the server refused the client (certificate);
 * - plain to a TLS port: the server resets the connection.
 * Later in a session, a reset is just a lost connection: callers use this for first connects.
 */
export async function explainConnectError(error: ApiError, endpoint: Endpoint, tls: boolean): Promise<ApiError> {
  const where = formatAddress(endpoint.host, endpoint.port);
  if (tls && error.code === 'TIMEOUT' && (await speaksPlainRedis(endpoint))) {
    return {
      code: 'TLS_FAILED',
      message: `${where} does not speak TLS: it answers plain Redis. Turn TLS off for this connection, or use the server's TLS port.`,
    };
  }
  if (tls && error.code === 'CONNECTION_LOST') {
    // With TLS 1.3 a server checks the client certificate after the client thinks the handshake
    // is done; its refusal often arrives as a plain reset instead of the TLS alert.
    return {
      code: 'TLS_FAILED',
      message: `${where} closed the connection right after the TLS handshake: it most likely requires a client certificate and key that it trusts. ${error.message}`,
    };
  }
  if (!tls && error.code === 'CONNECTION_LOST') {
    return { ...error, message: `${error.message} If this port expects TLS, turn TLS on for this connection.` };
  }
  return error;
}
