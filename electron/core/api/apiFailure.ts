import type { ApiError, ErrorCode, ErrorDetails } from '../../../shared/api/errors';

/**
 * Thrown inside core when a handler wants a specific error code to reach the UI. `details` is
 * typed by the code (shared/api/errors.ts ErrorDetails).
 */
export class ApiFailure<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails[C],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** Narrows to one code, so its `details` are typed (`if (e instanceof ApiFailure && e.is('CONFLICT'))`). */
  is<K extends ErrorCode>(code: K): this is ApiFailure<K> {
    const mine: ErrorCode = this.code;
    return mine === code;
  }

  toApiError(): ApiError {
    // The constructor paired `code` with its details type; TS cannot follow that for a generic C.
    const error = { code: this.code, message: this.message } as ApiError;
    return this.details === undefined ? error : ({ ...error, details: this.details } as ApiError);
  }
}
