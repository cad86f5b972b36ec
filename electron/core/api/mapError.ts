import type { ApiError } from '../../../shared/api/errors';
import { ApiFailure } from './apiFailure';

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
}

const asErrorLike = (e: unknown): ErrorLike =>
  typeof e === 'object' && e !== null ? (e as ErrorLike) : { message: String(e) };

/** The first word of a Redis error reply (`WRONGPASS`, `OOM`, `READONLY`…), if it is one. */
const replyPrefix = (message: string): string | undefined => /^([A-Z][A-Z_]+)\b/.exec(message)?.[1];

/**
 * Maps anything thrown by ioredis, Node's net stack or our own code to a stable API error.
 * `where` ("127.0.0.1:6379") makes the message actionable.
 */
export function mapError(e: unknown, where?: string): ApiError {
  if (e instanceof ApiFailure) return e.toApiError();
  const err = asErrorLike(e);
  const message = err.message ?? 'Unknown error';
  const at = where ? ` ${where}` : '';

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
    return { code: 'REDIS_ERROR', message, details: { reply: prefix ?? message } };
  }

  if (/command timed out/i.test(message)) {
    return { code: 'TIMEOUT', message: `No answer from${at || ' the server'} in time.` };
  }
  if (/connection is closed/i.test(message)) {
    return { code: 'CONNECTION_LOST', message: `The connection to${at || ' the server'} was closed.` };
  }
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
