import type { ApiError } from '../../../shared/api/errors';
import { clusterRefusal } from '../cluster/clusterRefusal';
import { ApiFailure } from './apiFailure';

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
}

const asErrorLike = (e: unknown): ErrorLike =>
  typeof e === 'object' && e !== null ? (e as ErrorLike) : { message: String(e) };

// OpenSSL's certificate verification results, as Node reports them in `error.code`.
const CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);

/** TLS failures (certificate, host name, handshake, key material), with what to do about them. */
function tlsError(code: string, message: string, at: string): ApiError | undefined {
  // "…:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:…" → the reason text.
  const reason = /routines:[^:]*:([^:\n]+)/.exec(message)?.[1] ?? message.split('\n')[0]?.trim() ?? message;
  if (CERT_CODES.has(code)) {
    return {
      code: 'TLS_FAILED',
      message: `TLS: the certificate of${at || ' the server'} is not trusted (${reason}). Set the CA file that signed it, or turn verification off if you accept the risk.`,
      details: { tlsCode: code },
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      code: 'TLS_FAILED',
      message: `TLS: the certificate of${at || ' the server'} does not match the host name (${reason}). Connect by a name the certificate lists, or set the TLS server name.`,
      details: { tlsCode: code },
    };
  }
  if (/^ERR_(TLS|SSL|OSSL)_/.test(code)) {
    const hint = /certificate required/i.test(reason) ? ': the server requires a client certificate and key' : '';
    return {
      code: 'TLS_FAILED',
      message: `TLS handshake with${at || ' the server'} failed (${reason})${hint}.`,
      details: { tlsCode: code },
    };
  }
  return undefined;
}

/** The first word of a Redis error reply (`WRONGPASS`, `OOM`, `READONLY`…), if it is one. */
const replyPrefix = (message: string): string | undefined => /^([A-Z][A-Z_]+)\b/.exec(message)?.[1];

/** EXECABORT's first refusal while queuing (ioredis keeps them in `previousErrors`), or ''. */
function queuedRefusal(e: unknown): string {
  const previous = (e as { previousErrors?: unknown[] } | null)?.previousErrors?.[0];
  return previous instanceof Error ? previous.message : '';
}

/**
 * Maps anything thrown by ioredis, Node's net stack or our own code to a stable API error.
 * `where` ("127.0.0.1:6379") makes the message actionable.
 */
export function mapError(e: unknown, where?: string): ApiError {
  if (e instanceof ApiFailure) return e.toApiError();
  const err = asErrorLike(e);
  const message = err.message ?? 'Unknown error';
  const at = where ? ` ${where}` : '';

  const tls = err.code ? tlsError(err.code, message, at) : undefined;
  if (tls) return tls;

  switch (err.code) {
    case 'ECONNREFUSED':
      return {
        code: 'CONNECTION_REFUSED',
        message: `Connection refused by${at || ' the server'}: nothing is listening there. Check the host and port, and that Redis is running.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        code: 'HOST_NOT_FOUND',
        message: `Host not found${where ? `: ${where.replace(/:\d+$/, '')}` : ''}. Check the host name.`,
      };
    case 'ETIMEDOUT':
      return { code: 'TIMEOUT', message: `No answer from${at || ' the server'} in time.` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { code: 'CONNECTION_LOST', message: `The connection to${at || ' the server'} was lost (${err.code}).` };
  }

  if (err.name === 'ReplyError') {
    const prefix = replyPrefix(message);
    if (prefix === 'WRONGPASS' || /invalid password/i.test(message)) {
      return {
        code: 'AUTH_FAILED',
        message: `Authentication failed${at ? ` on${at}` : ''}: wrong username or password.`,
        details: { reply: message },
      };
    }
    if (prefix === 'NOAUTH') {
      return {
        code: 'AUTH_REQUIRED',
        message: `${where ?? 'The server'} requires a password. Enter the password (and username, if ACL users are used).`,
        details: { reply: message },
      };
    }
    const cluster = clusterRefusal(message) ?? clusterRefusal(queuedRefusal(e));
    if (cluster) return cluster;
    return { code: 'REDIS_ERROR', message, details: { reply: prefix ?? message } };
  }

  if (/command timed out/i.test(message)) {
    return { code: 'TIMEOUT', message: `No answer from${at || ' the server'} in time.` };
  }
  // ioredis refuses commands while it reconnects (no offline queue) or after a drop (no resend).
  if (/connection is closed|stream isn't writeable/i.test(message) || err.name === 'MaxRetriesPerRequestError') {
    return { code: 'CONNECTION_LOST', message: `The connection to${at || ' the server'} was closed.` };
  }
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
